package dev.overtalkerr.conversation;

import dev.overtalkerr.ranking.Ranked;
import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.requesting.Commands;
import dev.overtalkerr.requesting.RequestDesk;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.SeasonSpec;
import dev.overtalkerr.understanding.Temporal;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.understanding.YearRange;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.Reply.Expect;
import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.conversation.Session.Step;
import dev.overtalkerr.tracking.RequestLedger;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: one {@link Session} per satellite, device, user or conversation (the Assist
 * contract's key), turned by each utterance. It searches, offers the best match with what the
 * backend knows of it, walks through alternatives ("no" → the next), narrows ("the one from 1984",
 * "the series", "the newer one"), asks for the season or the film-or-series choice only when it
 * must, and has the {@link RequestDesk} file exactly what was asked as the right person. Nothing is
 * filed twice: the offer is checked against the backend's current status, and the desk checks
 * requests in flight and the ledger of requests made through Overtalkerr.
 *
 * <p>It knows nothing of MQTT or HTTP: it takes a {@link Turn} and gives a {@link Reply}.
 */
@Singleton
public final class DialogEngine {
  private static final Logger log = LoggerFactory.getLogger(DialogEngine.class);
  private static final int MAX_READINGS = 2;
  /** Answers to "which season?" that mean the latest one without saying "season". */
  private static final Pattern LATEST_ANSWER =
      Pattern.compile("(?iu)\\W*(the\\s+)?(last|latest|newest|most recent|letzte\\w*|neueste\\w*|aktuellste\\w*|jüngste\\w*)(\\s+one)?\\W*");
  /** "get it", "download it": yes to an offer, but the title It when nothing is on offer. */
  private static final Pattern VERB_IT = Pattern.compile("(?iu)\\W*(get|download|request|grab|find|fetch)\\s+it\\W*");
  /** Titles that are pronouns while something is on offer: "download it" means "yes". */
  private static final Set<String> PRONOUNS = Set.of("it", "that", "this", "that one", "es", "das", "ihn", "sie");
  private static final Pattern GERMAN_OBJECT_ARTICLE = Pattern.compile("(?:den|dem|einen|einem) (.+)");
  /** The start of a correction: "no no, wait, I mean ...", "actually ...", "nein, eigentlich ...". */
  private static final Pattern CORRECTION_LEAD = Pattern.compile(
      "(?iu)(\\W*\\b(no|nope|nah|not that|wait|hang on|hold on|sorry|actually|i mean|i meant|oh|nein|nee|warte|moment|"
          + "eigentlich|ich meine|ich meinte|doch|lieber)\\b)+[\\s,.!]*");
  /** A "no" at the start of an utterance: "no, the british one", "nein, die andere". */
  private static final Pattern LEADING_NO = Pattern.compile("(?iu)\\W*(no|nope|nah|not that|nein|nee|nicht)\\b");
  private static final Set<String> ANSWER_FILLER =
      Set.of("the", "one", "please", "number", "season", "die", "der", "das", "eine", "bitte", "nummer", "staffel");

  private final UtteranceParser parser;
  private final Ranker ranker;
  private final MediaBackend backend;
  private final Speech phrases;
  private final Requesters requesters;
  private final RequestDesk desk;
  private final Clock clock;
  private final String defaultLanguage;
  private final Duration sessionTimeout;
  private final int maxCandidates;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private volatile Instant lastCleanup = Instant.EPOCH;

  /** A dialog with its own request desk (tests and tools; the application injects the desk). */
  public DialogEngine(
      UtteranceParser parser,
      Ranker ranker,
      MediaBackend backend,
      Speech phrases,
      Requesters requesters,
      RequestLedger ledger,
      Settings settings,
      Clock clock) {
    this(parser, ranker, backend, phrases, requesters, new RequestDesk(backend, phrases, ledger, clock), settings, clock);
  }

  @Inject
  DialogEngine(
      UtteranceParser parser,
      Ranker ranker,
      MediaBackend backend,
      Speech phrases,
      Requesters requesters,
      RequestDesk desk,
      Settings settings,
      Clock clock) {
    this.parser = parser;
    this.ranker = ranker;
    this.backend = backend;
    this.phrases = phrases;
    this.requesters = requesters;
    this.desk = desk;
    this.clock = clock;
    this.defaultLanguage = settings.dialog().language();
    this.sessionTimeout = settings.dialog().sessionTimeout();
    this.maxCandidates = settings.dialog().maxCandidates();
  }

  // ---------------------------------------------------------------- the spoken dialog

  /** Answers one turn of the conversation, taking as long as the backend takes. */
  public Reply handle(Turn turn) {
    return handle(turn, TurnBudget.NONE);
  }

  /**
   * Answers one turn of the conversation within {@code budget}. Turns of one session are handled
   * one at a time. A turn that runs out of time, or that the caller gave up on, leaves no offer
   * open: the person heard an apology, so a later "yes" must not file what they never heard.
   */
  public Reply handle(Turn turn, TurnBudget budget) {
    String language = language(turn.language());
    while (true) {
      Session session = session(turn.sessionKey());
      synchronized (session) {
        if (session.dead) {
          continue;
        }
        return handle(session, turn, budget, language);
      }
    }
  }

  private Reply handle(Session session, Turn turn, TurnBudget budget, String language) {
    Instant now = clock.instant();
    if (session.step != Step.IDLE && session.lastActivity.plus(sessionTimeout).isBefore(now)) {
      log.debug("Session {} expired", turn.sessionKey());
      session.reset();
    }
    session.lastActivity = now;
    session.language = language;
    session.requester = requesters.resolve(turn.userId(), turn.satelliteId(), turn.deviceId());
    session.satelliteId = turn.satelliteId() != null ? turn.satelliteId() : turn.deviceId();
    session.budget = budget;
    Understanding u = understand(session, turn, language);
    log.debug("Session {} at {}: understood {}", turn.sessionKey(), session.step, u);
    Reply reply;
    try {
      reply = respond(session, turn, u, language);
    } catch (TurnBudget.OutOfTime e) {
      log.warn("Session {}: out of time before the next backend call; the dialog starts over", turn.sessionKey());
      session.reset();
      return timeoutReply(language);
    } finally {
      session.budget = TurnBudget.NONE;
    }
    if (budget.abandoned()) {
      log.warn("Session {}: finished after the reply deadline with {} (\"{}\"); the person heard an apology, so the dialog starts over",
          turn.sessionKey(), reply.state().wire(), reply.speech());
      session.reset();
      return reply;
    }
    if (reply.end()) {
      session.reset();
    }
    log.info("Session {}: \"{}\" -> {} \"{}\"", turn.sessionKey(), abbreviate(turn.text() != null ? turn.text() : turn.slotTitle()),
        reply.state().wire(), reply.speech());
    return reply;
  }

  private Reply respond(Session session, Turn turn, Understanding u, String language) {
    // Answers to our own questions come first: "two" answers "which season?".
    if (session.step == Step.ASK_SEASON) {
      Optional<SeasonSpec> season = seasonAnswer(session, turn, u, language);
      if (season.isPresent()) {
        session.season = season.get();
        return confirm(session, language);
      }
    }
    if (session.step == Step.OFFERING && session.current != null && session.current.type() == MediaType.TV
        && u.intent() == Intent.REQUEST && u.hasTitle()) {
      // bare numbers while a series is on offer name the season ("2", "four and five")
      Optional<SeasonSpec> season = seasonAnswer(session, turn, u, language);
      if (season.isPresent() && season.get().number() != null) {
        session.season = season.get();
        return offerCurrent(session, language, null);
      }
    }
    if (session.step == Step.OFFERING && u.fourK() && u.hasTitle() && parser.parse(u.title(), language).intent() == Intent.CONFIRM) {
      session.fourK = true; // "yes, but in 4K"
      return offerCurrent(session, language, null);
    }
    if (session.step == Step.ASK_MEDIA_TYPE && u.intent() == Intent.REFINE && u.mediaType() != TypeHint.ANY) {
      return narrow(session, u, language);
    }
    switch (u.intent()) {
      case CANCEL:
        return reply(language, State.CANCELLED, Expect.NONE, true, null, "cancelled");
      case LAUNCH:
        if (session.step != Step.IDLE && session.step != Step.ASK_TITLE) {
          return help(session, language); // "hmm" in the middle of a dialog: say again what is pending
        }
        session.reset();
        session.step = Step.ASK_TITLE;
        return reply(language, State.WELCOME, Expect.TITLE, false, null, "welcome");
      case HELP:
        return help(session, language);
      case CONFIRM:
        if ((session.step == Step.IDLE || session.step == Step.ASK_TITLE) && turn.text() != null
            && VERB_IT.matcher(turn.text()).matches()) {
          return search(session, new Understanding(Intent.REQUEST, "it", TypeHint.ANY, null, null, null, false, null, List.of()), language);
        }
        if (session.step == Step.OFFERING) {
          return confirm(session, language);
        }
        if (session.step == Step.ASK_SEASON) {
          return question(session, language, Expect.SEASON, phrases.say(language, "help.season"));
        }
        if (session.step == Step.ASK_MEDIA_TYPE) {
          return question(session, language, Expect.MEDIA_TYPE, phrases.say(language, "help.media_type"));
        }
        return nothingPending(session, language);
      case REJECT:
      case NEXT:
        if (session.step == Step.OFFERING || session.step == Step.ASK_SEASON) {
          return offer(session, session.index + 1, language, null);
        }
        if (session.step == Step.ASK_MEDIA_TYPE || session.step == Step.ASK_TITLE) {
          return reply(language, State.CANCELLED, Expect.NONE, true, null, "cancelled");
        }
        return nothingPending(session, language);
      case REFINE:
        if (session.step == Step.OFFERING && session.current != null && u.years() == null && u.mediaType() == TypeHint.ANY
            && u.order() == null && u.season() == null && !u.fourK() && turn.text() != null) {
          // "the second one": the season of a series on offer, else that match in the list
          OptionalInt n = parser.number(turn.text(), language);
          if (n.isPresent() && n.getAsInt() > 0) {
            if (session.current.type() == MediaType.TV) {
              session.season = SeasonSpec.number(n.getAsInt());
              return offerCurrent(session, language, null);
            }
            if (n.getAsInt() <= session.candidates.size() && n.getAsInt() - 1 != session.index) {
              return offer(session, n.getAsInt() - 1, language, null);
            }
          }
        }
        if (session.step == Step.OFFERING || session.step == Step.ASK_SEASON || session.step == Step.ASK_MEDIA_TYPE) {
          return narrow(session, u, language);
        }
        if (u.hasTitle()) {
          return search(session, u, language);
        }
        session.step = Step.ASK_TITLE;
        return reply(language, State.QUESTION, Expect.TITLE, false, null, "ask.title");
      case REQUEST:
      default:
        if (!u.hasTitle()) {
          session.step = Step.ASK_TITLE;
          return reply(language, State.QUESTION, Expect.TITLE, false, null, "ask.title");
        }
        if ((session.step == Step.OFFERING || session.step == Step.ASK_SEASON) && session.current != null) {
          return searchDuringOffer(session, turn, u, language);
        }
        return search(session, u, language);
    }
  }

  /**
   * A title said while something is on offer (or while asking for the season) may be a new
   * request, or a way of narrowing the offer the parser did not read ("no, the british one"). A
   * leading "no" is dropped first ("no, dark" asks for Dark). When the search finds nothing, the
   * offer or question stays: after a leading "no" the next match is offered, otherwise the offer
   * (or the season question) is repeated.
   */
  private Reply searchDuringOffer(Session session, Turn turn, Understanding u, String language) {
    Session.Offer before = session.offer();
    Reply found = search(session, u, language);
    if (found.state() != State.NOT_FOUND) {
      return found;
    }
    java.util.regex.Matcher lead = turn.text() == null ? null : CORRECTION_LEAD.matcher(turn.text());
    if (lead != null && lead.lookingAt()) {
      String rest = turn.text().substring(lead.end()).trim();
      Understanding corrected = rest.isEmpty() ? Understanding.of(Intent.REJECT) : parser.parse(rest, language);
      if (corrected.hasTitle() && !normalize(corrected.title()).equals(normalize(u.title()))) {
        session.restore(before);
        Reply other = search(session, withIntent(corrected, Intent.REQUEST), language);
        if (other.state() != State.NOT_FOUND) {
          return other;
        }
      }
      if (LEADING_NO.matcher(turn.text()).lookingAt()) {
        session.restore(before);
        return offer(session, session.index + 1, language, null);
      }
    }
    session.restore(before);
    String preface = u.title().split(" ").length > 4 ? phrases.say(language, "not.understood.keep")
        : phrases.say(language, "not.found.keep", u.title());
    if (session.step == Step.ASK_SEASON) {
      Reply question = desk.seasonQuestion(session.current, effectiveFourK(session), language, null);
      return new Reply(preface + " " + question.speech(), false, Expect.SEASON, State.QUESTION, question.candidate(), null, null);
    }
    return offerCurrent(session, language, preface);
  }

  /**
   * The parser's reading of the turn, with the sentence trigger's hints and slots applied. A title
   * slot is the title (the trigger already cut it out of the sentence); the rest of the sentence
   * still gives the season, years, type and 4K.
   */
  private Understanding understand(Session session, Turn turn, String language) {
    boolean hasText = turn.text() != null && !turn.text().isBlank();
    Understanding u = hasText ? parser.parse(turn.text(), language) : Understanding.of(Intent.REQUEST);
    String hint = turn.intentHint();
    if (hint != null) {
      switch (hint) {
        case "confirm" -> u = Understanding.of(Intent.CONFIRM);
        case "reject" -> u = Understanding.of(Intent.REJECT);
        case "next" -> u = Understanding.of(Intent.NEXT);
        case "cancel" -> u = Understanding.of(Intent.CANCEL);
        case "help" -> u = u.intent() == Intent.LAUNCH ? u : Understanding.of(Intent.HELP);
        case "movie" -> u = withType(u, TypeHint.MOVIE);
        case "show" -> u = withType(u, TypeHint.TV);
        default -> { }
      }
    }
    boolean slotted = turn.slotTitle() != null && !turn.slotTitle().isBlank();
    boolean requestHint = hint != null && Set.of("request", "movie", "show", "season").contains(hint);
    boolean pronoun = slotted && PRONOUNS.contains(normalize(turn.slotTitle()));
    boolean offering = session.step == Step.OFFERING || session.step == Step.ASK_SEASON;
    if (slotted && requestHint && pronoun && offering) {
      // "download it" while something is on offer: yes to the offer
      return Understanding.of(Intent.CONFIRM);
    }
    if (slotted && requestHint && u.intent() != Intent.REQUEST && u.intent() != Intent.REFINE) {
      // "download it" names the film It when the trigger says it is a request with a title
      u = new Understanding(Intent.REQUEST, null, u.mediaType(), u.years(), u.season(), u.temporal(), u.fourK(), null, List.of());
    }
    boolean answer = Set.of(Intent.CONFIRM, Intent.REJECT, Intent.NEXT, Intent.CANCEL, Intent.HELP, Intent.LAUNCH).contains(u.intent());
    if (slotted && !answer) {
      Understanding t = parser.parse(turn.slotTitle(), language);
      // The trigger cut the title out of the sentence, but a wildcard also catches filler ("lade
      // mir dune herunter" gives "mir dune"): the sentence's own title wins when the slot holds it.
      boolean sentenceTitleFits = u.hasTitle() && containsWords(t.hasTitle() ? t.title() : "", u.title());
      if (t.hasTitle() && !sentenceTitleFits) {
        u = new Understanding(Intent.REQUEST, t.title(), u.mediaType() != TypeHint.ANY ? u.mediaType() : t.mediaType(),
            t.years() != null ? t.years() : u.years(),
            u.season() != null ? u.season() : t.season(), u.temporal() != null ? u.temporal() : t.temporal(),
            u.fourK() || t.fourK(), null, t.alternatives());
      } else if (sentenceTitleFits) {
        u = withIntent(u, Intent.REQUEST);
      }
    }
    if (turn.slotSeason() != null && u.season() == null && !answer) {
      SeasonSpec s = seasonFromWords(turn.slotSeason(), language);
      if (s != null) {
        u = new Understanding(u.intent(), u.title(), TypeHint.TV, u.years(), s, u.temporal(), u.fourK(), u.order(), u.alternatives());
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
   * The answer to "which season?", or empty when the turn is something else (then it is handled as
   * usual, e.g. as a new request). A season said with no title, or with the title on offer, counts;
   * so does a bare number or "the latest"; a number inside a new title ("12 monkeys") or "4K" does
   * not.
   */
  private Optional<SeasonSpec> seasonAnswer(Session session, Turn turn, Understanding u, String language) {
    if (u.intent() == Intent.CANCEL || u.intent() == Intent.HELP) {
      return Optional.empty();
    }
    boolean sameShow = u.hasTitle() && session.current != null && normalize(u.title()).equals(normalize(session.current.title()));
    if (u.season() != null && (!u.hasTitle() || sameShow)) {
      return Optional.of(u.season());
    }
    if (turn.slotSeason() != null && (!u.hasTitle() || sameShow)) {
      return Optional.ofNullable(seasonFromWords(turn.slotSeason(), language));
    }
    if (turn.text() == null || u.fourK()) {
      return Optional.empty();
    }
    List<String> words = u.hasTitle() ? answerWords(u.title()) : List.of();
    if (u.hasTitle() && words.size() > 1) {
      // "one and two", "two to four", "eins bis drei": seasons said without the word season
      SeasonSpec several = seasonFromWords(turn.text(), language);
      if (several != null && !several.more().isEmpty()) {
        return Optional.of(several);
      }
      return Optional.empty(); // a new title
    }
    String text = u.hasTitle() && words.size() == 1 ? words.get(0) : turn.text();
    OptionalInt n = parser.number(text, language);
    if (n.isPresent() && n.getAsInt() > 0 && n.getAsInt() < 100) {
      return Optional.of(SeasonSpec.number(n.getAsInt()));
    }
    // "the latest", "the newest one", "die letzte" answer "which season?" without the word season
    if ((!u.hasTitle() && (u.order() == Understanding.Order.NEWER || u.temporal() == Temporal.LATEST))
        || LATEST_ANSWER.matcher(text).matches()) {
      return Optional.of(SeasonSpec.of(SeasonSpec.Which.LATEST));
    }
    return Optional.empty();
  }

  /** The words of a short answer without articles and fillers: "the fourth one" gives [fourth]. */
  private static List<String> answerWords(String title) {
    return java.util.Arrays.stream(title.split("\\s+")).filter(w -> !ANSWER_FILLER.contains(w)).toList();
  }

  /**
   * A "yes" or "no" with nothing on offer (a stray answer, or one after the session expired): said
   * plainly, and the dialog stays closed so that a satellite does not listen again for nothing.
   */
  private Reply nothingPending(Session session, String language) {
    if (session.step == Step.ASK_TITLE) {
      return reply(language, State.QUESTION, Expect.TITLE, false, null, "ask.title");
    }
    return reply(language, State.HELP, Expect.NONE, true, null, "nothing.to.confirm");
  }

  private Reply help(Session session, String language) {
    return switch (session.step) {
      case OFFERING -> new Reply(phrases.say(language, "help.offer", session.current.title()), false, Expect.CONFIRM,
          State.HELP, session.current, null, null);
      case ASK_SEASON -> new Reply(phrases.say(language, "help.season"), false, Expect.SEASON, State.HELP, session.current, null, null);
      case ASK_MEDIA_TYPE -> new Reply(phrases.say(language, "help.media_type"), false, Expect.MEDIA_TYPE, State.HELP, null, null, null);
      default -> {
        session.step = Step.ASK_TITLE;
        yield reply(language, State.HELP, Expect.TITLE, false, null, "help");
      }
    };
  }

  /** A new search: every reading of the title, ranked together. */
  private Reply search(Session session, Understanding u, String language) {
    session.reset();
    session.query = u;
    session.season = u.season();
    session.fourK = u.fourK();
    Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
    try {
      for (Reading reading : searchReadings(u, language)) {
        session.budget.beforeBackendCall();
        results.put(reading, backend.search(reading.title(), language));
      }
    } catch (BackendException e) {
      return failure(e, language, null);
    }
    List<Ranked> ranked = ranker.rank(u, results);
    if (ranked.isEmpty()) {
      return reply(language, State.NOT_FOUND, Expect.NONE, true, null, "not.found", u.title());
    }
    session.candidates = ranked.stream().limit(maxCandidates).toList();
    if (isFilmOrSeriesQuestion(u, session.candidates)) {
      session.step = Step.ASK_MEDIA_TYPE;
      return new Reply(phrases.say(language, "question.media_type", session.candidates.get(0).item().title()), false,
          Expect.MEDIA_TYPE, State.QUESTION, null, null, null);
    }
    return offer(session, 0, language, null);
  }

  /**
   * The readings to search, at most {@link #MAX_READINGS}. In German a title said in the accusative
   * or dative ("lade den König der Löwen herunter") is also searched without that article, as
   * titles are written with "der", "die" or "das".
   */
  private static List<Reading> searchReadings(Understanding u, String language) {
    List<Reading> readings = new ArrayList<>(u.readings());
    if (language.equals("de") && !readings.isEmpty() && readings.size() < MAX_READINGS) {
      Reading first = readings.get(0);
      java.util.regex.Matcher m = GERMAN_OBJECT_ARTICLE.matcher(first.title());
      if (m.matches()) {
        readings.add(new Reading(m.group(1), first.years()));
      }
    }
    return readings.stream().limit(MAX_READINGS).toList();
  }

  /**
   * True when a film and a series both match the spoken title exactly and nothing said which one is
   * meant (no type, no season, no year that separates them).
   */
  private boolean isFilmOrSeriesQuestion(Understanding u, List<Ranked> ranked) {
    if (u.mediaType() != TypeHint.ANY || u.season() != null || ranked.size() < 2) {
      return false;
    }
    MediaItem best = ranked.get(0).item();
    String spoken = normalize(u.title());
    if (!normalize(best.title()).equals(spoken)) {
      return false;
    }
    return ranked.stream().skip(1).limit(4).map(Ranked::item)
        .anyMatch(other -> other.type() != best.type() && normalize(other.title()).equals(spoken)
            && (u.years() == null || u.years().contains(other.year()) == u.years().contains(best.year())));
  }

  /** Narrows the matches on offer: a year, a type, newer/older, a season or 4K. */
  private Reply narrow(Session session, Understanding u, String language) {
    if (u.season() != null) {
      session.season = u.season();
    }
    if (u.fourK()) {
      session.fourK = true;
    }
    boolean filters = u.years() != null || u.mediaType() != TypeHint.ANY || u.order() != null;
    if (!filters) {
      if (session.step == Step.ASK_SEASON && session.season != null) {
        return confirm(session, language);
      }
      return session.current == null ? offer(session, session.index, language, null) : offerCurrent(session, language, null);
    }
    List<Ranked> pool = session.candidates;
    List<Ranked> kept = new ArrayList<>(pool.stream()
        .filter(r -> u.years() == null || u.years().contains(r.item().year()))
        .filter(r -> u.mediaType().accepts(r.item().type()))
        .toList());
    if (u.order() != null && session.current != null) {
      MediaItem now = session.current;
      Comparator<Ranked> byYear = Comparator.comparing(r -> r.item().year() == null ? Integer.MIN_VALUE : r.item().year());
      kept.removeIf(r -> r.item().tmdbId() == now.tmdbId() && r.item().type() == now.type());
      if (now.year() != null) {
        kept.removeIf(r -> r.item().year() != null
            && (u.order() == Understanding.Order.NEWER ? r.item().year() < now.year() : r.item().year() > now.year()));
      }
      kept.sort(u.order() == Understanding.Order.NEWER ? byYear.reversed() : byYear);
      // stable sorts: the same title first (the other version of a remake), then the same type
      kept.sort(Comparator.comparing(r -> r.item().type() != now.type()));
      kept.sort(Comparator.comparing(r -> !normalize(r.item().title()).equals(normalize(now.title()))));
    }
    if (kept.isEmpty()) {
      if (session.query != null && session.query.hasTitle() && (u.years() != null || u.mediaType() != TypeHint.ANY)) {
        Understanding q = session.query;
        Understanding refined = new Understanding(Intent.REQUEST, q.title(),
            u.mediaType() != TypeHint.ANY ? u.mediaType() : q.mediaType(), u.years() != null ? u.years() : q.years(),
            session.season, q.temporal(), session.fourK, null,
            q.alternatives().stream().map(r -> new Reading(r.title(), u.years() != null ? u.years() : r.years())).toList());
        SeasonSpec season = session.season;
        boolean fourK = session.fourK;
        Reply r = search(session, refined, language);
        session.season = season;
        session.fourK = fourK;
        return r;
      }
      if (session.current != null) {
        return offerCurrent(session, language, phrases.say(language, "refine.none"));
      }
      return reply(language, State.NOT_FOUND, Expect.NONE, true, null, "not.found", session.spokenTitle());
    }
    session.candidates = List.copyOf(kept);
    return offer(session, 0, language, null);
  }

  /** Offers candidate {@code index} with its current status, or says there are no more. */
  private Reply offer(Session session, int index, String language, String preface) {
    if (index >= session.candidates.size()) {
      return reply(language, State.NO_MORE_RESULTS, Expect.NONE, true, null, "no.more.results", session.spokenTitle());
    }
    session.index = index;
    MediaItem item = session.candidates.get(index).item();
    try {
      session.budget.beforeBackendCall();
      item = backend.details(item.type(), item.tmdbId(), language);
    } catch (BackendException e) {
      if (e.error() == BackendError.UNREACHABLE || e.error() == BackendError.TIMEOUT || e.error() == BackendError.AUTH_REFUSED) {
        return failure(e, language, item);
      }
      log.warn("Details of {} ({} {}) failed: {}; offering it with the search result's status", item.title(), item.type().wire(),
          item.tmdbId(), e.getMessage());
    }
    session.current = item;
    return offerCurrent(session, language, preface);
  }

  private Reply offerCurrent(Session session, String language, String preface) {
    MediaItem item = session.current;
    session.step = Step.OFFERING;
    // the copy that would really be requested: 4K only where this person may ask for it
    boolean fourK = effectiveFourK(session);
    OptionalInt asked = item.type() == MediaType.TV ? desk.seasonNumber(item, session.season, fourK) : OptionalInt.empty();
    Optional<Season> askedSeason = asked.isPresent()
        ? item.regularSeasons().stream().filter(x -> x.number() == asked.getAsInt()).findFirst() : Optional.empty();
    String absentPreface = null;
    if (asked.isPresent() && askedSeason.isEmpty() && !item.regularSeasons().isEmpty()) {
      // "season 5" of a series with 4
      List<Season> seasons = item.regularSeasons();
      String absent = phrases.seasons(language, List.of(asked.getAsInt()));
      if (seasons.size() == 1) {
        session.season = SeasonSpec.number(seasons.get(0).number());
        absentPreface = phrases.say(language, "season.only.one", item.title(), absent);
        return offerCurrent(session, language, preface == null ? absentPreface : preface + " " + absentPreface);
      }
      if (seasons.stream().noneMatch(x -> x.status(fourK).isRequestable())) {
        boolean allThere = seasons.stream().allMatch(x -> x.status(fourK) == Availability.AVAILABLE);
        return new Reply(phrases.say(language, "season.absent.nothing.left", item.title(), absent), true, Expect.NONE,
            allThere ? State.ALREADY_AVAILABLE : State.ALREADY_REQUESTED, item, null, null);
      }
      session.step = Step.ASK_SEASON;
      return desk.seasonQuestion(item, fourK, language, asked.getAsInt());
    }
    List<String> parts = new ArrayList<>();
    if (preface != null) {
      parts.add(preface);
    }
    parts.add(describe(item, language));
    if (asked.isPresent()) {
      parts.add(phrases.say(language, "offer.season", phrases.seasons(language, List.of(asked.getAsInt()))));
    } else if (item.type() == MediaType.TV && session.season != null && session.season.which() == SeasonSpec.Which.ALL) {
      parts.add(phrases.say(language, "offer.season", phrases.say(language, "seasons.all")));
    } else if (item.type() == MediaType.TV && session.season != null && !session.season.more().isEmpty()) {
      parts.add(phrases.say(language, "offer.season", phrases.seasons(language, session.season.numbers())));
    }
    Availability status = item.status(fourK);
    String statusSentence = statusSentence(item, session, fourK, language);
    if (statusSentence != null) {
      parts.add(statusSentence);
    }
    if (session.fourK && !fourK) {
      parts.add(phrases.say(language, "no.4k"));
    }
    boolean requestable;
    if (status == Availability.BLOCKLISTED) {
      requestable = false;
    } else if (askedSeason.isPresent()) {
      requestable = askedSeason.get().status(fourK).isRequestable();
    } else if (session.season != null && !session.season.more().isEmpty()) {
      List<Integer> wanted = session.season.numbers();
      requestable = item.regularSeasons().stream().anyMatch(x -> wanted.contains(x.number()) && x.status(fourK).isRequestable());
    } else if (item.type() == MediaType.MOVIE || item.regularSeasons().isEmpty()) {
      requestable = !status.isRequestedOrAvailable();
    } else {
      requestable = item.regularSeasons().stream().anyMatch(x -> x.status(fourK).isRequestable());
    }
    parts.add(phrases.say(language, requestable ? "question.request" : "question.is.that.it"));
    return new Reply(String.join(" ", parts), false, Expect.CONFIRM, State.OFFER, item, null, null);
  }

  /** 4K when it was asked for and this person may have it. */
  private static boolean effectiveFourK(Session session) {
    return session.fourK && session.requester.map(Requester::allow4k).orElse(false);
  }

  /** "I found Dune, the film from 2021." */
  private String describe(MediaItem item, String language) {
    String type = phrases.say(language, item.type() == MediaType.MOVIE ? "type.movie" : "type.tv");
    return item.year() == null
        ? phrases.say(language, "offer.without.year", item.title(), type)
        : phrases.say(language, "offer.with.year", item.title(), type, String.valueOf(item.year()));
  }

  private String statusSentence(MediaItem item, Session session, boolean fourK, String language) {
    if (item.type() == MediaType.TV && !item.regularSeasons().isEmpty()) {
      OptionalInt number = desk.seasonNumber(item, session.season, fourK);
      Integer asked = number.isPresent() ? number.getAsInt() : null;
      if (asked != null) {
        Optional<Season> s = item.regularSeasons().stream().filter(x -> x.number() == asked).findFirst();
        if (s.isPresent()) {
          return seasonStatusSentence(s.get().status(fourK), phrases.seasons(language, List.of(asked)), language);
        }
      }
      String summary = desk.seasonSummary(item, fourK, language);
      if (summary != null) {
        return summary;
      }
    }
    Availability status = item.status(fourK);
    return switch (status) {
      case AVAILABLE -> phrases.say(language, "status.available");
      case PENDING -> phrases.say(language, "status.pending");
      case PROCESSING -> phrases.say(language, desk.isUpcoming(item) ? "status.processing.upcoming" : "status.processing");
      case PARTIALLY_AVAILABLE -> phrases.say(language, "status.partial");
      case BLOCKLISTED -> phrases.say(language, "status.blocklisted");
      case DELETED -> phrases.say(language, "status.deleted");
      case UNKNOWN -> desk.isUpcoming(item) ? phrases.say(language, "status.upcoming") : null;
    };
  }

  private String seasonStatusSentence(Availability status, String seasonWords, String language) {
    return switch (status) {
      case AVAILABLE -> phrases.say(language, "status.available.season", RequestDesk.capitalize(seasonWords));
      case PENDING -> phrases.say(language, "status.pending");
      case PROCESSING -> phrases.say(language, "status.processing");
      default -> null;
    };
  }


  private Reply question(Session session, String language, Expect expect, String speech) {
    return new Reply(speech, false, expect, State.QUESTION, session.current, null, null);
  }

  // ---------------------------------------------------------------- filing requests

  /** "Yes" to the offer: file exactly what was asked, or say why not. */
  private Reply confirm(Session session, String language) {
    MediaItem item = session.current;
    if (item == null) {
      return reply(language, State.QUESTION, Expect.TITLE, false, null, "nothing.to.confirm");
    }
    Optional<Requester> requester = session.requester;
    if (requester.isEmpty()) {
      return errorReply(language, BackendError.USER_NOT_MAPPED.code(), "error.user_not_mapped", "no backend user is mapped to this person", item);
    }
    boolean fourK = session.fourK && requester.get().allow4k();
    RequestDesk.Outcome outcome = desk.decide(item, session.season, fourK, language);
    if (outcome.reply() != null) {
      if (outcome.reply().state() == State.QUESTION) {
        session.step = Step.ASK_SEASON;
      }
      return outcome.reply();
    }
    return desk.file(outcome.request(), item, requester.get(), session.satelliteId, language, session.budget);
  }

  // ---------------------------------------------------------------- structured commands

  /** {@code command/search}: the best matches with their status, series with their seasons. */
  public Commands.SearchResult search(Commands.Search command) {
    return search(command, TurnBudget.NONE);
  }

  /** {@code command/search} within {@code budget}. */
  public Commands.SearchResult search(Commands.Search command, TurnBudget budget) {
    try {
      return searchWithin(command, budget);
    } catch (TurnBudget.OutOfTime e) {
      return new Commands.SearchResult(List.of(), new Reply.ErrorInfo(BackendError.TIMEOUT.code(), "no answer within the reply deadline"));
    }
  }

  private Commands.SearchResult searchWithin(Commands.Search command, TurnBudget budget) {
    String language = language(command.context().language());
    Understanding u = parser.parse(command.query(), language);
    Understanding query = new Understanding(Intent.REQUEST, u.hasTitle() ? u.title() : command.query().toLowerCase(Locale.ROOT),
        command.mediaType() == null ? u.mediaType() : TypeHint.of(command.mediaType()),
        command.year() == null ? u.years() : YearRange.of(command.year()), u.season(), u.temporal(), u.fourK(), null,
        command.year() == null ? u.alternatives() : List.of());
    try {
      Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
      for (Reading reading : query.readings().stream().limit(MAX_READINGS).toList()) {
        budget.beforeBackendCall();
        results.put(reading, backend.search(reading.title(), language));
      }
      List<MediaItem> items = ranker.rank(query, results).stream().map(Ranked::item)
          .filter(i -> command.mediaType() == null || i.type() == command.mediaType())
          .filter(i -> command.year() == null || command.year().equals(i.year()))
          .limit(command.limit()).toList();
      List<MediaItem> detailed = new ArrayList<>();
      for (MediaItem item : items) {
        detailed.add(item.type() == MediaType.TV ? detailsOrSelf(item, language, budget) : item);
      }
      return new Commands.SearchResult(detailed, null);
    } catch (BackendException e) {
      return new Commands.SearchResult(List.of(), new Reply.ErrorInfo(e.error().code(), e.getMessage()));
    }
  }

  private MediaItem detailsOrSelf(MediaItem item, String language, TurnBudget budget) {
    try {
      budget.beforeBackendCall();
      return backend.details(item.type(), item.tmdbId(), language);
    } catch (BackendException e) {
      log.debug("Details of {} failed: {}", item.title(), e.getMessage());
      return item;
    }
  }

  /** {@code command/request}: resolves the title, then files it like a spoken "yes". */
  public Reply request(Commands.Request command) {
    return request(command, TurnBudget.NONE);
  }

  /** {@code command/request} within {@code budget}. */
  public Reply request(Commands.Request command, TurnBudget budget) {
    try {
      return requestWithin(command, budget);
    } catch (TurnBudget.OutOfTime e) {
      return timeoutReply(command.context().language());
    }
  }

  private Reply requestWithin(Commands.Request command, TurnBudget budget) {
    Commands.Context ctx = command.context();
    String language = language(ctx.language());
    Optional<Requester> requester = requesters.resolve(ctx.userId(), ctx.satelliteId(), ctx.deviceId());
    if (requester.isEmpty()) {
      return errorReply(language, BackendError.USER_NOT_MAPPED.code(), "error.user_not_mapped", "no backend user is mapped to this person", null);
    }
    MediaItem item;
    try {
      if (command.tmdbId() != null) {
        budget.beforeBackendCall();
        item = backend.details(command.mediaType(), command.tmdbId(), language);
      } else {
        Commands.SearchResult found = searchWithin(new Commands.Search(command.query(), command.mediaType(), command.year(), 1, ctx), budget);
        if (found.error() != null) {
          return new Reply(phrases.say(language, "error." + found.error().code()), true, Expect.NONE, State.ERROR, null, null, found.error());
        }
        if (found.results().isEmpty()) {
          return reply(language, State.NOT_FOUND, Expect.NONE, true, null, "not.found", command.query());
        }
        item = found.results().get(0);
        if (item.type() == MediaType.MOVIE || item.seasons().isEmpty()) {
          budget.beforeBackendCall();
          item = backend.details(item.type(), item.tmdbId(), language);
        }
      }
    } catch (BackendException e) {
      return failure(e, language, null);
    }
    SeasonSpec season = null;
    if (item.type() == MediaType.TV) {
      List<Integer> asked = command.seasons();
      season = asked == null || command.allSeasons() ? SeasonSpec.of(SeasonSpec.Which.ALL)
          : new SeasonSpec(asked.get(0), null, asked.subList(1, asked.size()));
    }
    boolean fourK = command.is4k() && requester.get().allow4k();
    if (command.is4k() && !fourK) {
      return errorReply(language, BackendError.PERMISSION_DENIED.code(), "error.permission_denied", "4K is not allowed for this person", item);
    }
    RequestDesk.Outcome outcome = desk.decide(item, season, fourK, language);
    if (outcome.reply() != null) {
      return outcome.reply().end() ? outcome.reply()
          : new Reply(outcome.reply().speech(), true, Expect.NONE, State.ERROR, item, null,
              new Reply.ErrorInfo("invalid_request", "say which seasons to request"));
    }
    return desk.file(outcome.request(), item, requester.get(), ctx.satelliteId(), language, budget);
  }

  // ---------------------------------------------------------------- replies for the channel

  /** The apology when a turn took longer than the reply deadline. */
  public Reply timeoutReply(String requestedLanguage) {
    String language = language(requestedLanguage);
    return errorReply(language, BackendError.TIMEOUT.code(), "error.timeout", "no answer within the reply deadline", null);
  }

  /** The reply to a request whose fields are malformed. */
  public Reply invalidRequestReply(String requestedLanguage, String problem) {
    return errorReply(language(requestedLanguage), "invalid_request", "error.invalid_request", problem, null);
  }

  /** The reply when handling failed unexpectedly. */
  public Reply internalErrorReply(String requestedLanguage) {
    return errorReply(language(requestedLanguage), "internal", "error.internal", "an unexpected error; see the log", null);
  }

  private Reply failure(BackendException e, String language, MediaItem item) {
    return desk.failure(e, language, item);
  }

  private Reply errorReply(String language, String code, String key, String message, MediaItem item, Object... args) {
    return desk.error(language, code, key, message, item, args);
  }

  private Reply reply(String language, State state, Expect expect, boolean end, MediaItem item, String key, Object... args) {
    return new Reply(phrases.say(language, key, args), end, expect, state, item, null, null);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The session for {@code key}, locked by the caller. Long-idle sessions are dropped while the map
   * is large; a session is dropped only under its own lock and marked dead, so a turn that fetched
   * it just before simply fetches a fresh one.
   */
  private Session session(String key) {
    Instant now = clock.instant();
    if (sessions.size() > 64 && now.isAfter(lastCleanup.plusSeconds(30))) {
      lastCleanup = now;
      Instant cutoff = now.minus(sessionTimeout.multipliedBy(2));
      for (var entry : sessions.entrySet()) {
        Session s = entry.getValue();
        if (!s.lastActivity.isBefore(cutoff)) {
          continue; // recently used, or busy right now: never wait for its lock
        }
        synchronized (s) {
          if (s.lastActivity.isBefore(cutoff) && sessions.remove(entry.getKey(), s)) {
            s.dead = true;
          }
        }
      }
    }
    return sessions.computeIfAbsent(key, k -> new Session());
  }

  /** "de-DE" → "de"; anything we do not speak → the configured default. */
  String language(String requested) {
    if (requested == null || requested.isBlank()) {
      return defaultLanguage;
    }
    String primary = requested.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return primary.equals("en") || primary.equals("de") ? primary : defaultLanguage;
  }

  private static Understanding withIntent(Understanding u, Intent intent) {
    return new Understanding(intent, u.title(), u.mediaType(), u.years(), u.season(), u.temporal(), u.fourK(), u.order(), u.alternatives());
  }

  private static Understanding withType(Understanding u, TypeHint type) {
    return new Understanding(u.intent(), u.title(), type, u.years(), u.season(), u.temporal(), u.fourK(), u.order(), u.alternatives());
  }

  /** True when {@code words} stand, as whole words, in {@code text} (both normalised). */
  private static boolean containsWords(String text, String words) {
    String t = " " + normalize(text) + " ";
    String w = normalize(words);
    return !w.isEmpty() && t.contains(" " + w + " ");
  }

  /** Lower case, no accents, no punctuation, single spaces: for comparing titles. */
  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
  }


  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
