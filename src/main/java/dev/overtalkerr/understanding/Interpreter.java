package dev.overtalkerr.understanding;

import dev.overtalkerr.domain.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads one turn in the context of the conversation: the utterance, the sentence trigger's hint and
 * slots, and what the last reply asked for. It gives the one {@link Interpretation} the
 * conversation acts on, so the conversation never reads the words itself.
 *
 * <ul>
 *   <li>The trigger's hint wins for answers ("confirm", "cancel"...) and sets the type ("movie",
 *       "show"). A title slot is the title (the trigger cut it out of the sentence), unless the
 *       sentence's own title is inside it ("lade mir dune herunter" gives the slot "mir dune").
 *       A pronoun slot ("download it") while something is on offer is a yes.
 *   <li>"get it" with nothing on offer asks for the film It; with an offer it is a yes.
 *   <li>While a series is on offer or its season is asked for, a season said alone ("two", "the
 *       latest", "one and two", "season 3 of it") is an answer about that series, not a new title.
 *   <li>"yes, but in 4K" while a title is on offer asks for the 4K copy of it.
 *   <li>A choice by number ("the second one") is read as a position.
 *   <li>"no wait, I mean X" keeps X as the correction to try when the whole turn finds nothing.
 *   <li>In German, a title said with an object article ("den König der Löwen") is also read
 *       without it.
 * </ul>
 */
public final class Interpreter {
  private final UtteranceParser parser;

  public Interpreter(UtteranceParser parser) {
    this.parser = parser;
  }

  /** The reading of {@code turn} while the conversation is in {@code context}. */
  public Interpretation interpret(Utterance turn, DialogContext context) {
    Vocabulary v = Vocabulary.forLanguage(turn.language());
    if (turn.hasText() && turn.hint() == null && context.expect() != Expect.NONE) {
      List<String> t = UtteranceParser.tokens(turn.text(), v);
      while (t.size() > 1 && v.interjections.matchAt(t, 0) > 0 && v.interjections.matchAt(t, 0) < t.size()) {
        t = t.subList(v.interjections.matchAt(t, 0), t.size());
      }
      int said = 0;
      for (int n = v.stall.matchAt(t, 0); n > 0; n = v.stall.matchAt(t, said)) {
        said += n; // "hang on, let me think": stalling phrases one after another
      }
      if (said > 0 && said == t.size()) {
        return Interpretation.of(Understanding.of(Intent.STALL)); // the question stays
      }
    }
    boolean mayAsk = turn.hint() == null || turn.hint() == Hint.STATUS || turn.hint() == Hint.REQUEST;
    if (turn.hasText() && mayAsk) {
      Interpretation question = question(UtteranceParser.tokens(turn.text(), v), turn.language(), v);
      if (question != null) {
        return question;
      }
    }
    if (turn.hint() == Hint.STATUS) {
      Understanding about = turn.hasSlotTitle() ? parser.parse(turn.slotTitle(), turn.language()) : Understanding.of(Intent.REQUESTS);
      return Interpretation.of(about.hasTitle() ? about.withIntent(Intent.STATUS) : Understanding.of(Intent.REQUESTS));
    }
    Understanding u = understand(turn, context, v);
    boolean offering = context.expect().hasOffer();
    if (context.expect() == Expect.CONFIRM && u.fourK() && u.hasTitle()
        && parser.parse(u.title(), turn.language()).intent() == Intent.CONFIRM) {
      // "yes, but in 4K": the 4K copy of what is on offer
      u = new Understanding(Intent.REFINE, null, TypeHint.ANY, null, null, null, true, null, List.of());
    }
    boolean nothingOnOffer = context.expect() == Expect.NONE || context.expect() == Expect.TITLE;
    if (nothingOnOffer && u.intent() == Intent.CONFIRM && turn.hasText()
        && v.pronounRequests.isWhole(UtteranceParser.tokens(turn.text(), v))) {
      // "get it" with nothing on offer: the film It
      return Interpretation.of(new Understanding(Intent.REQUEST, "it", TypeHint.ANY, null, null, null, false, null, List.of()));
    }
    SeasonSpec seasonAnswer = null;
    if ((context.expect() == Expect.SEASON || (context.expect() == Expect.CONFIRM && context.offeredSeries()))) {
      seasonAnswer = seasonAnswer(turn, u, context, v);
      if (context.expect() == Expect.CONFIRM && seasonAnswer != null
          && (u.intent() != Intent.REQUEST || !u.hasTitle() || seasonAnswer.number() == null)) {
        seasonAnswer = null; // while offering, only bare numbers said as a title name the season
      }
    }
    Integer position = null;
    if (u.intent() == Intent.REFINE && turn.hasText()) {
      OptionalInt n = parser.number(turn.text(), turn.language());
      if (n.isPresent() && n.getAsInt() > 0) {
        position = n.getAsInt();
      }
    }
    Understanding correction = null;
    boolean leadingNo = false;
    if (offering && u.intent() == Intent.REQUEST && u.hasTitle() && turn.hasText()) {
      List<String> t = UtteranceParser.tokens(turn.text(), v);
      int lead = 0;
      for (int n = v.correctionLead.matchAt(t, lead); n > 0; n = v.correctionLead.matchAt(t, lead)) {
        lead += n;
      }
      if (lead > 0) {
        String rest = String.join(" ", t.subList(lead, t.size()));
        Understanding corrected = rest.isBlank() ? Understanding.of(Intent.REJECT) : parser.parse(rest, turn.language());
        if (corrected.hasTitle() && !Titles.normalize(corrected.title()).equals(Titles.normalize(u.title()))) {
          correction = withObjectArticleReading(corrected.withIntent(Intent.REQUEST), v);
        }
        leadingNo = v.leadingNo.matchAt(t, 0) > 0;
      }
    }
    return new Interpretation(withObjectArticleReading(u, v), position, seasonAnswer, correction, leadingNo);
  }

  /**
   * A question about the requests ("what's downloading", "what did I ask for") or about one title
   * ("is Dune ready yet", "ist Dune schon da"), or null when the turn is none.
   */
  private Interpretation question(List<String> words, String language, Vocabulary v) {
    List<String> t = new ArrayList<>(words);
    while (t.size() > 1 && v.interjections.matchAt(t, 0) > 0) {
      t.subList(0, v.interjections.matchAt(t, 0)).clear();
    }
    // a status word that is also trailing filler ("on plex") is read before the filler goes
    while (t.size() > 1 && v.statusTail.matchEndingAt(t, t.size()) == 0) {
      int n = v.trailing.matchEndingAt(t, t.size());
      if (n == 0 || n >= t.size()) {
        break;
      }
      t.subList(t.size() - n, t.size()).clear();
    }
    if (v.statusMine.isWhole(t) || v.statusActive.isWhole(t)) {
      return new Interpretation(Understanding.of(Intent.REQUESTS), null, null, null, false, v.statusMine.isWhole(t));
    }
    int lead = v.statusLead.matchAt(t, 0);
    int tail = v.statusTail.matchEndingAt(t, t.size());
    if (lead == 0 || tail == 0 || lead + tail >= t.size()) {
      return null;
    }
    List<String> title = new ArrayList<>(t.subList(lead, t.size() - tail));
    int n;
    while ((n = v.statusFiller.matchEndingAt(title, title.size())) > 0 && n < title.size()) {
      title.subList(title.size() - n, title.size()).clear(); // "ist Oppenheimer schon runtergeladen"
    }
    Understanding about = parser.parse(String.join(" ", title), language);
    if (!about.hasTitle() || about.intent() != Intent.REQUEST) {
      return null;
    }
    return Interpretation.of(about.withIntent(Intent.STATUS));
  }

  /**
   * The parser's reading of the turn, with the sentence trigger's hints and slots applied. A title
   * slot is the title (the trigger already cut it out of the sentence); the rest of the sentence
   * still gives the season, years, type and 4K.
   */
  private Understanding understand(Utterance turn, DialogContext context, Vocabulary v) {
    String language = turn.language();
    Understanding u = turn.hasText() ? parser.parse(turn.text(), language) : Understanding.of(Intent.REQUEST);
    Hint hint = turn.hint();
    if (hint != null) {
      switch (hint) {
        case CONFIRM -> u = Understanding.of(Intent.CONFIRM);
        case REJECT -> u = Understanding.of(Intent.REJECT);
        case NEXT -> u = Understanding.of(Intent.NEXT);
        case CANCEL -> u = Understanding.of(Intent.CANCEL);
        case HELP -> u = u.intent() == Intent.LAUNCH ? u : Understanding.of(Intent.HELP);
        case MOVIE -> u = u.withType(TypeHint.MOVIE);
        case SHOW -> u = u.withType(TypeHint.TV);
        default -> { }
      }
    }
    boolean slotted = turn.hasSlotTitle();
    boolean requestHint = hint != null && hint.announcesRequest();
    boolean pronoun = slotted && v.titlePronouns.isWhole(UtteranceParser.tokens(turn.slotTitle(), v));
    boolean offering = context.expect() == Expect.CONFIRM || context.expect() == Expect.SEASON;
    if (slotted && requestHint && pronoun && offering) {
      // "download it" while something is on offer: yes to the offer
      return Understanding.of(Intent.CONFIRM);
    }
    if (slotted && requestHint && u.intent() != Intent.REQUEST && u.intent() != Intent.REFINE) {
      // "download it" names the film It when the trigger says it is a request with a title
      u = new Understanding(Intent.REQUEST, null, u.mediaType(), u.years(), u.season(), u.temporal(), u.fourK(), null, List.of());
    }
    boolean answer = u.intent().isAnswer();
    if (slotted && !answer) {
      Understanding t = parser.parse(turn.slotTitle(), language);
      // The trigger cut the title out of the sentence, but a wildcard also catches filler ("lade
      // mir dune herunter" gives "mir dune"): the sentence's own title wins when the slot holds it.
      boolean sentenceTitleFits = u.hasTitle() && containsWords(t.hasTitle() ? t.title() : "", u.title());
      if (t.hasTitle() && !sentenceTitleFits) {
        u = new Understanding(Intent.REQUEST, t.title(), u.mediaType() != TypeHint.ANY ? u.mediaType() : t.mediaType(),
            t.years() != null ? t.years() : u.years(),
            u.season() != null ? u.season() : t.season(), u.temporal() != null ? u.temporal() : t.temporal(),
            u.fourK() || t.fourK(), null, t.alternatives(), t.person() != null ? t.person() : u.person(),
            t.sequel() != null ? t.sequel() : u.sequel(), t.kind() != null ? t.kind() : u.kind(),
            t.origin() != null ? t.origin() : u.origin());
      } else if (sentenceTitleFits) {
        u = u.withIntent(Intent.REQUEST);
      }
    }
    if (turn.slotSeason() != null && u.season() == null && !answer) {
      SeasonSpec s = seasonFromWords(turn.slotSeason(), language);
      if (s != null) {
        u = u.withType(TypeHint.TV).withSeason(s);
      }
    }
    return u;
  }

  private SeasonSpec seasonFromWords(String words, String language) {
    Understanding s = parser.parse((language.equals("de") ? "Staffel " : "season ") + words, language);
    if (s.season() != null) {
      return s.season();
    }
    OptionalInt n = parser.number(words, language);
    return n.isPresent() ? SeasonSpec.number(n.getAsInt()) : null;
  }

  /**
   * The answer to "which season?", or null when the turn is something else (then it is handled as
   * usual, e.g. as a new request). A season said with no title, or with the title on offer, counts;
   * so does a bare number or "the latest"; a number inside a new title ("12 monkeys") or "4K" does
   * not.
   */
  private SeasonSpec seasonAnswer(Utterance turn, Understanding u, DialogContext context, Vocabulary v) {
    if (u.intent() == Intent.CANCEL || u.intent() == Intent.HELP) {
      return null;
    }
    String language = turn.language();
    boolean sameShow = u.hasTitle() && context.offeredTitle() != null
        && Titles.normalize(u.title()).equals(Titles.normalize(context.offeredTitle()));
    if (u.season() != null && (!u.hasTitle() || sameShow)) {
      return u.season();
    }
    if (turn.slotSeason() != null && (!u.hasTitle() || sameShow)) {
      return seasonFromWords(turn.slotSeason(), language);
    }
    if (!turn.hasText() || u.fourK()) {
      return null;
    }
    List<String> words = u.hasTitle() ? answerWords(u.title(), v) : List.of();
    if (u.hasTitle() && words.size() > 1) {
      // "one and two", "two to four", "eins bis drei": seasons said without the word season
      SeasonSpec several = seasonFromWords(turn.text(), language);
      return several != null && !several.more().isEmpty() ? several : null; // else a new title
    }
    String text = u.hasTitle() && words.size() == 1 ? words.get(0) : turn.text();
    OptionalInt n = parser.number(text, language);
    if (n.isPresent() && n.getAsInt() > 0 && n.getAsInt() < 100) {
      return SeasonSpec.number(n.getAsInt());
    }
    // "the latest", "the newest one", "die letzte" answer "which season?" without the word season
    if ((!u.hasTitle() && (u.order() == Understanding.Order.NEWER || u.temporal() == Temporal.LATEST))
        || v.latestAnswer.isWhole(answerWords(String.join(" ", UtteranceParser.tokens(text, v)), v))) {
      return SeasonSpec.of(SeasonSpec.Which.LATEST);
    }
    return null;
  }

  /** The words of a short answer without articles and fillers: "the fourth one" gives [fourth]. */
  private static List<String> answerWords(String title, Vocabulary v) {
    return java.util.Arrays.stream(title.split("\\s+")).filter(w -> !w.isEmpty() && !v.answerFiller.contains(w)).toList();
  }

  /** A German title said with an object article is also searched without it. */
  private static Understanding withObjectArticleReading(Understanding u, Vocabulary v) {
    if (!u.hasTitle() || !u.alternatives().isEmpty()) {
      return u;
    }
    String[] words = u.title().split(" ");
    if (words.length < 2 || !v.objectArticles.contains(words[0])) {
      return u;
    }
    List<Reading> alternatives = new ArrayList<>(u.alternatives());
    alternatives.add(new Reading(u.title().substring(words[0].length() + 1), u.years()));
    return u.withAlternatives(alternatives);
  }

  /** True when {@code words} stand, as whole words, in {@code text} (both normalised). */
  private static boolean containsWords(String text, String words) {
    String t = " " + Titles.normalize(text) + " ";
    String w = Titles.normalize(words);
    return !w.isEmpty() && t.contains(" " + w + " ");
  }
}
