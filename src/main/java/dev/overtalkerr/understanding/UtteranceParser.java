package dev.overtalkerr.understanding;

import dev.overtalkerr.domain.Kind;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Understands one spoken utterance, English or German, without asking any backend.
 *
 * <h2>How it reads an utterance</h2>
 *
 * <ol>
 *   <li><b>Normalise.</b> Lower-case; every character that is not a letter or digit becomes a
 *       space, so speech-to-text case and punctuation ("Download Dune.", "DUNE?") do not matter.
 *       Apostrophes inside words are dropped ("ocean's 8" gives the title {@code oceans 8}),
 *       "&amp;" becomes "and"/"und", hyphens split words ("spider-man" gives {@code spider man}).
 *   <li><b>Launch and answers.</b> Empty, "open overtalkerr" or "start" is {@link Intent#LAUNCH}.
 *       An utterance made <em>only</em> of answer words ("yes please", "yeah that's the one",
 *       "no thanks", "not that one", "next", "never mind", "help", "what can I say", "ja bitte",
 *       "nein danke", "weiter", "abbrechen", "hilfe") is CONFIRM, REJECT, NEXT, CANCEL or HELP.
 *       Cancel beats help beats next; between yes and no the last one said wins ("yeah nah");
 *       a lone "ok" is a yes, a lone "thanks"/"danke" ends the dialog (CANCEL), a lone "um" is a
 *       launch. A single unknown word makes it a request instead, so "download help" and "get
 *       stop making sense" are titles. A leading "no"/"nein" before a correction ("no, the one
 *       from 1984", "no, download dune") is dropped; before a title ("no country for old men") it
 *       stays. A restatement ("no, I meant the office", "nein, ich meinte Dark") always
 *       introduces the corrected request.
 *   <li><b>Carriers.</b> Leading filler and one request verb ("can you please download", "I'd
 *       like to watch", "could you add", "lade", "kannst du", "ich möchte") and trailing filler
 *       ("for me", "to the list", "please", "herunter", "sehen", "hinzu") are removed; soft leading
 *       words ("so", "just", "go", "then") only when a verb follows them.
 *   <li><b>Slots</b>, each found only where speech puts it, so words inside a title stay:
 *       <ul>
 *         <li>4K anywhere ("in 4k", "four k", "uhd", "ultra hd").
 *         <li>Seasons anywhere: "season two", "seasons 1 and 2" (the first), "the second
 *             season", British "series 2", "the latest/newest/new season", "the next/upcoming
 *             season", "all seasons", "the complete series", "Staffel 2", "die zweite Staffel",
 *             "alle Staffeln", "the latest episodes" (the latest season), "s2"; "all of them"
 *             alone; "of"/"von" after a leading season phrase goes too. A season
 *             implies a series. "A Man for All Seasons" keeps its words (a season phrase after a
 *             preposition is part of the title).
 *         <li>At the end: when-it-comes-out wishes, "the movie"/"the series", "series"/"film"
 *             after a title ("the witcher series", the words as spoken kept as an alternative
 *             reading; not "movie" or "show", which end many titles), years with a
 *             connector ("from 1999", "from nineteen ninety nine", "released in 2004", "from the
 *             eighties", "from the noughties", "this year", "last year", "von 1999", "aus den
 *             80ern", "from 1990 to 1999", "from the late 80s" = 1985-1989), "the 1984 one".
 *         <li>At the start: an article, a temporal word and a media-type word ("the upcoming
 *             movie called X", "the series X", "den Film X"). "latest"/"newest"/"upcoming" alone
 *             also count ("the latest mission impossible"); "new" and "next" count only with a
 *             media-type word ("the new movie X", "the new X movie", "the next dune film"), so
 *             "new girl", "the new mutants" and "the next karate kid" stay whole.
 *       </ul>
 *   <li><b>Numbers.</b> A bare number after the title may be part of the title or a year. A
 *       year from 1900 to this year + 2, digits or spoken ("twenty twenty one"), after at least
 *       one title word is read as the year first, with the whole title as an alternative
 *       {@link Reading} ("dune 2021" gives {@code dune} + 2021, alternative {@code dune 2021});
 *       after "of" the title reading comes first ("class of 1999"). "The 1978 halloween" reads
 *       the same way. A number alone ("2012", "1917") or outside that span ("blade runner 2049",
 *       "ocean's 8", "300") stays the title. The search results settle which reading is meant.
 *       A connector makes a year certain: "from 2012", "from eighty two" (a two-digit year
 *       needs one, and not "in": "gone in 60 seconds").
 *   <li><b>Intent.</b> A title left over makes a {@link Intent#REQUEST}. Without a title, any
 *       slot ("the one from 1984", "the series", "season two", "in 4k", "the newer one", "das
 *       Original", "die von 1984", "all of them") makes a {@link Intent#REFINE}; so does a choice
 *       by position ("the second one", "die zweite"), whose number {@link #number} reads. "Not
 *       the movie" names the other type ("the show, not the movie"). Filler
 *       left next to a slot ("the one", "that's the one") is no title; alone it is one ("it",
 *       "the one" are films).
 * </ol>
 *
 * <p>Everything else is the title: every word kept, articles and numbers included, digits as
 * spoken ("2" stays {@code 2}, "two" stays {@code two}). No title is special-cased.
 *
 * <p>The words themselves live in {@link Vocabulary} (one per language); numbers in
 * {@link NumberWords}, seasons in {@link SeasonPhrases}, years in {@link YearPhrases}. Instances
 * are immutable and thread-safe.
 */
public final class UtteranceParser {
  private final Clock clock;

  public UtteranceParser(Clock clock) {
    this.clock = clock;
  }

  /** What the slots of one utterance hold while it is being read. */
  static final class Slots {
    TypeHint type = TypeHint.ANY;
    YearRange years;
    SeasonSpec season;
    Temporal temporal;
    boolean fourK;
    Understanding.Order order;
    boolean verb;
    String verbWord;
    /** "the second one": a choice among offers, read with {@link UtteranceParser#number}. */
    boolean choice;
    /** The words after "the movie", "a show called": a title, even "it" or "the one". */
    boolean namedAfterCarrier;
    List<Reading> alternatives = new ArrayList<>();
    String person;
    Integer sequel;
    Kind kind;
    String origin;

    boolean narrows() {
      return type != TypeHint.ANY || years != null || season != null || temporal != null || fourK
          || order != null || choice || person != null || kind != null || origin != null;
    }
  }

  /**
   * Reads one utterance.
   *
   * @param text what speech-to-text gave, any case and punctuation; null or blank is a launch
   * @param language "en", "de", "en-GB", "de-DE"...; null means English
   */
  public Understanding parse(String text, String language) {
    Vocabulary v = Vocabulary.forLanguage(language);
    List<String> t = tokens(text, v);
    Intent whole = t.isEmpty() ? null : answer(t, v);
    if (whole != null) {
      return Understanding.of(whole); // "uh huh" before its "uh" is taken for a hesitation
    }
    stripInterjections(t, v);
    if (t.isEmpty() || allIn(t, v.launch)) {
      return Understanding.of(Intent.LAUNCH);
    }
    Intent answer = answer(t, v);
    if (answer != null) {
      return Understanding.of(answer);
    }
    Understanding status = status(t, v);
    if (status != null) {
      return status;
    }
    if (allIn(t, v.interjections)) {
      return Understanding.of(Intent.LAUNCH); // "um"
    }
    int restatement = v.restatement.matchAt(t, 0);
    if (restatement > 0 && restatement < t.size()) {
      // "no, I meant the office": whatever follows is the request
      return request(new ArrayList<>(t.subList(restatement, t.size())), v, new Slots());
    }
    int correction = v.correction.matchAt(t, 0);
    if (correction > 0 && correction < t.size()) {
      // "no, the one from 1984", "no, download dune": a correction, not a title starting with "no"
      List<String> rest = new ArrayList<>(t.subList(correction, t.size()));
      Slots probe = new Slots();
      Understanding u = request(rest, v, probe);
      if (probe.verb || u.intent() == Intent.REFINE) {
        boolean onlyWishes = u.intent() == Intent.REFINE && !probe.choice && u.years() == null
            && u.mediaType() == TypeHint.ANY && u.season() == null && u.temporal() == null && !u.fourK()
            && u.order() == null;
        // "no, the british one": a no to what is on offer, with a wish for the next (origin, kind, person)
        return onlyWishes ? u.withIntent(Intent.REJECT) : u;
      }
    }
    return request(t, v, new Slots());
  }

  /**
   * A bare number in an answer: "two", "the second one", "2", "3rd", "zwei", "die zweite",
   * "season 3", "Staffel drei". Empty when there is none ("that one" is not a number).
   */
  public OptionalInt number(String text, String language) {
    Vocabulary v = Vocabulary.forLanguage(language);
    List<String> t = tokens(text, v);
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      String prev = i == 0 ? "" : t.get(i - 1);
      boolean alone = i == 0 && (i + 1 == t.size() || v.neutral.contains(t.get(i + 1)));
      boolean counted = alone || v.seasonWords.contains(prev) || v.seasonNumberWords.contains(prev)
          || prev.equals("number") || prev.equals("episode") || prev.equals("folge")
          || prev.equals("option") || prev.equals("just") || prev.equals("nur");
      if ((w.equals("one") || w.equals("ein") || w.equals("eine") || w.equals("einen")
          || w.equals("einer")) && !counted) {
        continue; // "that one", "the other one", "eine andere": a pronoun or article
      }
      NumberWords.Match m = NumberWords.ordinal(t, i, v.german);
      if (m == null) {
        m = NumberWords.cardinal(t, i, v.german);
      }
      if (m != null) {
        return OptionalInt.of(m.value());
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The contract's JSON line: {@code intent, title, media_type, years, season, temporal, four_k}
   * in that order, nothing else.
   */
  public static String toJson(Understanding u) {
    StringBuilder b = new StringBuilder(128);
    b.append("{\"intent\":\"").append(u.intent().wire()).append('"');
    b.append(",\"title\":");
    if (u.title() == null) {
      b.append("null");
    } else {
      quote(b, u.title());
    }
    b.append(",\"media_type\":\"").append(u.mediaType().wire()).append('"');
    b.append(",\"years\":");
    if (u.years() == null) {
      b.append("null");
    } else {
      b.append("{\"from\":").append(u.years().from()).append(",\"to\":").append(u.years().to()).append('}');
    }
    b.append(",\"season\":");
    SeasonSpec s = u.season();
    if (s == null) {
      b.append("null");
    } else if (s.number() != null && !s.more().isEmpty()) {
      b.append("{\"numbers\":[");
      List<Integer> numbers = s.numbers();
      for (int i = 0; i < numbers.size(); i++) {
        b.append(i == 0 ? "" : ",").append(numbers.get(i));
      }
      b.append("]}");
    } else if (s.number() != null) {
      b.append("{\"number\":").append(s.number()).append('}');
    } else {
      b.append("{\"which\":\"").append(s.which().wire()).append("\"}");
    }
    b.append(",\"temporal\":");
    if (u.temporal() == null) {
      b.append("null");
    } else {
      b.append('"').append(u.temporal().wire()).append('"');
    }
    b.append(",\"four_k\":").append(u.fourK()).append('}');
    return b.toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  // ================================================================ normalising

  /**
   * Lower-case words. Apostrophes are dropped, except that a word ending in "'s" keeps it so a
   * possessive before a season can be undone ("severance's second season"); {@link Phrases#key}
   * drops it for everything else, including the title.
   */
  static List<String> tokens(String text, Vocabulary v) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'').replace('`', '\'')
        .replace('\u00b4', '\'');
    s = s.replace("&", v.german ? " und " : " and ").replace("+", " plus ");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      } else if (c == '\'' && i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
          && Character.isLetterOrDigit(s.charAt(i + 1))) {
        boolean possessive = s.charAt(i + 1) == 's' && Character.isLetter(s.charAt(i - 1))
            && (i + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 2)));
        if (possessive) {
          b.append('\'');
        }
      } else {
        b.append(' ');
      }
    }
    for (String w : b.toString().trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static void stripInterjections(List<String> t, Vocabulary v) {
    int n;
    while ((n = v.interjections.matchAt(t, 0)) > 0 && n < t.size()) {
      t.subList(0, n).clear();
    }
    while ((n = v.interjections.matchEndingAt(t, t.size())) > 0 && n < t.size()
        && !v.weakConfirm.contains(t.get(t.size() - 1))) {
      t.subList(t.size() - n, t.size()).clear();
    }
  }

  private static boolean allIn(List<String> t, Phrases p) {
    int i = 0;
    while (i < t.size()) {
      int n = p.matchAt(t, i);
      if (n == 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  // ================================================================ answers

  /** Kinds of answer words, in the order they win when several are said ("no, stop"). */
  private enum AnswerWord {
    CANCEL, HELP, UNCLEAR, NEXT, REJECT, CONFIRM, WEAK_CONFIRM, WAIT, THANKS, NEUTRAL
  }

  private static Phrases phrases(AnswerWord kind, Vocabulary v) {
    return switch (kind) {
      case CANCEL -> v.cancel;
      case HELP -> v.help;
      case UNCLEAR -> v.unclear;
      case NEXT -> v.next;
      case REJECT -> v.reject;
      case CONFIRM -> v.confirm;
      case WEAK_CONFIRM -> v.weakConfirm;
      case WAIT -> v.stall;
      case THANKS -> v.thanks;
      case NEUTRAL -> v.neutral;
    };
  }

  /** CONFIRM/REJECT/NEXT/CANCEL/HELP when every word is an answer word or neutral; else null. */
  private static Intent answer(List<String> t, Vocabulary v) {
    List<AnswerWord> words = segment(t, 0, v, new boolean[t.size() + 1]);
    if (words == null) {
      return null;
    }
    Intent lastYesNo = null;
    for (AnswerWord w : words) {
      if (w == AnswerWord.CONFIRM) {
        lastYesNo = Intent.CONFIRM;
      } else if (w == AnswerWord.REJECT) {
        lastYesNo = Intent.REJECT; // "yeah nah": the last one said wins
      }
    }
    if (words.contains(AnswerWord.CANCEL)) {
      return Intent.CANCEL;
    }
    if (words.contains(AnswerWord.HELP) || words.contains(AnswerWord.UNCLEAR)) {
      return Intent.HELP; // "hmm not sure", "wie bitte": never a yes; say again what is pending
    }
    if (words.contains(AnswerWord.NEXT)) {
      return Intent.NEXT;
    }
    if (lastYesNo != null) {
      return lastYesNo;
    }
    if (words.contains(AnswerWord.WAIT)) {
      return null; // "hang on" alone: stalling only while something is pending (the Interpreter knows)
    }
    if (words.contains(AnswerWord.WEAK_CONFIRM)) {
      return Intent.CONFIRM;
    }
    return words.contains(AnswerWord.THANKS) ? Intent.CANCEL : null;
  }

  /**
   * Splits the tokens from {@code i} into answer phrases, longer phrases first ("not that one"
   * before "not" + "that one"); null when some word belongs to no answer phrase.
   */
  private static List<AnswerWord> segment(List<String> t, int i, Vocabulary v, boolean[] dead) {
    if (i == t.size()) {
      return new ArrayList<>();
    }
    if (dead[i]) {
      return null;
    }
    int longest = 0;
    for (AnswerWord kind : AnswerWord.values()) {
      longest = Math.max(longest, phrases(kind, v).maxLength());
    }
    for (int length = Math.min(t.size() - i, longest); length >= 1; length--) {
      for (AnswerWord kind : AnswerWord.values()) {
        if (phrases(kind, v).matchesAt(t, i, length)) {
          List<AnswerWord> rest = segment(t, i + length, v, dead);
          if (rest != null) {
            rest.add(0, kind);
            return rest;
          }
        }
      }
    }
    dead[i] = true;
    return null;
  }

  // ================================================================ requests

  private Understanding request(List<String> t, Vocabulary v, Slots s) {
    stripLead(t, v, s);
    removeFillers(t, v);
    if (selfCorrection(t, v)) {
      stripLead(t, v, s); // "download barbie, sorry, get oppenheimer"
    }
    collapseStutter(t, v);
    extractFourK(t, v, s);
    TypeHint ruledOut = extractNegatedType(t, v);
    if (v.everything.isWhole(t)) {
      t.clear(); // "all of them", as an answer to "which season?"
      s.season = SeasonSpec.of(SeasonSpec.Which.ALL);
      s.type = TypeHint.TV;
    }
    SeasonSpec season = SeasonPhrases.extract(t, v);
    if (season != null) {
      s.season = season;
      s.type = TypeHint.TV; // a season implies a series
    }
    stripLead(t, v, s);
    trailing(t, v, s);
    Qualifiers.extractPerson(t, v, s);
    Qualifiers.extract(t, v, s);
    Qualifiers.extractSequel(t, v, s);
    if (!extractOrder(t, v, s)) {
      if (s.years == null) {
        apply(years(v).leading(t), s);
      }
      leadingTypeAndTemporal(t, v, s);
      trailing(t, v, s);
      bareTrailingType(t, v, s);
    }
    boolean onlyFiller = t.stream().allMatch(w -> v.refineFiller.contains(Phrases.key(w)));
    if (!t.isEmpty() && onlyFiller && s.narrows() && !s.namedAfterCarrier) {
      t.clear(); // "the one from 1984": what is left names no title
    }
    if (isChoice(t, v)) {
      t.clear();
      s.choice = true;
    }
    if (s.years == null) {
      apply(years(v).bareTrailing(t), s);
    }
    if (ruledOut != null && s.type == TypeHint.ANY) {
      s.type = ruledOut == TypeHint.MOVIE ? TypeHint.TV : TypeHint.MOVIE; // "not the movie"
    }
    String title = t.isEmpty() ? null : String.join(" ", t.stream().map(Phrases::key).toList());
    Intent intent = title != null ? Intent.REQUEST : s.narrows() ? Intent.REFINE : Intent.REQUEST;
    return new Understanding(intent, title, s.type, s.years, s.season, s.temporal, s.fourK, s.order,
        s.alternatives, s.person, s.sequel, s.kind, s.origin);
  }

  /** Leading filler and one request verb, with the words that may follow the verb. */
  private static void stripLead(List<String> t, Vocabulary v, Slots s) {
    while (true) {
      int n = v.interjections.matchAt(t, 0);
      if (n == 0) {
        n = v.politeness.matchAt(t, 0);
      }
      if (n > 0 && n < t.size()) {
        t.subList(0, n).clear();
        continue;
      }
      break;
    }
    if (s.verb) {
      return;
    }
    // soft words ("so", "just", "go") are dropped only when a verb follows them
    int soft = 0;
    while (true) {
      int n = v.softLead.matchAt(t, soft);
      if (n == 0) {
        n = v.politeness.matchAt(t, soft);
      }
      if (n == 0) {
        n = v.interjections.matchAt(t, soft);
      }
      if (n == 0) {
        break;
      }
      soft += n;
    }
    // "could my son have X", "my wife wants X", "kann meine Tochter X haben" carry a title like a verb
    int verb = householdFrame(t, soft, v);
    if (verb == 0) {
      verb = v.verbs.matchAt(t, soft);
    }
    if (verb > 0 && soft + verb < t.size()) {
      s.verb = true;
      s.verbWord = t.get(soft);
      t.subList(0, soft + verb).clear();
      int n;
      while ((n = v.afterVerb.matchAt(t, 0)) > 0 && n < t.size()) {
        t.subList(0, n).clear();
      }
    }
  }

  /**
   * "could my son have", "my wife wants", "the kids would love to watch", "kann meine Tochter":
   * the length of a frame naming who a title is for, from {@code i}; 0 when there is none. German
   * puts the verb at the end ("... haben"), so there a modal and the person are enough.
   */
  private static int householdFrame(List<String> t, int i, Vocabulary v) {
    int k = i;
    int modal = v.householdModals.matchAt(t, k);
    k += modal;
    int who = v.household.matchAt(t, k);
    if (who == 0) {
      return 0;
    }
    k += who;
    int does = v.householdVerbs.matchAt(t, k);
    if (does > 0) {
      return k + does - i;
    }
    return modal > 0 && v.german ? k - i : 0;
  }

  /**
   * Hesitations and fillers anywhere ("um", "you know", "whats it called", "Dings"). A lone filler
   * that is all there is stays (it may be the title: "download er").
   */
  private static void removeFillers(List<String> t, Vocabulary v) {
    List<String> kept = new ArrayList<>(t.size());
    int removed = 0;
    int i = 0;
    while (i < t.size()) {
      int n = v.fillers.matchAt(t, i);
      if (n > 0) {
        removed += n;
        i += n;
      } else {
        kept.add(t.get(i++));
      }
    }
    if (removed == 0 || (kept.isEmpty() && removed == 1)) {
      return;
    }
    t.clear();
    t.addAll(kept);
  }

  /**
   * "barbie, sorry, oppenheimer", "dune i mean arrival", "Dark, nee, Babylon Berlin": only what
   * follows the last taking-back word is meant. True when something was taken back.
   */
  private static boolean selfCorrection(List<String> t, Vocabulary v) {
    for (int i = t.size() - 2; i >= 1; i--) {
      int n = v.selfCorrections.matchAt(t, i);
      if (n > 0 && i + n < t.size() && !onlyCorrectionLead(t, i, v)) {
        t.subList(0, i + n).clear();
        return true;
      }
    }
    return false;
  }

  /** "no wait, I mean X": only leading correction words before {@code end} (the Interpreter's). */
  private static boolean onlyCorrectionLead(List<String> t, int end, Vocabulary v) {
    int i = 0;
    for (int n = v.correctionLead.matchAt(t, i); n > 0 && i + n <= end; n = v.correctionLead.matchAt(t, i)) {
      i += n;
    }
    return i == end;
  }

  /** "the the bear", "die die Eiskönigin": a small word said twice in a row counts once. */
  private static void collapseStutter(List<String> t, Vocabulary v) {
    for (int i = t.size() - 1; i >= 1; i--) {
      if (t.get(i).equals(t.get(i - 1)) && v.stutterWords.contains(key(t, i))) {
        t.remove(i);
      }
    }
  }

  /**
   * "have we got dune", "do we have the bear", "haben wir Dune schon", "hast du Dark": a question
   * about having a title ({@code status-have}), with "yet", "already", "schon" around the title
   * left out. ("Is Dune ready yet" is read by the {@link Interpreter}.) Null when the sentence is no
   * such question or names no title.
   */
  private Understanding status(List<String> t, Vocabulary v) {
    int lead = v.statusHave.matchAt(t, 0);
    if (lead == 0 || lead >= t.size()) {
      return null;
    }
    List<String> rest = new ArrayList<>(t.subList(lead, t.size()));
    int n;
    while ((n = v.statusFiller.matchEndingAt(rest, rest.size())) > 0 && n < rest.size()) {
      rest.subList(rest.size() - n, rest.size()).clear();
    }
    while ((n = v.statusFiller.matchAt(rest, 0)) > 0 && n < rest.size()) {
      rest.subList(0, n).clear(); // "haben wir schon das boot"
    }
    Understanding u = request(rest, v, new Slots());
    return u.hasTitle() ? u.withIntent(Intent.STATUS) : null;
  }

  /** "the series, not the movie": removes "not the movie" and returns the type it rules out. */
  private static TypeHint extractNegatedType(List<String> t, Vocabulary v) {
    for (int i = 0; i < t.size(); i++) {
      if (!v.negations.contains(key(t, i))) {
        continue;
      }
      int j = i + 1;
      if (j < t.size() && v.articles.contains(key(t, j))) {
        j++;
      }
      int n = v.movie.matchAt(t, j);
      TypeHint type = TypeHint.MOVIE;
      if (n == 0) {
        n = v.tv.matchAt(t, j);
        type = TypeHint.TV;
      }
      // the type phrase must end there: "not the movie, the series", not "not the movie star"
      boolean closes = j + n == t.size() || v.articles.contains(key(t, j + n))
          || v.movie.contains(t.get(j + n)) || v.tv.contains(t.get(j + n));
      if (n > 0 && closes) {
        t.subList(i, j + n).clear();
        return type;
      }
    }
    return null;
  }

  private static void extractFourK(List<String> t, Vocabulary v, Slots s) {
    for (int i = 0; i < t.size(); i++) {
      int n = v.fourK.matchAt(t, i);
      if (n > 0) {
        s.fourK = true;
        t.subList(i, i + n).clear();
        i--;
      }
    }
  }

  private static boolean isPreposition(String w, Vocabulary v) {
    return v.prepositions.contains(w);
  }

  // ---------------------------------------------------------------- the end of the utterance

  /** Removes trailing filler, wishes, type words and years until nothing more comes off. */
  private void trailing(List<String> t, Vocabulary v, Slots s) {
    boolean changed = true;
    while (changed && !t.isEmpty()) {
      changed = false;
      int reference = v.trailingReference.matchEndingAt(t, t.size());
      if (reference > 0 && reference < t.size()) {
        t.subList(t.size() - reference, t.size()).clear(); // "dune the one (from 1984)"
        changed = true;
        continue;
      }
      int n = v.trailing.matchEndingAt(t, t.size());
      if (n == 0 && s.verbWord != null && v.particles.containsKey(s.verbWord)) {
        n = v.particles.get(s.verbWord).matchEndingAt(t, t.size());
      }
      if (n > 0 && (n < t.size() || s.verb || s.narrows())) {
        t.subList(t.size() - n, t.size()).clear(); // "lade die neue Staffel herunter"
        changed = true;
        continue;
      }
      if (whenItComesOut(t, v, s)) {
        changed = true;
        continue;
      }
      n = v.trailingUpcoming.matchEndingAt(t, t.size());
      if (n > 0) {
        t.subList(t.size() - n, t.size()).clear();
        s.temporal = Temporal.UPCOMING;
        changed = true;
        continue;
      }
      n = v.trailingMovie.matchEndingAt(t, t.size());
      TypeHint type = TypeHint.MOVIE;
      if (n == 0) {
        n = v.trailingTv.matchEndingAt(t, t.size());
        type = TypeHint.TV;
      }
      if (n > 0 && n < t.size() && s.type == TypeHint.ANY) {
        t.subList(t.size() - n, t.size()).clear();
        s.type = type;
        changed = true;
        continue;
      }
      if (s.years == null) {
        YearPhrases.Found found = years(v).trailing(t);
        apply(found, s);
        changed = found != null;
      }
    }
  }

  /** "when it comes out", "once it's released", "as soon as it's out", "sobald er erscheint". */
  private static boolean whenItComesOut(List<String> t, Vocabulary v, Slots s) {
    int k = t.size();
    while (k > 0 && (v.whenWords.contains(key(t, k - 1)) || v.whenConjunctions.contains(key(t, k - 1)))) {
      k--;
    }
    for (int c = k; c < t.size() - 1; c++) {
      if (v.whenConjunctions.contains(key(t, c))) {
        if (key(t, c).equals("as") && !(c + 2 < t.size() && key(t, c + 1).equals("soon"))) {
          continue;
        }
        t.subList(c, t.size()).clear();
        s.temporal = Temporal.UPCOMING;
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the start of the utterance

  /** "the upcoming movie called X", "the series X", "the latest X", "the new X movie". */
  private static void leadingTypeAndTemporal(List<String> t, Vocabulary v, Slots s) {
    int i = 0;
    boolean article = i < t.size() && v.articles.contains(key(t, i));
    if (article) {
      i++;
    }
    Temporal temporal = null;
    boolean fresh = false;
    int n;
    if ((n = v.upcoming.matchAt(t, i)) > 0) {
      temporal = Temporal.UPCOMING;
    } else if ((n = v.latest.matchAt(t, i)) > 0) {
      temporal = Temporal.LATEST;
    } else if ((n = v.fresh.matchAt(t, i)) > 0) {
      temporal = Temporal.LATEST;
      fresh = true;
    } else if ((n = v.coming.matchAt(t, i)) > 0) {
      temporal = Temporal.UPCOMING;
      fresh = true; // like "new": only with a media-type word ("the next karate kid" is a title)
    }
    i += n;
    TypeHint type = null;
    int typeLen = v.movie.matchAt(t, i);
    if (typeLen > 0) {
      type = TypeHint.MOVIE;
    } else if ((typeLen = v.tv.matchAt(t, i)) > 0) {
      type = TypeHint.TV;
    }
    if (type != null) {
      boolean bare = !article && temporal == null;
      // a lone weak word ("show boat") may be a title; "tv show", "tv series" are type words for sure
      boolean weakWord = typeLen == 1 && v.weakTypeWords.contains(key(t, i));
      int after = i + typeLen;
      boolean ofFollows = after < t.size() && isPreposition(key(t, after), v);
      if (!(bare && weakWord) && !ofFollows) {
        after += v.called.matchAt(t, after);
        t.subList(0, after).clear();
        // "the movie it" names a title; "the film version", "the tv one" only a type
        s.namedAfterCarrier = t.stream().anyMatch(w -> !v.carrierFiller.contains(Phrases.key(w)));
        if (s.type == TypeHint.ANY) {
          s.type = type;
        }
        if (temporal != null && s.temporal != Temporal.UPCOMING) {
          s.temporal = temporal; // an explicit "when it comes out" beats a leading "new"
        }
        return;
      }
    }
    if (temporal == null) {
      return;
    }
    int end = t.size();
    int trailingType = end - i >= 2 ? bareTypeAtEnd(t, v) : 0;
    if (fresh && trailingType == 0) {
      return; // "new girl", "the new mutants": the words belong to the title
    }
    if (end - i - trailingType < 1) {
      return;
    }
    if (trailingType != 0) {
      String last = t.get(end - 1);
      s.type = v.movie.contains(last) ? TypeHint.MOVIE : TypeHint.TV;
      t.subList(end - 1, end).clear();
    }
    t.subList(0, i).clear();
    if (s.temporal != Temporal.UPCOMING) {
      s.temporal = temporal;
    }
  }

  /** "the second one", "number two", "die zweite": choosing among offers by position. */
  private static boolean isChoice(List<String> t, Vocabulary v) {
    int i = 0;
    if (i < t.size() && v.articles.contains(key(t, i))) {
      i++;
    }
    if (i < t.size() && (key(t, i).equals("number") || key(t, i).equals("option")
        || key(t, i).equals("nummer"))) {
      i++;
      NumberWords.Match n = NumberWords.cardinal(t, i, v.german);
      if (n == null) {
        return false;
      }
      i += n.length();
    } else {
      NumberWords.Match n = NumberWords.ordinal(t, i, v.german);
      if (n == null) {
        return false;
      }
      i += n.length();
    }
    if (i < t.size() && (key(t, i).equals("one") || v.movie.contains(t.get(i)) || v.tv.contains(t.get(i)))) {
      i++;
    }
    return i == t.size();
  }

  /** "the witcher series": the type, with "the witcher series" as the alternative reading. */
  private static void bareTrailingType(List<String> t, Vocabulary v, Slots s) {
    if (s.type != TypeHint.ANY || t.size() < 2) {
      return;
    }
    int n = v.bareTrailingType.matchEndingAt(t, t.size());
    if (n == 0 || n >= t.size() || t.subList(0, t.size() - n).stream()
        .allMatch(w -> v.refineFiller.contains(Phrases.key(w)))) {
      return;
    }
    String whole = String.join(" ", t.stream().map(Phrases::key).toList());
    s.type = v.movie.contains(t.get(t.size() - 1)) ? TypeHint.MOVIE : TypeHint.TV;
    t.subList(t.size() - n, t.size()).clear();
    s.alternatives.add(new Reading(whole, s.years));
  }

  /** 1 when the last word is a bare media-type word ("movie", "film", "series", "show"). */
  private static int bareTypeAtEnd(List<String> t, Vocabulary v) {
    String last = t.get(t.size() - 1);
    return v.movie.contains(last) || v.tv.contains(last) ? 1 : 0;
  }

  // ---------------------------------------------------------------- refinements

  /** "the newer one", "the older film", "the original", "der neuere", "das Original". */
  private static boolean extractOrder(List<String> t, Vocabulary v, Slots s) {
    if (t.isEmpty() || t.size() > 4) {
      return false;
    }
    Understanding.Order order = null;
    TypeHint type = null;
    for (String w : t) {
      String k = Phrases.key(w);
      if (v.newer.contains(k) && order != Understanding.Order.OLDER) {
        order = Understanding.Order.NEWER;
      } else if (v.older.contains(k) && order != Understanding.Order.NEWER) {
        order = Understanding.Order.OLDER;
      } else if (v.movie.contains(k)) {
        type = TypeHint.MOVIE;
      } else if (v.tv.contains(k)) {
        type = TypeHint.TV;
      } else if (!v.refineFiller.contains(k)) {
        return false;
      }
    }
    if (order == null) {
      return false;
    }
    s.order = order;
    if (type != null && s.type == TypeHint.ANY) {
      s.type = type;
    }
    t.clear();
    return true;
  }

  private YearPhrases years(Vocabulary v) {
    return new YearPhrases(v, LocalDate.now(clock).getYear());
  }

  private static void apply(YearPhrases.Found found, Slots s) {
    if (found == null) {
      return;
    }
    if (found.years() != null) {
      s.years = found.years();
    }
    if (found.type() != null && s.type == TypeHint.ANY) {
      s.type = found.type();
    }
    if (found.alternative() != null) {
      s.alternatives.add(found.alternative());
    }
  }

  static String key(List<String> t, int i) {
    return Phrases.key(t.get(i));
  }
}
