package dev.overtalkerr.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words {@link UtteranceParser} knows, per language. All entries are lower-case and written
 * without apostrophes or punctuation ("thats", "id like"), as the normaliser produces them.
 * Nothing here names a title: these are carrier words around titles.
 */
final class Vocabulary {
  boolean german;

  // --- conversation
  /** Leading sounds and greetings dropped when something follows: "okay", "um", "hey". */
  Phrases interjections;
  /** Leading words dropped only when a request verb follows: "so", "just", "go", "then". */
  Phrases softLead;
  /** Words that only open the app: "open overtalkerr", "start". */
  Phrases launch;
  /** Whole-utterance answers; see {@link UtteranceParser}. Anchors decide, neutral words may surround them. */
  Phrases confirm;
  Phrases weakConfirm;
  Phrases reject;
  Phrases next;
  Phrases cancel;
  Phrases help;
  /** "dune the one from 1984": "the one" after a title refers back to it (never the whole title). */
  Phrases trailingReference = Phrases.of();
  /** Doubt or "say again" in an answer: "not sure", "what", "wie bitte". Never a yes. */
  Phrases unclear;
  Phrases neutral;
  /** "thanks", "danke": alone (with neutral words) they end the dialog. */
  Phrases thanks;
  /** A leading "no" before a correction: "no, the one from 1984". */
  Phrases correction;
  /** A restatement that always introduces the corrected request: "no, I meant ...". */
  Phrases restatement;

  // --- carriers around the title
  Phrases politeness;
  Phrases verbs;
  Phrases afterVerb;
  Phrases trailing;
  /** "to my list", "on the watch queue", "to media list": where a title is added, any way it is said. */
  private static String[] listPlaces() {
    List<String> places = new ArrayList<>();
    for (String preposition : List.of("to", "on", "onto", "in", "into")) {
      for (String determiner : List.of("", "my ", "the ", "our ")) {
        for (String noun : List.of("list", "queue", "watchlist", "watch list", "watch queue", "download list",
            "download queue", "media list", "media queue", "wishlist", "wish list", "library", "collection")) {
          places.add(preposition + " " + determiner + noun);
        }
      }
    }
    return places.toArray(String[]::new);
  }

  /** "auf meine Liste", "zur Merkliste", "in die Wunschliste": the German places a title is added to. */
  private static String[] listenOrte() {
    List<String> places = new ArrayList<>();
    for (String preposition : List.of("auf", "auf die", "auf meine", "auf unsere", "zur", "zu meiner", "zu unserer",
        "in die", "in meine", "in unsere")) {
      for (String noun : List.of("liste", "merkliste", "wunschliste", "downloadliste", "watchlist", "warteschlange",
          "bibliothek", "sammlung", "mediathek")) {
        places.add(preposition + " " + noun);
      }
    }
    return places.toArray(String[]::new);
  }

  /** Particles that close a specific verb: "put X on", "lade X herunter". Keyed by the verb's first word. */
  Map<String, Phrases> particles;

  // --- media type
  Set<String> articles;
  Phrases movie;
  Phrases tv;
  Phrases called;
  Phrases trailingMovie;
  /**
   * Type words said after a title without an article ("the witcher series"): read as the type,
   * with the words as spoken kept as an alternative reading. "movie" and "show" end too many
   * titles ("scary movie", "the truman show") to be among them.
   */
  Phrases bareTrailingType;
  /** Type words that start titles too often to count without an article ("show dogs"). */
  Set<String> weakTypeWords;
  /**
   * Words that bind what follows into the title: a type or season word before them ("a series of
   * unfortunate events") or a year after them ("class of 1999") is the title's.
   */
  Set<String> prepositions;
  Phrases trailingTv;

  // --- temporal
  Phrases upcoming;
  Phrases latest;
  /** "new": temporal only before a media-type word ("the new movie X", "the new X movie"). */
  Phrases fresh;
  /** "next": an upcoming wish only before a media-type word ("the next dune movie"). */
  Phrases coming;
  Set<String> whenConjunctions;
  Set<String> whenWords;
  Phrases trailingUpcoming;

  // --- seasons
  Set<String> seasonWords;
  /** British "series 2"; null for German. */
  Set<String> seriesWords;
  Phrases seasonNumberWords;
  Phrases seasonJoin;
  /** The join words of {@link #seasonJoin} that make a range ("4 to 6"), not a pair. */
  Set<String> seasonRange;
  Phrases seasonLatest;
  Phrases seasonNext;
  Phrases seasonAll;
  Phrases seasonConnectors;
  /** An answer that means every season when it is the whole utterance: "all of them". */
  Phrases everything;
  /** "episode" words: "the latest episode(s) of X" asks for the latest season. */
  Set<String> episodeWords;
  Set<String> seasonArticles;

