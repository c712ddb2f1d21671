package dev.overtalkerr.understanding;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words {@link UtteranceParser} knows, per language, read from the language's data file
 * {@code src/main/resources/understanding/<language>.conf}: a new phrase goes there, not here. All
 * entries are lower-case and written without apostrophes or punctuation ("thats", "id like"), as
 * the normaliser produces them. Nothing here names a title: these are carrier words around titles.
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
  Phrases trailingReference;
  /** Doubt or "say again" in an answer: "not sure", "what", "wie bitte". Never a yes. */
  Phrases unclear;
  Phrases neutral;
  /** "thanks", "danke": alone (with neutral words) they end the dialog. */
  Phrases thanks;
  /** A leading "no" before a correction: "no, the one from 1984". */
  Phrases correction;
  /** A restatement that always introduces the corrected request: "no, I meant ...". */
  Phrases restatement;

  // --- answers in the context of a dialog (read by the Interpreter)
  /** "get it", "download it": yes while something is on offer, the film It otherwise. */
  Phrases pronounRequests;
  /** A title slot that is only a pronoun ("download it" caught as the title "it"). */
  Phrases titlePronouns;
  /** The start of a correction: "no no, wait, I mean ...", "actually ...". */
  Phrases correctionLead;
  /** A "no" at the start of an utterance: "no, the british one". */
  Phrases leadingNo;
  /** Answers to "which season?" that mean the latest one without saying "season". */
  Phrases latestAnswer;
  /** Words around a short answer that say nothing: "the fourth one please". */
  Set<String> answerFiller;
  /** "hang on", "let me think": while a question is pending, it stays pending. */
  Phrases stall;
  /** Articles of an object ("lade den König der Löwen"): titles are also searched without them. */
  Set<String> objectArticles;

  // --- questions about requests (read by the Interpreter)
  /** "is X ready yet": the words before a title in a question about it. */
  Phrases statusLead;
  /** "is X ready yet": the words after the title. */
  Phrases statusTail;
  /** "what did I ask for": the person's own requests. */
  Phrases statusMine;
  /** "what's downloading": the requests on their way. */
  Phrases statusActive;

  // --- carriers around the title
  Phrases politeness;
  Phrases verbs;
  Phrases afterVerb;
  Phrases trailing;
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

  // --- issue 11: follow-ups, status questions, frames, qualifiers, sequels, people
  /** "have we got X", "do we have X", "haben wir X": a status question about the title after it. */
  Phrases statusHave;
  /** "yet", "already", "schon": said around the title of a status question, meaning nothing. */
  Phrases statusFiller;
  /** Who a title is for: "my son", "the kids", "we", "meine Tochter". */
  Phrases household;
  /** "could", "can", "kann" before {@link #household}: "could my son have X". */
  Phrases householdModals;
  /** What the household does: "have", "wants", "would love to watch", "will". */
  Phrases householdVerbs;
  /** Removed anywhere: hesitation sounds, "you know", "whats it called", "Dings". */
  Phrases fillers;
  /** "X, sorry, Y", "X, nee, Y": what follows is meant. */
  Phrases selfCorrections;
  /** Words whose immediate repeat is a stutter ("the the bear"). */
  Set<String> stutterWords;
  /** older/newer: "the original X", "the X remake", "die neue Version von X". */
  Map<String, Phrases> versions;
  /** animation/live-action/documentary: "the animated X", "die Doku X". */
  Map<String, Phrases> kinds;
  /** ISO 3166 country (lower case) to its adjectives: "korean", "koreanischen". */
  Map<String, Phrases> origins;
  /** "version", "adaptation": after a qualifier ("the french version of X"). */
  Set<String> versionNouns;
  /** "miniseries" after a title: a series, never a title word. */
  Phrases miniseries;
  /** "black and white" in "X, the black and white one": said, not used. */
  Phrases descriptors;
  /** "part", "teil": "part two of X", "den zweiten Teil von X". */
  Phrases sequelWords;
  /** "with", "by", "the one with", "mit", "von": a person's name follows the title. */
  Phrases personMarkers;
  /** Markers after which a one-word name counts ("the one with cher"). */
  Phrases personMarkersStrong;
  /** Words never part of a name ("me" in "stand by me", "wolves"). */
  Set<String> nameBlockers;
  /** "the first three seasons": seasons 1 to N. */
  Phrases seasonFirst;
  /** "all five seasons": every season. */
  Phrases seasonAllCount;

  static Vocabulary forLanguage(String language) {
    if (language != null && language.toLowerCase(Locale.ROOT).startsWith("de")) {
      return GERMAN;
    }
    return ENGLISH;
  }

  private static final Vocabulary ENGLISH = load("en", false);
  private static final Vocabulary GERMAN = load("de", true);

  /**
   * Reads {@code understanding/<language>.conf}: one key per field, in kebab case ({@code
   * soft-lead} is {@link #softLead}); a list for phrases and word sets, an object of lists for
   * {@link #particles}. {@code list-places} adds every combination of its prepositions, determiners
   * and nouns to {@link #trailing}. A key missing from the file is an error, so both languages
   * always know the same kinds of words.
   */
  static Vocabulary load(String language, boolean german) {
    String resource = "understanding/" + language + ".conf";
    Config c = ConfigFactory.parseResources(Vocabulary.class.getClassLoader(), resource,
        ConfigParseOptions.defaults().setAllowMissing(false));
    Vocabulary v = new Vocabulary();
    v.german = german;
    try {
      for (Field f : Vocabulary.class.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType() == boolean.class) {
          continue;
        }
        String key = f.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        if (f.getType() == Phrases.class) {
          f.set(v, Phrases.of(c.getStringList(key).toArray(String[]::new)));
        } else if (f.getType() == Set.class) {
          f.set(v, Set.copyOf(c.getStringList(key)));
        } else if (f.getType() == Map.class) {
          Map<String, Phrases> map = new HashMap<>();
          Config m = c.getConfig(key);
          for (String k : m.root().keySet()) {
            map.put(k, Phrases.of(m.getStringList(ConfigUtil.quoteString(k)).toArray(String[]::new)));
          }
          f.set(v, Map.copyOf(map));
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (ConfigException e) {
      throw new IllegalStateException("The words of language " + language + " are broken: " + e.getMessage(), e);
    }
    v.trailing = v.trailing.plus(Phrases.of(combinations(c.getConfig("list-places"))));
    return v;
  }

  /** Every "preposition determiner noun" of a {@code list-places} block (determiners optional). */
  private static String[] combinations(Config places) {
    List<String> determiners = places.hasPath("determiners") ? places.getStringList("determiners") : List.of("");
    List<String> out = new ArrayList<>();
    for (String preposition : places.getStringList("prepositions")) {
      for (String determiner : determiners) {
        for (String noun : places.getStringList("nouns")) {
          out.add((preposition + " " + determiner + " " + noun).trim().replaceAll("\\s+", " "));
        }
      }
    }
    return out.toArray(String[]::new);
  }
}
