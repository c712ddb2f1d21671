package dev.overtalkerr.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestCounts;
import dev.overtalkerr.domain.RequestEvents;
import dev.overtalkerr.domain.RequestProgress;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Titles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every request made through Overtalkerr until it is available, declined or failed, and
 * tells its listeners (the Home Assistant event entity) each step: {@code requested} (or {@code
 * duplicate}, {@code failed}) when the desk files it, then {@code approved}, {@code declined},
 * {@code available}, {@code failed} as the backend reports them.
 *
 * <p>The backend is polled ({@link #pollNow()}, at {@code tracking.poll-interval}; the request list
 * most recently changed first, then any request not in it by id); a webhook may ask for a poll at
 * once ({@link #pollSoon()}). What is tracked is kept in {@code <data-dir>/tracked-requests.json},
 * written atomically (a synced temporary file, then a move) before anyone is told, so neither a
 * restart nor a SIGKILL loses it; the first poll after start announces what became available
 * while the daemon was down.
 *
 * <p>Each poll that reaches the backend also settles a few requests whose answer never came (a
 * stop while they were on their way, a timeout; {@link InterruptedRequests}): those the backend has
 * are followed from then on like any other, with the person and the satellite they were asked from.
 *
 * <p>Also the read side for status questions: {@link #all()}, {@link #ofPerson(String)}, {@link
 * #withProgress(Set)}, {@link #titled(String)}.
 */
@Singleton
public final class RequestTracker implements RequestEvents, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RequestTracker.class);
  static final String FILE = "tracked-requests.json";
  /** Finished requests kept for status questions; open ones are never dropped. */
  private static final int MAX_FINISHED = 300;

  /** What happened to a request: the event entity's event types. */
  public enum EventType {
    REQUESTED,
    DUPLICATE,
    APPROVED,
    DECLINED,
    AVAILABLE,
    FAILED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A request made through Overtalkerr, as far as it got.
   *
   * @param requestId the backend's request id (null for duplicates and failures, which are not tracked)
   * @param type film or series
   * @param tmdbId the TMDB id
   * @param title the title as the backend spells it
   * @param year the release year, or null
   * @param seasons the seasons requested (empty for films)
   * @param is4k the 4K copy
   * @param person who asked, as the backend knows them (display name)
   * @param requestedBy the backend user id or name it was filed as ("owner" for the key's owner)
   * @param satelliteId the satellite it was asked from, or null
   * @param posterPath the TMDB poster path, or null
   * @param requestedAt when it was filed
   * @param progress where it stands
   * @param changedAt when that was last seen to change
   */
  public record Tracked(
      String requestId,
      MediaType type,
      int tmdbId,
      String title,
      Integer year,
      List<Integer> seasons,
      boolean is4k,
      String person,
      String requestedBy,
      String satelliteId,
      String posterPath,
      Instant requestedAt,
      RequestProgress progress,
      Instant changedAt) {
    public Tracked {
      seasons = seasons == null ? List.of() : List.copyOf(seasons);
      progress = progress == null ? RequestProgress.PENDING : progress;
    }

    Tracked at(RequestProgress now, Instant when) {
      return new Tracked(requestId, type, tmdbId, title, year, seasons, is4k, person, requestedBy, satelliteId, posterPath,
          requestedAt, now, when);
    }
  }

  /**
   * One step of one request.
   *
   * @param type what happened
   * @param request the request (its progress after the step)
   * @param error the stable error code of a failed filing, else null
   */
  public record Event(EventType type, Tracked request, String error) {}

  /**
   * What the last poll saw of the backend.
   *
   * @param reachable whether the backend answered
   * @param counts its request counters, or null when it did not answer
   */
  public record Snapshot(boolean reachable, RequestCounts counts) {}

  /** Told about each event and each poll, on the tracker's thread or the filing thread. */
  public interface Listener {
    default void event(Event event) {}

    default void polled(Snapshot snapshot) {}
  }

  record Stored(int version, List<Tracked> requests) {}

  private final MediaBackend backend;
  private final ObjectMapper json;
  private final Clock clock;
  private final JsonFile<Stored> file;
  private final Duration interval;
  private final InterruptedRequests interrupted;
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile ScheduledExecutorService poller;
  private volatile Snapshot lastSnapshot;

  /** A tracker without a ledger to settle (tests and tools). */
  public RequestTracker(MediaBackend backend, Settings settings, ObjectMapper json, Clock clock) {
    this(backend, settings, json, clock, null);
  }

  /** A tracker that also settles the requests left unconfirmed in {@code ledger} (the application's). */
  @Inject
  public RequestTracker(MediaBackend backend, Settings settings, ObjectMapper json, Clock clock, RequestLedger ledger) {
    this.backend = backend;
    this.interrupted = ledger == null ? null : new InterruptedRequests(ledger, backend);
    this.json = json;
    this.clock = clock;
    this.file = new JsonFile<>(settings.dataDir().resolve(FILE), Stored.class, json, clock);
    this.interval = settings.tracking().pollInterval();
    load();
  }

  public void listen(Listener listener) {
    listeners.add(listener);
  }

  public void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  /** Starts polling: at once (what changed while we were down), then every poll interval. */
  public synchronized void start() {
    if (poller != null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "overtalkerr-tracker");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Tracking {} open requests; polling the backend every {} s", open().size(), interval.toSeconds());
  }

  /** Polls soon on the tracker's thread (the webhook says something changed). */
  public void pollSoon() {
    ScheduledExecutorService p = poller;
    if (p != null && !p.isShutdown()) {
      p.execute(this::pollQuietly);
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService p = poller;
    if (p != null) {
      p.shutdownNow();
    }
  }

  /** The last poll's view of the backend, or null before the first poll. */
  public Snapshot snapshot() {
    return lastSnapshot;
  }

  // ---------------------------------------------------------------- the read side

  /** Every tracked request, oldest first. */
  public synchronized List<Tracked> all() {
    return List.copyOf(tracked.values());
  }

  /** The requests still on their way (neither available, declined nor failed). */
  public synchronized List<Tracked> open() {
    return tracked.values().stream().filter(t -> !t.progress().isFinal()).toList();
  }

  /** The requests of one person: their display name or their backend user id, any case. */
  public synchronized List<Tracked> ofPerson(String person) {
    return tracked.values().stream()
        .filter(t -> person.equalsIgnoreCase(t.person()) || person.equalsIgnoreCase(t.requestedBy())).toList();
  }

  /** The requests that stand at one of these steps. */
  public synchronized List<Tracked> withProgress(Set<RequestProgress> progress) {
    return tracked.values().stream().filter(t -> progress.contains(t.progress())).toList();
  }

  /** The requests whose title contains these words (normalised as everywhere: case, accents, punctuation). */
  public synchronized List<Tracked> titled(String words) {
    String wanted = Titles.normalize(words);
    return tracked.values().stream().filter(t -> t.title() != null && Titles.normalize(t.title()).contains(wanted)).toList();
  }

  /** The most recently filed request, if any. */
  public synchronized Optional<Tracked> latest() {
    return tracked.values().stream().reduce((a, b) -> b);
  }

  // ---------------------------------------------------------------- filing (from the request desk)

  @Override
  public void filing(Filing f) {
    Tracked t = new Tracked(f.made() == null ? null : f.made().id(), f.request().type(), f.request().tmdbId(),
        f.item().title(), f.item().year(), seasons(f), f.request().is4k(), f.requester().displayName(),
        f.requester().isOwner() ? "owner" : f.requester().backendUserId(), f.satelliteId(), f.item().posterPath(), clock.instant(), f.made() == null ? null : RequestProgress.of(f.made()), clock.instant());
    switch (f.outcome()) {
      case FILED -> {
        if (t.requestId() != null) {
          synchronized (this) {
            tracked.put(t.requestId(), t);
            prune();
            save();
          }
        }
        tell(new Event(EventType.REQUESTED, t, null));
      }
      case DUPLICATE -> tell(new Event(EventType.DUPLICATE, t, null));
      case FAILED -> tell(new Event(EventType.FAILED, t.at(RequestProgress.FAILED, t.changedAt()), f.error()));
    }
  }

  private static List<Integer> seasons(Filing f) {
    if (f.made() != null && !f.made().seasons().isEmpty()) {
      return f.made().seasons();
    }
    return f.request().seasons() == null ? List.of() : f.request().seasons().numbers();
  }

  // ---------------------------------------------------------------- polling

  private void pollQuietly() {
    try {
      pollNow();
    } catch (RuntimeException e) {
      log.warn("Request tracking failed this time: {}", e.toString());
    }
  }

  /**
   * Reads the backend once: its counters, and where every open request stands. Each change is kept
   * on disk, then told. Returns the events it caused.
   */
  public List<Event> pollNow() {
    Snapshot snapshot;
    try {
      snapshot = new Snapshot(true, backend.requestCounts());
    } catch (BackendException e) {
      log.debug("The backend did not give its request counts: {}", e.getMessage());
      snapshot = new Snapshot(e.error() != dev.overtalkerr.domain.BackendError.UNREACHABLE
          && e.error() != dev.overtalkerr.domain.BackendError.TIMEOUT, null);
    }
    List<Event> events = new ArrayList<>();
    if (snapshot.reachable() && interrupted != null && interrupted.any()) {
      interrupted.attempt(this::adopt);
    }
    List<Tracked> open = open();
    if (!open.isEmpty() && snapshot.reachable()) {
      try {
        events = follow(open);
      } catch (BackendException e) {
        log.info("Could not read the backend's requests ({}): {}; trying again in {} s", e.error().code(), e.getMessage(),
            interval.toSeconds());
      }
    }
    lastSnapshot = snapshot;
    events.forEach(this::tell);
    for (Listener l : listeners) {
      try {
        l.polled(snapshot);
      } catch (RuntimeException e) {
        log.warn("A tracking listener failed: {}", e.toString());
      }
    }
    return events;
  }

  /**
   * Follows an interrupted request the backend turned out to have: kept on disk before
   * this returns, told nothing yet. It starts where a filing would (pending, or approved), or at
   * pending when it has ended meanwhile, so that the poll tells its steps, its arrival included, in
   * the room it was asked from.
   */
  private void adopt(InterruptedRequests.Found found) {
    RequestLedger.Entry intent = found.intent();
    RequestRecord made = found.made();
    String id = made.id() == null ? "unknown" : made.id();
    String title = intent.title() != null ? intent.title() : made.title();
    Integer year = null;
    String poster = null;
    try {
      MediaItem item = backend.details(intent.type(), intent.tmdbId(), null);
      title = title != null ? title : item.title();
      year = item.year();
      poster = item.posterPath();
    } catch (BackendException | RuntimeException e) {
      log.debug("No details for {} {}: {}", intent.type().wire(), intent.tmdbId(), e.toString());
    }
    RequestProgress now = RequestProgress.of(made);
    Tracked t = new Tracked(id, intent.type(), intent.tmdbId(), title, year,
        made.seasons().isEmpty() ? intent.seasons() : made.seasons(), intent.is4k(), intent.person(), intent.requestedBy(),
        intent.satelliteId(), poster, intent.requestedAt(), now.isFinal() ? RequestProgress.PENDING : now, clock.instant());
    synchronized (this) {
      if (tracked.putIfAbsent(id, t) == null) {
        prune();
        save();
      }
    }
  }

  private List<Event> follow(List<Tracked> open) throws BackendException {
    Map<String, RequestRecord> recent = new HashMap<>();
    for (RequestRecord r : backend.requests(Math.min(100, Math.max(20, open.size() * 2)))) {
      recent.put(r.id(), r);
    }
    List<Event> events = new ArrayList<>();
    Map<String, Tracked> changed = new LinkedHashMap<>();
    for (Tracked t : open) {
      RequestRecord r = recent.get(t.requestId());
      if (r == null) {
        r = backend.request(t.requestId()).orElse(null);
      }
      if (r == null) {
        log.debug("Request {} ({}) is no longer on the backend", t.requestId(), t.title());
        continue;
      }
      RequestProgress now = progress(t, r);
      if (now == t.progress()) {
        continue;
      }
      Tracked next = t.at(now, clock.instant());
      changed.put(t.requestId(), next);
      log.info("Request {} ({}) went from {} to {}", t.requestId(), t.title(), t.progress().wire(), now.wire());
      eventFor(t.progress(), now).ifPresent(type -> events.add(new Event(type, next, null)));
    }
    if (!changed.isEmpty()) {
      synchronized (this) {
        changed.forEach(tracked::put);
        prune();
        save();
      }
    }
    return events;
  }

  /**
   * Where a request stands. A series request whose media is only partly there is available once
   * every season it asked for is (Overseerr keeps such requests "approved").
   */
  private RequestProgress progress(Tracked t, RequestRecord r) throws BackendException {
    RequestProgress p = RequestProgress.of(r);
    if (p == RequestProgress.PARTIALLY_AVAILABLE && t.type() == MediaType.TV && !t.seasons().isEmpty()) {
      MediaItem show = backend.details(MediaType.TV, t.tmdbId(), null);
      boolean all = t.seasons().stream().allMatch(n -> show.seasons().stream()
          .anyMatch(s -> s.number() == n && s.status(t.is4k()) == Availability.AVAILABLE));
      return all ? RequestProgress.AVAILABLE : p;
    }
    return p;
  }

  /** The event a step causes: none for a step back or to "partly there" from approved. */
  static Optional<EventType> eventFor(RequestProgress before, RequestProgress now) {
    return switch (now) {
      case APPROVED, PARTIALLY_AVAILABLE -> before == RequestProgress.PENDING ? Optional.of(EventType.APPROVED) : Optional.empty();
      case AVAILABLE -> Optional.of(EventType.AVAILABLE);
      case DECLINED -> Optional.of(EventType.DECLINED);
      case FAILED -> Optional.of(EventType.FAILED);
      case PENDING -> Optional.empty();
    };
  }

  private void tell(Event e) {
    for (Listener l : listeners) {
      try {
        l.event(e);
      } catch (RuntimeException ex) {
        log.warn("A tracking listener failed on {}: {}", e.type().wire(), ex.toString());
      }
    }
  }

  // ---------------------------------------------------------------- the file

  private void prune() {
    List<String> finished = tracked.values().stream().filter(t -> t.progress().isFinal()).map(Tracked::requestId).toList();
    for (int i = 0; i < finished.size() - MAX_FINISHED; i++) {
      tracked.remove(finished.get(i));
    }
  }

  private void load() {
    Stored stored = file.read().orElse(null);
    if (stored == null) {
      return;
    }
    Collection<Tracked> list = stored.requests() == null ? List.of() : stored.requests();
    for (Tracked t : list) {
      if (t != null && t.requestId() != null && t.type() != null) {
        tracked.put(t.requestId(), t);
      }
    }
    log.info("Tracking {} requests from {} ({} still open)", tracked.size(), file.path(), open().size());
  }

  private void save() {
    if (!file.write(new Stored(1, List.copyOf(tracked.values())))) {
      log.error("The tracked requests stay in memory until the next write");
    }
  }
}