  // --- years
  Phrases yearConnectors;
  Phrases yearPostfix;
  Phrases thisYear;
  /** Parts of a decade: "the early/mid/late 80s", "den frühen/späten 80ern", "Mitte der 80er". */
  Phrases early;
  Phrases middle;
  Phrases late;
  Phrases lastYear;
  Phrases nextYear;
  Phrases rangeStart;
  Phrases rangeJoin;
  /** The article of "the 80s", "the 1984 one", "aus den 80ern". */
  Set<String> yearArticles;
  Set<String> numberBlockers;

  // --- 4K and refinement
  Phrases fourK;
  Set<String> refineFiller;
  /** "not", "nicht": "the series, not the movie" names the type it rules out. */
  Set<String> negations;
  /** What may follow a type word without naming a title: "the film version", "the tv one". */
  Set<String> carrierFiller;
  Set<String> newer;
  Set<String> older;

  static Vocabulary forLanguage(String language) {
    if (language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("de")) {
      return GERMAN;
    }
    return ENGLISH;
  }

  private static final Vocabulary ENGLISH = english();
  private static final Vocabulary GERMAN = german();

  private static Vocabulary english() {
    Vocabulary v = new Vocabulary();
    v.german = false;
    v.interjections = Phrases.of("um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "ok", "okay",
        "alright", "all right", "overtalkerr", "overtalker", "over talker", "hey overtalkerr",
        "hey overtalker", "ok overtalkerr", "okay overtalkerr", "alexa", "hey google", "ok google",
        "okay google", "hey siri", "siri", "ok nabu", "okay nabu", "hey nabu", "hey jarvis",
        "hey mycroft", "hey home assistant");
    v.softLead = Phrases.of("so", "well", "oh", "hey", "hi", "hello", "yo", "go", "go and", "just", "now",
        "then", "and", "also", "maybe", "quickly", "lets", "let us", "i mean", "i meant", "i said",
        "actually", "right", "now then", "you could", "you can", "could you maybe", "yes", "yeah",
        "yep", "yes please", "sure", "ok yes");
    v.launch = Phrases.of("open", "start", "launch", "overtalkerr", "overtalker", "over", "talker",
        "hey", "hi", "hello");
    v.confirm = Phrases.of("yes", "yeah", "yea", "ya", "yep", "yup", "yas", "aye", "sure", "correct", "right",
        "exactly", "perfect", "absolutely", "definitely", "affirmative", "certainly", "indeed",
        "uh huh", "mhm", "go ahead", "go for it", "do it", "do that", "please do", "that one",
        "this one", "thats it", "thats the one", "thats right", "thats correct", "that is the one",
        "that is it", "sounds good", "of course", "why not", "request it", "download it",
        "get it", "grab it", "add it", "yes please", "i do", "it is", "good", "great", "cool",
        "lovely", "brilliant", "you got it", "bingo", "yes it is", "yeah that one", "sure thing",
        "you bet", "yes sir", "spot on", "works for me", "that works", "sounds great", "please do it",
        "thats the one i want", "thats what i want", "thats what i meant", "thats the right one",
        "ill take it", "ill take that one", "ill take that", "take it", "thatll do", "that will do",
        "right one", "the right one", "yes thats it");
    v.weakConfirm = Phrases.of("ok", "okay", "alright", "all right", "fine", "please", "go on", "do");
    v.reject = Phrases.of("no", "nope", "nah", "not", "wrong", "incorrect", "negative", "not that one",
        "not this one", "thats not it", "thats wrong", "wrong one", "not it", "not really",
        "thats not the one", "not the one", "dont", "no way", "i dont think so", "different one",
        "the wrong one", "thats the wrong one", "thats not right", "not right", "not what i meant");
    v.next = Phrases.of("next", "next one", "skip", "skip it", "skip that", "skip this", "another",
        "another one", "something else", "anything else", "what else", "other one",
        "the other one", "any others", "any other", "keep going", "show me another", "give me another",
        "try another", "try again", "more", "the next", "a different one", "something different",
        "different", "another title", "the others please", "any other one");
    v.cancel = Phrases.of("cancel", "stop", "never mind", "nevermind", "forget it", "forget about it",
        "quit", "exit", "abort", "enough", "thats all", "nothing", "goodbye", "bye", "good bye",
        "im done", "done", "leave it", "stop it", "shut up", "cancel that", "cancel it",
        "end it", "thats enough");
    v.help = Phrases.of("help", "help me", "what can i say", "what can i do", "what can you do",
        "what do i say", "how does this work", "how does it work", "how do i use this",
        "what are my options", "options", "instructions", "i need help", "who are you", "what are you",
        "what is this", "what do you do", "how do i do this", "can you help me", "help please",
        "what can i ask", "what can i ask you", "what can i ask for", "what should i say",
        "what do you understand", "how do i use you", "what can i do here");
    v.trailingReference = Phrases.of("the one", "that one", "the one please");
    v.unclear = Phrases.of("not sure", "not really sure", "im not sure", "i am not sure", "unsure", "maybe", "i dont know",
        "dont know", "no idea", "what", "pardon", "come again", "say again", "say that again", "sorry what", "excuse me", "huh",
        "what was that", "i didnt catch that");
    v.neutral = Phrases.of("please", "thanks", "thank", "you", "so", "much", "um", "uh", "er", "erm",
        "oh", "well", "just", "the", "that", "this", "it", "its", "one", "is", "i", "me", "and",
        "then", "mean", "think", "guess", "hey", "overtalkerr", "a", "very", "again", "now", "ah",
        "hmm", "actually", "really", "sir", "kindly", "for", "to", "try", "show", "give", "go", "lets",
        "see", "what", "about", "how", "either", "too", "also", "meant", "wanted", "want", "looking",
        "not", "quite", "but", "instead", "rather", "maybe", "we", "can", "could", "you", "please",
        "still", "yet", "at", "all");
    v.thanks = Phrases.of("thanks", "thank you", "thanks a lot", "cheers", "thank you very much",
        "thanks so much", "many thanks", "ta");
    v.correction = Phrases.of("no", "nope", "nah", "not quite", "wrong", "actually", "i mean", "i meant");
    v.restatement = Phrases.of("i said", "i meant", "i mean", "no i said", "no i meant", "no i mean",
        "nope i said", "nope i meant", "sorry i meant", "sorry i said", "no sorry i meant",
        "i was asking for", "i asked for", "no i asked for");
    v.politeness = Phrases.of("please", "can you", "could you", "would you", "will you", "can u",
        "could u", "would you mind", "kindly", "i want you to", "i need you to", "id like you to",
        "i would like you to", "ask overtalkerr to", "tell overtalkerr to", "pretty please",
        "would you please", "could you please", "can you please",
        "something called", "something named", "a thing called");
    v.verbs = Phrases.of("download", "get", "grab", "find", "request", "add", "search for", "search",
        "look up", "look for", "queue", "queue up", "put", "fetch", "pull", "order", "watch", "see",
        "play", "i want", "i want to watch", "i want to see", "i want to download", "i want to get",
        "i wanna", "i wanna watch", "i wanna see", "i wanna download", "i would like",
        "i would like to watch", "i would like to see", "i would like to download", "id like",
        "id like to watch", "id like to see", "id like to download", "i need", "i need to watch",
        "do you have", "have you got", "is there", "im looking for", "i am looking for",
        "im after", "i am after", "show me", "find me", "get me", "grab me", "download me",
        "i wish to watch", "i want to request", "i would like to request", "id like to request",
        "i want to add", "id like to add", "record", "bring me", "can i get", "can i have", "could i get",
        "could i have", "may i have", "can we get", "can we have", "could we get", "give me",
        "let me watch", "let me see", "let me get", "ill have", "id love", "i would love",
        "id love to watch", "i would love to watch", "id love to see", "we want to watch",
        "we would like to watch", "wed like to watch", "we want", "i fancy", "i feel like watching",
        "how about", "what about", "try", "download for me", "add for me", "search for me",
        "get hold of", "pick up", "set up", "we wanna watch", "i need to see", "i have to see",
        "help me find", "help me get", "help me download", "help me look for", "help me search for",
        "ask overtalkerr for", "ask overtalkerr to get", "ask overtalkerr to download",
        "make that", "make it", "change that to", "change it to", "switch to", "rather",
        "i wanted", "i wanted to watch", "i wanted to see", "i was looking for", "i was after");
    v.afterVerb = Phrases.of("me", "us", "for me", "for us", "please", "something called",
        "something named", "a thing called", "one called", "a title called", "the one called");
    v.trailing = Phrases.of("please", "thanks", "thank you", "thank you very much", "for me", "for us",
        "to the list", "to my list", "to the queue", "to my queue", "to the watchlist",
        "to my watchlist", "to the watch list", "to my watch list", "to the library",
        "to my library", "to plex", "to jellyfin", "to emby", "to the server", "to the collection",
        "on the list", "on my list", "on the server", "on plex", "for download", "for tonight",
        "if you can", "if possible", "if you could", "overtalkerr", "overtalker", "okay", "ok",
        "thanks a lot", "cheers", "right now", "asap", "to download", "to watch", "and", "and thanks",
        "and thank you", "would you", "could you", "can you", "will you", "please would you",
        "right away", "straight away", "immediately", "when you can", "when you get a chance",
        "instead", "instead please", "rather")
        .plus(Phrases.of(listPlaces()));
    v.particles = Map.of(
        "put", Phrases.of("on", "in", "on the list", "in the queue", "on my list", "onto the list"),
        "queue", Phrases.of("up"),
        "look", Phrases.of("up"),
        "add", Phrases.of("in"));
    v.articles = Set.of("the", "a", "an", "that", "this");
    v.movie = Phrases.of("movie", "film", "motion picture", "flick", "feature film", "feature", "picture");
    v.tv = Phrases.of("tv show", "tv series", "television show", "television series", "tv programme",
        "tv program", "show", "series", "miniseries", "mini series", "docuseries", "sitcom", "tv");
    v.called = Phrases.of("called", "named", "titled", "entitled", "thats called", "that is called",
        "which is called");
    v.trailingMovie = Phrases.of("the movie", "the film", "as a movie", "as a film");
    v.weakTypeWords = Set.of("show", "feature", "picture", "flick", "tv");
    v.bareTrailingType = Phrases.of("series", "tv series", "tv show", "television series",
        "television show", "miniseries", "mini series", "docuseries", "film", "tv programme",
        "tv program");
    v.prepositions = Set.of("for", "of", "in", "with", "through", "by", "from", "across", "all");
    v.trailingTv = Phrases.of("the tv show", "the tv series", "the series", "the show",
        "the television series", "as a series", "as a show");
    v.upcoming = Phrases.of("upcoming", "forthcoming", "coming", "unreleased", "soon to be released",
        "not yet released");
    v.latest = Phrases.of("latest", "newest", "most recent");
    v.fresh = Phrases.of("new", "brand new");
    v.coming = Phrases.of("next");
    v.whenConjunctions = Set.of("when", "once", "whenever", "as soon as", "as");
    v.whenWords = Set.of("it", "its", "is", "they", "theyre", "are", "comes", "come", "out", "released",
        "releases", "release", "airs", "air", "drops", "premieres", "available", "gets", "get", "has",
        "been", "soon", "as", "finally", "becomes", "streaming", "on", "the", "streams");
    v.trailingUpcoming = Phrases.of("coming soon", "thats coming out", "that is coming out",
        "coming out", "coming out soon", "thats coming soon", "which is coming out", "not out yet",
        "that isnt out yet", "thats not out yet", "that comes out soon");
    v.seasonWords = Set.of("season", "seasons");
    v.seriesWords = Set.of("series");
    v.seasonNumberWords = Phrases.of("number", "no");
    v.seasonJoin = Phrases.of("and", "to", "through", "thru", "or", "until");
    v.seasonRange = Set.of("to", "through", "thru", "until");
    v.seasonLatest = Phrases.of("latest", "newest", "new", "last", "most recent", "recent", "current",
        "final", "brand new", "latest new");
    v.seasonNext = Phrases.of("next", "upcoming", "coming", "forthcoming", "new upcoming");
    v.seasonAll = Phrases.of("all seasons", "all the seasons", "all of the seasons", "every season",
        "each season", "whole series", "the whole series", "complete series", "the complete series",
        "entire series", "the entire series", "whole show", "the whole show", "complete show",
        "the complete show", "entire show", "the entire show", "full series", "the full series",
        "all series", "every single season", "all available seasons");
    v.seasonConnectors = Phrases.of("of", "from", "for", "of the show", "of the series",
        "of the tv show");
    v.seasonArticles = Set.of("the", "a", "an", "that", "this");
    v.everything = Phrases.of("all", "all of them", "all of it", "everything", "the whole thing", "the lot",
        "all seasons please", "all of them please", "the whole lot", "every one", "every one of them",
        "give me all of them", "all please", "both", "both of them");
    v.episodeWords = Set.of("episode", "episodes");
    v.yearConnectors = Phrases.of("from", "in", "released in", "released", "made in", "came out in",
        "that came out in", "which came out in", "that came out", "out in", "from the year",
        "in the year", "circa", "dated", "that was released in", "released back in",
        "from back in", "back in", "that came out back in", "out of");
    v.yearPostfix = Phrases.of("one", "version", "film", "movie", "release", "edition", "remake", "show",
        "series", "original", "adaptation");
    v.thisYear = Phrases.of("this year", "this years", "the current year");
    v.early = Phrases.of("early");
    v.middle = Phrases.of("mid", "middle", "the middle of the", "the mid");
    v.late = Phrases.of("late");
    v.lastYear = Phrases.of("last year", "last years", "the previous year");
    v.nextYear = Phrases.of("next year", "next years");
    v.rangeStart = Phrases.of("from", "between");
    v.rangeJoin = Phrases.of("to", "and", "until", "till", "through");
    v.yearArticles = Set.of("the");
    v.numberBlockers = Set.of("season", "seasons", "series", "part", "episode", "chapter", "volume",
        "vol", "number", "no", "book", "level", "apollo", "catch", "district", "area", "route",
        "highway", "flight", "room", "station", "star", "agent", "squad");
    v.fourK = Phrases.of("in 4k", "4k", "in four k", "four k", "in 4 k", "4 k", "in uhd", "uhd",
        "in ultra hd", "ultra hd", "in 2160p", "2160p", "in ultra high definition", "ultra high definition",
        "in 4k quality", "in 4k resolution", "the 4k version of", "the 4k version", "4k version",
        "in 4k please");
    v.refineFiller = Set.of("the", "one", "that", "this", "it", "a", "an", "version", "ones", "i", "mean",
        "meant", "actually", "rather", "please", "instead", "thats", "its", "is", "want", "wanted",
        "was", "thinking", "of", "no", "yes", "yeah", "oh", "sorry", "get", "id", "like", "prefer",
        "maybe", "then", "try", "how", "about", "what", "did", "you", "have", "any", "got", "there",
        "just", "only");
    v.carrierFiller = Set.of("one", "ones", "version", "please", "instead");
    v.negations = Set.of("not", "no");
    v.newer = Set.of("newer", "new", "recent", "later", "latest", "newest", "more", "modern", "remake");
    v.older = Set.of("older", "old", "original", "earlier", "oldest", "classic");
    return v;
  }

