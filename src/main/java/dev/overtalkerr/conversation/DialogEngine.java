package dev.overtalkerr.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.DialogState.AskingSeason;
import dev.overtalkerr.conversation.DialogState.AwaitingTitle;
import dev.overtalkerr.conversation.DialogState.ChoosingType;
import dev.overtalkerr.conversation.DialogState.Idle;
import dev.overtalkerr.conversation.DialogState.Offering;
import dev.overtalkerr.conversation.DialogState.OfferingPlay;
import dev.overtalkerr.conversation.DialogState.Search;
import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.Titles;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.ranking.FilmOrSeries;
import dev.overtalkerr.ranking.Preferences;
import dev.overtalkerr.ranking.Ranked;
import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.requesting.Decision;
import dev.overtalkerr.requesting.RequestDesk;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.tracking.RequestLedger;
import dev.overtalkerr.tracking.RequestTracker;
import dev.overtalkerr.understanding.DialogContext;
import dev.overtalkerr.understanding.Hint;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Interpretation;
import dev.overtalkerr.understanding.Interpreter;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.SeasonSpec;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.understanding.Utterance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: one {@link Session} per satellite, device, user or conversation (the Assist
 * contract's key), moved from one {@link DialogState} to the next by each turn. It searches, offers
 * the best match with what the backend knows of it, walks through alternatives ("no" → the next),
 * narrows ("the one from 1984", "the series", "the newer one"), asks for the season or the
 * film-or-series choice only when it must, and has the {@link RequestDesk} file exactly what was
 * asked as the right person.
 *
 * <p>It reads no words itself: the {@link Interpreter} gives one {@link Interpretation} of each
 * turn in the context of the state, and {@link Replies} words every answer. It knows nothing of
 * MQTT or HTTP: it takes a {@link Turn} and gives a {@link Reply}.
 */
@Singleton
public final class DialogEngine {
  private static final Logger log = LoggerFactory.getLogger(DialogEngine.class);
  static final int MAX_READINGS = 2;
  /** The most conversations kept at once; beyond it the least recently used is forgotten. */
  static final int MAX_SESSIONS = 1024;

  private final Interpreter interpreter;
  private final Ranker ranker;
  private final MediaBackend backend;
  private final Replies replies;
  private final Requesters requesters;
  private final RequestDesk desk;
  private final Clock clock;
  private final Languages languages;
  private final Duration sessionTimeout;
  private final int maxCandidates;
  private final boolean offerPlay;
  private final Sessions sessions;
  private final RequestsOverview overview;

  /** What one turn is about besides its words: who asks, from where, in which language, until when. */
  private record TurnContext(String language, Optional<Requester> requester, String satelliteId, TurnBudget budget) {}

  /** A dialog with its own request desk and tracker (tests and tools; the application injects them). */
  public DialogEngine(
      UtteranceParser parser,
      Ranker ranker,
      MediaBackend backend,
      Speech phrases,
      Requesters requesters,
      RequestLedger ledger,
      Settings settings,
      Clock clock) {
    this(new Interpreter(parser), ranker, backend, new Replies(phrases, new Languages(settings)), requesters,
        new RequestTracker(backend, settings, new ObjectMapper().registerModule(new JavaTimeModule()), clock), ledger, settings,
        clock);
  }

  private DialogEngine(Interpreter interpreter, Ranker ranker, MediaBackend backend, Replies replies, Requesters requesters,
      RequestTracker tracker, RequestLedger ledger, Settings settings, Clock clock) {
    this(interpreter, ranker, backend, replies, requesters, new RequestDesk(backend, ledger, clock, tracker),
        new RequestsOverview(tracker, clock), new Languages(settings), settings, clock);
  }

  @Inject
  DialogEngine(
      Interpreter interpreter,
      Ranker ranker,
      MediaBackend backend,
      Replies replies,
      Requesters requesters,
      RequestDesk desk,
      RequestsOverview overview,
      Languages languages,
      Settings settings,
      Clock clock) {
    this.languages = languages;
    this.overview = overview;
    this.interpreter = interpreter;
    this.ranker = ranker;
    this.backend = backend;
    this.replies = replies;
    this.requesters = requesters;
    this.desk = desk;
    this.clock = clock;
    this.sessionTimeout = settings.dialog().sessionTimeout();
    this.maxCandidates = settings.dialog().maxCandidates();
    this.offerPlay = settings.dialog().offerPlay();
    this.sessions = new Sessions(clock, sessionTimeout, MAX_SESSIONS);
  }

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
    String language = languages.of(turn.language());
    while (true) {
      Session session = sessions.get(turn.sessionKey());
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
    if (!(session.state instanceof Idle) && session.lastActivity.plus(sessionTimeout).isBefore(now)) {
      log.debug("Session {} expired", turn.sessionKey());
      session.state = DialogState.IDLE;
    }
    session.lastActivity = now;
    TurnContext t = new TurnContext(language, requesters.resolve(turn.userId(), turn.satelliteId(), turn.deviceId()),
        turn.satelliteId() != null ? turn.satelliteId() : turn.deviceId(), budget);
    MediaItem offered = session.state.current();
    Interpretation in = interpreter.interpret(
        new Utterance(turn.text(), Hint.of(turn.intentHint()).orElse(null), turn.slotTitle(), turn.slotSeason(), language),
        new DialogContext(session.state.expect(), offered == null ? null : offered.title(), offered != null && offered.type() == MediaType.TV));
    log.debug("Session {} at {}: understood {}", turn.sessionKey(), session.state.expect().wire(), in);
    Reply reply;
    try {
      reply = respond(session, in, t);
    } catch (TurnBudget.OutOfTime e) {
      log.warn("Session {}: out of time before the next backend call; the dialog starts over", turn.sessionKey());
      session.state = DialogState.IDLE;
      return replies.timeout(language);
    }
    if (reply.end()) {
      session.state = DialogState.IDLE;
    }
    reply = reply.expecting(session.state.expect());
    if (budget.abandoned()) {
      log.warn("Session {}: finished after the reply deadline with {} (\"{}\"); the person heard an apology, so the dialog starts over",
          turn.sessionKey(), reply.state().wire(), reply.speech());
      session.state = DialogState.IDLE;
      return reply;
    }
    log.info("Session {}: \"{}\" -> {} \"{}\"", turn.sessionKey(), abbreviate(turn.text() != null ? turn.text() : turn.slotTitle()),
        reply.state().wire(), reply.speech());
    return reply;
  }

  private Reply respond(Session session, Interpretation in, TurnContext t) {
    Understanding u = in.understanding();
    DialogState state = session.state;
    String language = t.language();
    // answers to our own questions come first: "two" answers "which season?"
    if (in.seasonAnswer() != null && state instanceof AskingSeason a) {
      session.state = new AskingSeason(a.search().withSeason(in.seasonAnswer()), a.index(), a.current());
      return confirm(session, t);
    }
    if (in.seasonAnswer() != null && state instanceof Offering o) {
      // bare numbers while a series is on offer name the season ("2", "four and five")
      session.state = new Offering(o.search().withSeason(in.seasonAnswer()), o.index(), o.current());
      return offerCurrent(session, t, null);
    }
    if (state instanceof ChoosingType && u.intent() == Intent.REFINE && u.mediaType() != TypeHint.ANY) {
      return narrow(session, u, t);
    }
    switch (u.intent()) {
      case CANCEL:
        return replies.say(language, State.CANCELLED, true, null, "cancelled");
      case LAUNCH:
        if (!(state instanceof Idle || state instanceof AwaitingTitle)) {
          return help(session, t); // "hmm" in the middle of a dialog: say again what is pending
        }
        session.state = DialogState.AWAITING_TITLE;
        return replies.say(language, State.WELCOME, false, null, "welcome");
      case HELP:
        return help(session, t);
      case STALL:
        return replies.stall(state, language);
      case REQUESTS:
        return replies.requests(overview.lines(in.onlyMine(), t.requester()), in.onlyMine(), language);
      case STATUS:
        return status(session, u, t);
      case CONFIRM:
        if (state instanceof Offering) {
          return confirm(session, t);
        }
        if (state instanceof OfferingPlay p) {
          return replies.say(language, State.PLAY, true, p.current(), "play", p.current().title());
        }
        if (state instanceof AskingSeason || state instanceof ChoosingType) {
          return replies.questionAgain(state, language);
        }
        return nothingPending(session, t);
      case REJECT:
      case NEXT:
        if (state instanceof Offering o && wishes(u)) {
          return prefer(session, o.search(), u, t, o.current()); // "no, the british one"
        }
        if (state instanceof Offering o) {
          return offer(session, o.search(), o.index() + 1, t, null);
        }
        if (state instanceof AskingSeason a) {
          return offer(session, a.search(), a.index() + 1, t, null);
        }
        if (state instanceof ChoosingType || state instanceof AwaitingTitle) {
          return replies.say(language, State.CANCELLED, true, null, "cancelled");
        }
        if (state instanceof OfferingPlay) {
          return replies.say(language, State.GOODBYE, true, null, "goodbye");
        }
        return nothingPending(session, t);
      case REFINE:
        if (state instanceof Offering o && in.position() != null && u.years() == null && u.mediaType() == TypeHint.ANY
            && u.order() == null && u.season() == null && !u.fourK()) {
          // "the second one": the season of a series on offer, else that match in the list
          int n = in.position();
          if (o.current().type() == MediaType.TV) {
            session.state = new Offering(o.search().withSeason(SeasonSpec.number(n)), o.index(), o.current());
            return offerCurrent(session, t, null);
          }
          if (n <= o.search().candidates().size() && n - 1 != o.index()) {
            return offer(session, o.search(), n - 1, t, null);
          }
        }
        if (state instanceof Offering || state instanceof AskingSeason || state instanceof ChoosingType) {
          return narrow(session, u, t);
        }
        if (u.hasTitle()) {
          return search(session, u, t);
        }
        session.state = DialogState.AWAITING_TITLE;
        return replies.say(language, State.QUESTION, false, null, "ask.title");
      case REQUEST:
      default:
        if (!u.hasTitle()) {
          session.state = DialogState.AWAITING_TITLE;
          return replies.say(language, State.QUESTION, false, null, "ask.title");
        }
        if (state instanceof Offering || state instanceof AskingSeason) {
          return searchDuringOffer(session, in, t);
        }
        return search(session, u, t);
    }
  }

  /**
   * A title said while something is on offer (or while asking for the season) may be a new
   * request, or a way of narrowing the offer the parser did not read ("no, the british one"). When
   * the search finds nothing, the words after a leading "no", "wait" or "actually" are tried; then
   * after a leading "no" the next match is offered; otherwise the offer (or the season question)
   * stays.
   */
  private Reply searchDuringOffer(Session session, Interpretation in, TurnContext t) {
    DialogState before = session.state;
    Understanding u = in.understanding();
    Reply found = search(session, u, t);
    if (found.state() != State.NOT_FOUND) {
      return found;
    }
    if (in.correction() != null) {
      session.state = before;
      Reply other = search(session, in.correction(), t);
      if (other.state() != State.NOT_FOUND) {
        return other;
      }
    }
    session.state = before;
    if (in.leadingNo()) {
      return offer(session, before.search(), index(before) + 1, t, null);
    }
    String preface = u.title().split(" ").length > 4 ? replies.say(t.language(), State.QUESTION, false, null, "not.understood.keep").speech()
        : replies.say(t.language(), State.QUESTION, false, null, "not.found.keep", u.title()).speech();
    if (before instanceof AskingSeason a) {
      return replies.seasonQuestionAgain(preface, a.current(), effectiveFourK(a.search(), t), t.language());
    }
    return offerCurrent(session, t, preface);
  }

  /**
   * "Is Dune ready yet?": the best match and where it stands. In the library: said (and offered to
   * be played); requested: said; otherwise offered to be requested ("Dune isn't in your library
   * yet. ... Shall I request it?"), as are series with seasons still missing.
   */
  private Reply status(Session session, Understanding u, TurnContext t) {
    Reply found = search(session, u.withIntent(Intent.REQUEST), t);
    if (!(session.state instanceof Offering o)) {
      return found; // nothing found, a failure, or the film-or-series question
    }
    MediaItem item = o.current();
    boolean fourK = effectiveFourK(o.search(), t);
    boolean seasonsMissing = item.regularSeasons().stream().anyMatch(s -> s.status(fourK).isRequestable());
    Availability status = item.status(fourK);
    if (status.isRequestedOrAvailable() && !seasonsMissing) {
      Reply already = replies.decision(new Decision.Already(status, List.of()), item, fourK, desk.isUpcoming(item), t.language());
      if (offerPlay && status == Availability.AVAILABLE) {
        session.state = new OfferingPlay(item);
        return replies.offerPlay(already, t.language());
      }
      return already;
    }
    if (status == Availability.UNKNOWN || status == Availability.DELETED) {
      return offerCurrent(session, t, replies.notYetThere(item, t.language()));
    }
    return found; // partly there: the offer says which seasons are and asks about the rest
  }

  private Reply help(Session session, TurnContext t) {
    DialogState state = session.state;
    if (state instanceof Idle || state instanceof AwaitingTitle) {
      session.state = DialogState.AWAITING_TITLE;
    }
    return replies.help(state, t.language());
  }

  /**
   * A "yes" or "no" with nothing on offer (a stray answer, or one after the session expired): said
   * plainly, and the dialog stays closed so that a satellite does not listen again for nothing.
   */
  private Reply nothingPending(Session session, TurnContext t) {
    if (session.state instanceof AwaitingTitle) {
      return replies.say(t.language(), State.QUESTION, false, null, "ask.title");
    }
    return replies.say(t.language(), State.HELP, true, null, "nothing.to.confirm");
  }

  // ---------------------------------------------------------------- searching and offering

  /** A new search: every reading of the title, ranked together. */
  private Reply search(Session session, Understanding u, TurnContext t) {
    session.state = DialogState.IDLE;
    Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
    try {
      for (Reading reading : u.readings().stream().limit(MAX_READINGS).toList()) {
        t.budget().beforeBackendCall();
        results.put(reading, backend.search(reading.title(), t.language()));
      }
    } catch (BackendException e) {
      return replies.failure(e, t.language(), null);
    }
    List<Ranked> ranked = ranker.rank(u, results, Preferences.of(u, credits(u, t.language(), t.budget(), backend)));
    if (ranked.isEmpty()) {
      return replies.say(t.language(), State.NOT_FOUND, true, null, "not.found", u.title());
    }
    Search search = new Search(u, ranked.stream().limit(maxCandidates).toList(), u.season(), u.fourK());
    if (FilmOrSeries.worthAsking(u, search.candidates())) {
      session.state = new ChoosingType(search);
      return replies.mediaTypeQuestion(search.candidates().get(0).item().title(), t.language());
    }
    return offer(session, search, 0, t, null);
  }

  /**
   * The credits of the person named with the title ("the one with Tom Hanks"), to choose among the
   * results; null when no one was named or the backend could not say.
   */
  static Credits credits(Understanding u, String language, TurnBudget budget, MediaBackend backend) {
    if (u.person() == null) {
      return null;
    }
    try {
      budget.beforeBackendCall();
      return backend.credits(u.person(), language);
    } catch (BackendException e) {
      log.info("The credits of a person could not be read ({}); ranking without them", e.error().code());
      return null;
    }
  }

  /** Narrows the matches on offer: a year, a type, newer/older, a season or 4K. */
  private Reply narrow(Session session, Understanding u, TurnContext t) {
    DialogState state = session.state;
    Search search = state.search();
    if (u.season() != null) {
      search = search.withSeason(u.season());
    }
    if (u.fourK()) {
      search = search.withFourK();
    }
    session.state = withSearch(state, search);
    MediaItem current = state.current();
    boolean filters = u.years() != null || u.mediaType() != TypeHint.ANY || u.order() != null;
    if (!filters && wishes(u)) {
      return prefer(session, search, u, t, null); // "the animated one", "die koreanische Version", "the one with Tom Hanks"
    }
    if (!filters) {
      if (state instanceof AskingSeason && search.season() != null) {
        return confirm(session, t);
      }
      return current == null ? offer(session, search, index(state), t, null) : offerCurrent(session, t, null);
    }
    List<Ranked> kept = new ArrayList<>(search.candidates().stream()
        .filter(r -> u.years() == null || u.years().contains(r.item().year()))
        .filter(r -> u.mediaType().accepts(r.item().type()))
        .toList());
    if (u.order() != null && current != null) {
      Comparator<Ranked> byYear = Comparator.comparing(r -> r.item().year() == null ? Integer.MIN_VALUE : r.item().year());
      kept.removeIf(r -> r.item().tmdbId() == current.tmdbId() && r.item().type() == current.type());
      if (current.year() != null) {
        kept.removeIf(r -> r.item().year() != null
            && (u.order() == Understanding.Order.NEWER ? r.item().year() < current.year() : r.item().year() > current.year()));
      }
      kept.sort(u.order() == Understanding.Order.NEWER ? byYear.reversed() : byYear);
      // stable sorts: the same title first (the other version of a remake), then the same type
      kept.sort(Comparator.comparing(r -> r.item().type() != current.type()));
      kept.sort(Comparator.comparing(r -> !Titles.normalize(r.item().title()).equals(Titles.normalize(current.title()))));
    }
    if (kept.isEmpty()) {
      Understanding q = search.query();
      if (q != null && q.hasTitle() && (u.years() != null || u.mediaType() != TypeHint.ANY)) {
        Understanding refined = new Understanding(Intent.REQUEST, q.title(),
            u.mediaType() != TypeHint.ANY ? u.mediaType() : q.mediaType(), u.years() != null ? u.years() : q.years(),
            search.season(), q.temporal(), search.fourK(), null,
            q.alternatives().stream().map(r -> new Reading(r.title(), u.years() != null ? u.years() : r.years())).toList(),
            q.person(), q.sequel(), q.kind(), q.origin());
        return search(session, refined, t);
      }
      if (current != null) {
        return offerCurrent(session, t, replies.say(t.language(), State.OFFER, false, null, "refine.none").speech());
      }
      return replies.say(t.language(), State.NOT_FOUND, true, null, "not.found", search.spokenTitle());
    }
    return offer(session, search.withCandidates(kept), 0, t, null);
  }

  /** True when the turn says which one by its kind, origin or a person ("the animated one"). */
  private static boolean wishes(Understanding u) {
    return u.kind() != null || u.origin() != null || u.person() != null;
  }

  /**
   * The matches on offer ranked again by what was just said of them (kind, origin, a person's
   * credits), best first; {@code rejected} (the title just turned down) goes last.
   */
  private Reply prefer(Session session, Search search, Understanding u, TurnContext t, MediaItem rejected) {
    Understanding q = search.query() != null && search.query().hasTitle() ? search.query() : u;
    Reading reading = new Reading(q.title() == null ? "" : q.title(), q.years());
    Map<Reading, List<MediaItem>> pool = Map.of(reading, search.candidates().stream().map(Ranked::item).toList());
    List<Ranked> again = new ArrayList<>(ranker.rank(q, pool, Preferences.of(u, credits(u, t.language(), t.budget(), backend))));
    if (rejected != null) {
      again.sort(Comparator.comparing(r -> r.item().tmdbId() == rejected.tmdbId() && r.item().type() == rejected.type()));
    }
    return again.isEmpty() ? offer(session, search, index(session.state) + 1, t, null) : offer(session, search.withCandidates(again), 0, t, null);
  }

  /**
   * Offers candidate {@code index} of {@code search} with its current status, or says there are no
   * more and asks for another title. A series is always fetched for its seasons; a film only when the search did not say how
   * it stands.
   */
  private Reply offer(Session session, Search search, int index, TurnContext t, String preface) {
    if (index >= search.candidates().size()) {
      // the matches ran out: the dialog stays open for another title
      session.state = DialogState.AWAITING_TITLE;
      return replies.say(t.language(), State.NO_MORE_RESULTS, false, null, "no.more.results", search.spokenTitle());
    }
    MediaItem item = search.candidates().get(index).item();
    try {
      if (item.type() != MediaType.MOVIE || !backend.searchGivesFilmStatus()) {
        t.budget().beforeBackendCall();
        item = backend.details(item.type(), item.tmdbId(), t.language());
      }
    } catch (BackendException e) {
      if (e.error() == BackendError.UNREACHABLE || e.error() == BackendError.TIMEOUT || e.error() == BackendError.AUTH_REFUSED) {
        return replies.failure(e, t.language(), item);
      }
      log.warn("Details of {} ({} {}) failed: {}; offering it with the search result's status", item.title(), item.type().wire(),
          item.tmdbId(), e.getMessage());
    }
    session.state = new Offering(search, index, item);
    return offerCurrent(session, t, preface);
  }

  /** Offers the title of the current state again, with the season and 4K wishes as they now stand. */
  private Reply offerCurrent(Session session, TurnContext t, String preface) {
    DialogState state = session.state;
    Search search = state.search();
    MediaItem item = state.current();
    int index = index(state);
    session.state = new Offering(search, index, item);
    // the copy that would really be requested: 4K only where this person may ask for it
    boolean fourK = effectiveFourK(search, t);
    OptionalInt asked = item.type() == MediaType.TV ? desk.seasonNumber(item, search.season(), fourK) : OptionalInt.empty();
    List<Season> seasons = item.regularSeasons();
    if (asked.isPresent() && !seasons.isEmpty() && seasons.stream().noneMatch(x -> x.number() == asked.getAsInt())) {
      // "season 5" of a series with 4
      if (seasons.size() == 1) {
        session.state = new Offering(search.withSeason(SeasonSpec.number(seasons.get(0).number())), index, item);
        String only = replies.onlyOneSeason(item, asked.getAsInt(), t.language());
        return offerCurrent(session, t, preface == null ? only : preface + " " + only);
      }
      if (seasons.stream().noneMatch(x -> x.status(fourK).isRequestable())) {
        return replies.absentSeasonNothingLeft(item, asked.getAsInt(), fourK, t.language());
      }
      session.state = new AskingSeason(search, index, item);
      return replies.seasonQuestion(item, fourK, t.language(), asked.getAsInt());
    }
    return replies.offer(item, search.season(), search.fourK(), fourK, asked, desk.isUpcoming(item), t.language(), preface);
  }

  // ---------------------------------------------------------------- filing

  /** "Yes" to the offer: file exactly what was asked, or say why not. */
  private Reply confirm(Session session, TurnContext t) {
    DialogState state = session.state;
    MediaItem item = state.current();
    if (item == null) {
      session.state = DialogState.AWAITING_TITLE;
      return replies.say(t.language(), State.QUESTION, false, null, "nothing.to.confirm");
    }
    if (t.requester().isEmpty()) {
      return replies.notMapped(t.language(), item);
    }
    Search search = state.search();
    boolean fourK = effectiveFourK(search, t);
    Decision decision = desk.decide(item, search.season(), fourK);
    if (decision instanceof Decision.File file) {
      return replies.filed(desk.file(file.request(), item, t.requester().get(), t.satelliteId(), t.budget()), item, t.language());
    }
    if (decision instanceof Decision.AskSeason) {
      session.state = new AskingSeason(search, index(state), item);
    }
    desk.reportNothingFiled(decision, item, fourK, t.requester().get(), t.satelliteId());
    Reply reply = replies.decision(decision, item, fourK, desk.isUpcoming(item), t.language());
    if (offerPlay && reply.state() == State.ALREADY_AVAILABLE && item.status(fourK) == Availability.AVAILABLE) {
      // it is in the library: offer to play it where the person is
      session.state = new OfferingPlay(item);
      return replies.offerPlay(reply, t.language());
    }
    return reply;
  }

  // ---------------------------------------------------------------- helpers

  /** 4K when it was asked for and this person may have it. */
  private static boolean effectiveFourK(Search search, TurnContext t) {
    return search.fourK() && t.requester().map(Requester::allow4k).orElse(false);
  }

  private static int index(DialogState state) {
    if (state instanceof Offering o) {
      return o.index();
    }
    return state instanceof AskingSeason a ? a.index() : 0;
  }

  private static DialogState withSearch(DialogState state, Search search) {
    if (state instanceof Offering o) {
      return new Offering(search, o.index(), o.current());
    }
    if (state instanceof AskingSeason a) {
      return new AskingSeason(search, a.index(), a.current());
    }
    return state instanceof ChoosingType ? new ChoosingType(search) : state;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