  private static Vocabulary german() {
    Vocabulary v = new Vocabulary();
    v.german = true;
    v.interjections = Phrases.of("ähm", "äh", "öhm", "hm", "hmm", "ok", "okay", "overtalkerr",
        "overtalker", "hey overtalkerr", "okay overtalkerr", "um", "alexa", "hey google", "ok google",
        "okay google", "hey siri", "siri", "ok nabu", "okay nabu", "hey nabu", "hey jarvis");
    v.softLead = Phrases.of("also", "na", "naja", "hey", "hallo", "hi", "so", "oh", "ach", "du", "doch",
        "jetzt", "dann", "und", "mir", "uns", "vielleicht", "schnell", "ich meine", "ich meinte",
        "ich sagte", "lass uns", "eigentlich", "nun", "ja", "ja bitte", "genau");
    v.launch = Phrases.of("öffne", "öffnen", "starte", "starten", "start", "open", "overtalkerr",
        "overtalker", "hey", "hallo", "hi");
    v.confirm = Phrases.of("ja", "jawohl", "jo", "jep", "jap", "japp", "genau", "passt", "richtig",
        "korrekt", "gerne", "gern", "sicher", "klar", "na klar", "natürlich", "stimmt", "perfekt",
        "super", "prima", "toll", "auf jeden fall", "mach das", "mach es", "machs", "mach", "tu das",
        "das ist er", "das ist sie", "das ist es", "der ist es", "die ist es", "das ist der richtige",
        "das ist die richtige", "das ist richtig", "den", "diesen", "diese", "dieser",
        "den meine ich", "die meine ich", "das meine ich", "genau den", "genau die",
        "genau das", "lade ihn herunter", "lade sie herunter", "lade es herunter", "hol ihn",
        "hol sie", "bestellen", "anfragen", "yes", "sure", "jup", "gut", "sehr gut", "einverstanden",
        "ganz genau", "exakt", "richtig so", "herunterladen", "den nehme ich", "die nehme ich",
        "das nehme ich", "nehme ich", "nimm den", "nimm die", "nimm das", "den nehmen wir",
        "die nehmen wir", "das nehmen wir", "genommen");
    v.weakConfirm = Phrases.of("ok", "okay", "in ordnung", "alles klar", "na gut", "bitte");
    v.reject = Phrases.of("nein", "nee", "ne", "nö", "nicht", "falsch", "nicht den", "nicht die",
        "nicht das", "der falsche", "die falsche", "das falsche", "den falschen", "das ist falsch",
        "das ist er nicht", "das ist sie nicht", "das ist es nicht", "nicht der", "nicht richtig",
        "no", "keinesfalls", "auf keinen fall", "eher nicht", "lieber nicht", "nein danke");
    v.next = Phrases.of("nächster", "nächste", "nächstes", "nächsten", "den nächsten", "der nächste",
        "die nächste", "das nächste", "weiter", "überspringen", "skip", "next", "ein anderer",
        "eine andere", "ein anderes", "einen anderen", "was anderes", "etwas anderes", "andere",
        "anderer", "anderen", "noch einer", "noch eine", "noch einen", "einen weiteren", "weitere",
        "was gibt es noch", "was noch", "zeig mir den nächsten");
    v.cancel = Phrases.of("abbrechen", "abbruch", "stopp", "stop", "vergiss es", "vergiss das",
        "vergiss", "egal", "schon gut", "tschüss", "tschüs", "beenden", "ende", "lass es",
        "lass gut sein", "nichts", "aufhören", "hör auf", "halt", "abbrechen bitte", "cancel",
        "das wars", "das war alles", "fertig", "ciao", "auf wiedersehen");
    v.help = Phrases.of("hilfe", "help", "was kann ich sagen", "wie funktioniert das",
        "was kannst du", "was kannst du alles", "wie geht das", "hilf mir", "ich brauche hilfe",
        "was kann ich alles sagen", "was kann ich machen",
        "was kann ich tun", "optionen");
    v.unclear = Phrases.of("nicht sicher", "weiß nicht", "ich weiß nicht", "keine ahnung", "vielleicht", "wie bitte", "was",
        "bitte was", "hä", "nochmal", "noch mal", "wie war das", "was hast du gesagt");
    v.neutral = Phrases.of("aber", "bitte", "danke", "schön", "sehr", "doch", "mal", "also", "äh", "ähm", "hm",
        "ach", "das", "der", "die", "den", "es", "ist", "einer", "eine", "einen", "ein", "und", "dann",
        "ich", "meine", "hey", "overtalkerr", "jetzt", "gerne", "danke schön", "vielen dank", "nun",
        "eigentlich", "wirklich", "so", "meinte", "zeig", "mir", "gib", "auch", "nimm", "lieber",
        "stattdessen", "noch", "mehr", "probier", "versuch", "wie", "wäre", "es", "mit", "bitte");
    v.thanks = Phrases.of("danke", "vielen dank", "danke schön", "dankeschön", "danke sehr", "merci");
    v.correction = Phrases.of("nein", "nee", "ne", "nö", "falsch", "ich meine", "ich meinte", "eigentlich");
    v.restatement = Phrases.of("ich meinte", "ich meine", "ich sagte", "nein ich meinte", "nein ich meine",
        "nein ich sagte", "nee ich meinte", "sorry ich meinte",
        "ich hatte gesagt");
    v.politeness = Phrases.of("bitte", "mal", "kannst du", "könntest du", "würdest du", "kannst du mal",
        "kannst du bitte", "kannst du mir", "könntest du mir", "würdest du mir", "sag overtalkerr",
        "frag overtalkerr", "sage overtalkerr", "bitte mal", "kannst du uns", "könntest du bitte", "nach",
        "können wir", "könnten wir", "wollen wir", "sollen wir", "würdest du bitte");
    v.verbs = Phrases.of("lade", "lad", "lade mir", "lad mir", "lade uns", "suche", "such", "suche nach",
        "such nach", "such mir", "suche mir", "finde", "find", "finde mir", "ich möchte", "ich möchte gern",
        "ich möchte gerne", "ich will", "ich würde gern", "ich würde gerne", "ich hätte gern",
        "ich hätte gerne", "ich suche", "ich suche nach", "füge", "füg", "besorg", "besorge",
        "besorg mir", "besorge mir", "hol", "hole", "hol mir", "hole mir", "download", "downloade",
        "lade herunter", "zeig mir", "zeige mir", "gibt es", "hast du", "habt ihr", "ich brauche",
        "bestelle", "bestell", "fordere", "frage an", "ich will sehen", "ich möchte sehen",
        "ich möchte schauen", "nimm", "nimm auf", "spiel", "spiele", "gib mir", "merk", "merke",
        "ich möchte mir", "ich will mir", "ich würde mir gern", "ich würde mir gerne", "ich wünsche mir",
        "schau nach", "schaue nach", "such mal nach", "lad mal", "lade mal", "ich wollte",
        "ich wollte eigentlich", "wir wollen", "wir möchten", "wir würden gern", "wir würden gerne",
        "frage", "frag", "setze", "setz", "fordere mir", "lieber", "doch lieber", "dann lieber", "stattdessen");
    v.afterVerb = Phrases.of("mir", "uns", "mal", "bitte", "für mich", "gerne", "gern", "doch", "eben",
        "schnell", "kurz", "etwas namens",
        "was namens", "etwas mit dem titel");
    v.trailing = Phrases.of("bitte", "danke", "danke schön", "vielen dank", "für mich", "für uns", "mal",
        "herunter", "runter", "hinzu", "herunterladen", "runterladen", "downloaden", "laden",
        "sehen", "anschauen", "ansehen", "anschaun", "gucken", "angucken", "schauen", "besorgen",
        "holen", "suchen", "finden", "hinzufügen", "haben", "anfragen", "bestellen", "zur liste",
        "auf die liste", "auf meine liste", "zu meiner liste", "zur merkliste", "zur watchlist",
        "in die liste", "zur bibliothek", "in die bibliothek", "zu plex", "auf plex", "ins plex",
        "zur warteschlange", "in die warteschlange", "overtalkerr", "gerne", "gern", "jetzt",
        "sofort", "bitte schön", "wenn möglich", "wenn du kannst", "ok", "okay", "vormerken",
        "merken", "aufnehmen", "anfordern", "geben", "gucken bitte", "schauen bitte", "hinzu bitte",
        "hinzufügen bitte", "herunterladen bitte", "kann", "können", "könnte", "würde", "will",
        "möchte", "abspielen", "spielen", "auf", "und", "und danke", "kannst du das", "ja", "sofort bitte",
        "stattdessen", "lieber")
        .plus(Phrases.of(listenOrte()));
    v.particles = Map.of(
        "fordere", Phrases.of("an"),
        "frage", Phrases.of("an"),
        "frag", Phrases.of("an"),
        "setze", Phrases.of("auf die liste", "auf meine liste", "auf die merkliste", "auf meine merkliste"),
        "setz", Phrases.of("auf die liste", "auf meine liste", "auf die merkliste", "auf meine merkliste"));
    v.articles = Set.of("der", "die", "das", "den", "dem", "ein", "eine", "einen", "einer", "diesen",
        "diese", "dieser");
    v.movie = Phrases.of("film", "kinofilm", "spielfilm", "movie", "streifen");
    v.tv = Phrases.of("serie", "fernsehserie", "tv serie", "tvserie", "sendung", "fernsehsendung", "show",
        "tv show", "miniserie", "doku serie", "dokuserie", "staffelserie");
    v.called = Phrases.of("namens", "mit dem titel", "mit dem namen", "der heißt", "die heißt",
        "das heißt", "genannt", "called", "der sich nennt", "die sich nennt");
    v.trailingMovie = Phrases.of("der film", "den film", "als film");
    v.weakTypeWords = Set.of("show");
    v.bareTrailingType = Phrases.of("serie", "film", "fernsehserie", "tv serie", "miniserie", "kinofilm");
    v.prepositions = Set.of("für", "von", "mit", "in", "aus", "über", "durch");
    v.trailingTv = Phrases.of("die serie", "als serie", "die sendung", "die show");
    v.upcoming = Phrases.of("kommenden", "kommende", "kommender", "kommendes", "bevorstehenden",
        "bevorstehende", "demnächst erscheinenden", "bald erscheinenden", "unveröffentlichten");
    v.latest = Phrases.of("neuesten", "neueste", "neuester", "neuestes", "neusten", "neuste", "aktuellen",
        "aktuelle", "aktuellsten", "letzten");
    v.fresh = Phrases.of("neuen", "neue", "neuer", "neues", "brandneuen", "brandneue");
    v.coming = Phrases.of("nächsten", "nächste", "nächster", "nächstes");
    v.whenConjunctions = Set.of("wenn", "sobald", "sowie", "wann");
    v.whenWords = Set.of("er", "sie", "es", "rauskommt", "herauskommt", "erscheint", "draußen", "draussen",
        "ist", "verfügbar", "raus", "kommt", "veröffentlicht", "wird", "läuft", "startet", "heraus",
        "rauskommen", "erscheinen", "da", "endlich", "im", "kino", "streaming");
    v.trailingUpcoming = Phrases.of("der bald rauskommt", "die bald rauskommt", "das bald rauskommt",
        "der demnächst erscheint", "die demnächst erscheint", "das demnächst erscheint",
        "der bald erscheint", "die bald erscheint", "das bald erscheint", "der noch nicht draußen ist",
        "die noch nicht draußen ist", "demnächst", "bald");
    v.seasonWords = Set.of("staffel", "staffeln", "season");
    v.seriesWords = Set.of();
    v.seasonNumberWords = Phrases.of("nummer", "nr");
    v.seasonJoin = Phrases.of("und", "bis", "oder");
    v.seasonRange = Set.of("bis");
    v.seasonLatest = Phrases.of("neue", "neuen", "neueste", "neuesten", "neuste", "neusten", "aktuelle",
        "aktuellen", "letzte", "letzten", "jüngste", "jüngsten", "brandneue", "brandneuen");
    v.seasonNext = Phrases.of("nächste", "nächsten", "kommende", "kommenden", "anstehende",
        "anstehenden", "bevorstehende", "bevorstehenden");
    v.seasonAll = Phrases.of("alle staffeln", "alle die staffeln", "alle der staffeln", "jede staffel",
        "sämtliche staffeln", "die ganze serie", "ganze serie", "die komplette serie", "komplette serie",
        "die gesamte serie", "gesamte serie", "die ganzen staffeln", "alle verfügbaren staffeln",
        "den ganzen kram", "die komplette staffel", "die kompletten staffeln", "komplett");
    v.seasonConnectors = Phrases.of("von", "vom", "aus", "zu", "für", "der serie", "von der serie");
    v.seasonArticles = Set.of("die", "der", "den", "eine", "einer", "diese");
    v.everything = Phrases.of("alle", "alles", "alle davon", "die ganze serie", "das ganze", "alle bitte",
        "alles bitte", "beide", "alle zusammen");
    v.episodeWords = Set.of("folge", "folgen", "episode", "episoden");
    v.yearConnectors = Phrases.of("von", "vom", "aus", "aus dem jahr", "aus dem jahre", "vom jahr",
        "im jahr", "im jahre", "von dem jahr", "erschienen", "erschienen im jahr", "erschienen in",
        "ca", "von ca", "jahrgang", "erschienen im", "in");
    v.yearPostfix = Phrases.of("version", "fassung", "film", "verfilmung", "serie", "original");
    v.early = Phrases.of("frühen", "anfang der");
    v.middle = Phrases.of("mitte der", "mittleren");
    v.late = Phrases.of("späten", "ende der");
    v.thisYear = Phrases.of("diesem jahr", "dieses jahr", "diesen jahres", "dem aktuellen jahr",
        "heuer", "diesjährigen", "diesjährige");
    v.lastYear = Phrases.of("letztem jahr", "letzten jahr", "letztes jahr", "dem letzten jahr",
        "dem vorjahr", "vorjahr", "letzten jahres", "vergangenem jahr", "dem vergangenen jahr");
    v.nextYear = Phrases.of("nächstem jahr", "nächsten jahr", "nächstes jahr", "dem nächsten jahr");
    v.rangeStart = Phrases.of("von", "zwischen", "aus");
    v.rangeJoin = Phrases.of("bis", "und");
    v.yearArticles = Set.of("den", "dem", "die", "der", "das");
    v.numberBlockers = Set.of("staffel", "teil", "folge", "kapitel", "nummer", "nr", "band", "episode",
        "part", "season", "apollo", "district", "station", "raum", "zimmer", "gleis");
    v.fourK = Phrases.of("in 4k", "4k", "in uhd", "uhd", "in ultra hd", "ultra hd", "in vier k", "vier k",
        "in 4 k", "4 k", "in 2160p", "2160p", "in 4k qualität", "in 4k auflösung", "die 4k version von",
        "die 4k version", "4k version");
    v.refineFiller = Set.of("der", "die", "das", "den", "dem", "eine", "einer", "einen", "ein", "version",
        "fassung", "ich", "meine", "meinte", "lieber", "bitte", "stattdessen", "eigentlich", "doch", "ist",
        "es", "nein", "ja", "oh", "nimm", "nehme", "will", "möchte", "hätte", "gern", "gerne", "vielleicht",
        "nur", "bloß", "lediglich");
    v.carrierFiller = Set.of("version", "fassung", "bitte", "stattdessen", "lieber");
    v.negations = Set.of("nicht", "kein", "keine", "keinen");
    v.newer = Set.of("neuere", "neueren", "neuerer", "neueres", "neue", "neuen", "neuer", "neues",
        "neueste", "neuesten", "aktuellere", "aktuelleren", "spätere", "späteren", "jüngere",
        "jüngeren", "remake");
    v.older = Set.of("ältere", "älteren", "älterer", "älteres", "alte", "alten", "alter", "altes",
        "original", "originale", "originalen", "ursprüngliche", "ursprünglichen", "frühere",
        "früheren", "klassiker");
    return v;
  }
}
