package dev.overtalkerr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.backend.Backends;
import dev.overtalkerr.backend.OmbiClient;
import dev.overtalkerr.backend.SeerrClient;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.requesting.Filing;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestProgress;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.requesting.RequestDesk;
import dev.overtalkerr.tracking.RequestTracker.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tracker against fake backends whose requests change state (pending, approved, partly
 * available, available, declined), through the real request desk, and across a restart.
 */
class RequestTrackerTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final Clock CLOCK = Clock.systemUTC();

  @TempDir
  Path data;
  private FakeBackendServer fake;
  private final List<RequestTracker.Event> events = new CopyOnWriteArrayList<>();

  static Stream<FakeSeerr> seerrs() {
    return Stream.of(FakeSeerr.overseerr(), FakeSeerr.jellyseerr(), FakeSeerr.seerr());
  }

  @AfterEach
  void close() {
    if (fake != null) {
      fake.close();
      if (fake instanceof FakeSeerr s) {
        assertThat(s.violations()).as("calls the real server would refuse").isEmpty();
      }
    }
  }

  private Settings settings() {
    return new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true);
  }

  private MediaBackend seerr(FakeSeerr server) {
    fake = server.start();
    return new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, new BackendInfo(server.flavour(), server.version()),
        HTTP, Backends.lenientMapper(), Duration.ofSeconds(3));
  }

  private RequestTracker tracker(MediaBackend backend) {
    RequestTracker tracker = new RequestTracker(backend, settings(), JSON, CLOCK);
    tracker.listen(new RequestTracker.Listener() {
      @Override
      public void event(RequestTracker.Event event) {
        events.add(event);
      }
    });
    return tracker;
  }

  private RequestDesk desk(MediaBackend backend, RequestTracker tracker) {
    return new RequestDesk(backend, new RequestLedger(settings(), JSON), CLOCK, tracker);
  }

  private static TurnBudget budget() {
    return new TurnBudget(CLOCK.instant().plusSeconds(10), () -> false, CLOCK);
  }

  private List<EventType> eventTypes() {
    return events.stream().map(RequestTracker.Event::type).toList();
  }

  @ParameterizedTest
  @MethodSource("seerrs")
  void aFilmIsFollowedFromPendingThroughApprovedToAvailableWithOneEventEach(FakeSeerr server) throws Exception {
    MediaBackend backend = seerr(server);
    RequestTracker tracker = tracker(backend);
    Requester anna = new Requester("7", "Anna", false);
    MediaItem film = backend.details(MediaType.MOVIE, 550, null);

    Filing filing = desk(backend, tracker).file(MediaRequest.movie(550, false), film, anna, "assist_satellite.kitchen", budget());
    assertThat(filing).isInstanceOf(Filing.Made.class);
    assertThat(eventTypes()).containsExactly(EventType.REQUESTED);
    RequestTracker.Tracked t = events.get(0).request();
    assertThat(t.title()).isEqualTo("Fight Club");
    assertThat(t.year()).isEqualTo(1999);
    assertThat(t.person()).isEqualTo("Anna");
    assertThat(t.satelliteId()).isEqualTo("assist_satellite.kitchen");
    assertThat(t.progress()).isEqualTo(RequestProgress.PENDING);

    assertThat(tracker.pollNow()).isEmpty();
    assertThat(tracker.snapshot().reachable()).isTrue();
    assertThat(tracker.snapshot().counts().pending()).isEqualTo(1);

    int id = Integer.parseInt(t.requestId());
    fake.approve(id);
    assertThat(tracker.pollNow()).extracting(RequestTracker.Event::type).containsExactly(EventType.APPROVED);
    fake.available(id);
    assertThat(tracker.pollNow()).extracting(RequestTracker.Event::type).containsExactly(EventType.AVAILABLE);
    assertThat(tracker.pollNow()).as("nothing new").isEmpty();
    assertThat(tracker.open()).isEmpty();
    assertThat(tracker.ofPerson("anna")).hasSize(1);
    assertThat(tracker.withProgress(Set.of(RequestProgress.AVAILABLE))).hasSize(1);
    assertThat(tracker.titled("fight")).hasSize(1);
    assertThat(eventTypes()).containsExactly(EventType.REQUESTED, EventType.APPROVED, EventType.AVAILABLE);
  }

  @ParameterizedTest
  @MethodSource("seerrs")
  void seasonsGoThroughPartlyAvailableAndADeclinedRequestEndsToo(FakeSeerr server) throws Exception {
    MediaBackend backend = seerr(server);
    RequestTracker tracker = tracker(backend);
    Requester anna = new Requester("7", "Anna", false);
    RequestDesk desk = desk(backend, tracker);
    desk.file(MediaRequest.tv(1396, 81189, SeasonSelection.of(List.of(1, 2)), false), backend.details(MediaType.TV, 1396, null),
        anna, null, budget());
    desk.file(MediaRequest.movie(604, false), backend.details(MediaType.MOVIE, 604, null), anna, null, budget());
    List<RequestTracker.Tracked> filed = tracker.all();
    assertThat(filed).extracting(RequestTracker.Tracked::title).containsExactly("Breaking Bad", "The Matrix Reloaded");
    assertThat(filed.get(0).seasons()).containsExactly(1, 2);
    int series = Integer.parseInt(filed.get(0).requestId());
    int film = Integer.parseInt(filed.get(1).requestId());

    fake.partlyAvailable(series);
    fake.decline(film);
    List<RequestTracker.Event> step = tracker.pollNow();
    assertThat(step).extracting(e -> e.type() + " " + e.request().title())
        .containsExactlyInAnyOrder("APPROVED Breaking Bad", "DECLINED The Matrix Reloaded");
    assertThat(tracker.all().get(0).progress()).isEqualTo(RequestProgress.PARTIALLY_AVAILABLE);

    fake.available(series);
    assertThat(tracker.pollNow()).extracting(e -> e.type() + " " + e.request().title()).containsExactly("AVAILABLE Breaking Bad");
    assertThat(tracker.open()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seerrs")
  void aDuplicateAndAFailureAreToldButNotTracked(FakeSeerr server) throws Exception {
    MediaBackend backend = seerr(server);
    RequestTracker tracker = tracker(backend);
    RequestDesk desk = desk(backend, tracker);
    MediaItem matrix = backend.details(MediaType.MOVIE, 603, null); // available already: the server says 409
    desk.file(MediaRequest.movie(603, false), matrix, Requester.OWNER, "assist_satellite.den", budget());
    MediaItem reloaded = backend.details(MediaType.MOVIE, 604, null);
    fake.failNext(5, 500);
    desk.file(MediaRequest.movie(604, false), reloaded, Requester.OWNER, null, budget());
    assertThat(eventTypes()).containsExactly(EventType.DUPLICATE, EventType.FAILED);
    assertThat(events.get(1).error()).isEqualTo("server_error");
    assertThat(tracker.all()).isEmpty();
  }

  @Test
  void aRestartLosesNothingAndWhatBecameAvailableMeanwhileIsAnnouncedAtTheFirstPoll() throws Exception {
    MediaBackend backend = seerr(FakeSeerr.seerr());
    RequestTracker before = tracker(backend);
    desk(backend, before).file(MediaRequest.movie(550, false), backend.details(MediaType.MOVIE, 550, null),
        new Requester("7", "Anna", false), "assist_satellite.kitchen", budget());
    desk(backend, before).file(MediaRequest.movie(604, false), backend.details(MediaType.MOVIE, 604, null),
        new Requester("8", "Ben", false), null, budget());
    before.close();
    assertThat(Files.readString(data.resolve(RequestTracker.FILE))).contains("Fight Club").doesNotContain("[null]");
    List<RequestTracker.Tracked> kept = before.all();

    fake.available(Integer.parseInt(kept.get(0).requestId())); // while the daemon is down
    events.clear();
    RequestTracker after = tracker(backend);
    assertThat(after.all()).isEqualTo(kept);
    List<RequestTracker.Event> first = after.pollNow();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).type()).isEqualTo(EventType.AVAILABLE);
    assertThat(first.get(0).request().satelliteId()).isEqualTo("assist_satellite.kitchen");
    assertThat(after.open()).extracting(RequestTracker.Tracked::title).containsExactly("The Matrix Reloaded");
  }

  @Test
  void aBackendThatIsDownIsReportedAndTrackingGoesOnWhenItIsBack() throws Exception {
    MediaBackend backend = seerr(FakeSeerr.seerr());
    RequestTracker tracker = tracker(backend);
    desk(backend, tracker).file(MediaRequest.movie(550, false), backend.details(MediaType.MOVIE, 550, null),
        new Requester("7", "Anna", false), null, budget());
    int id = Integer.parseInt(tracker.all().get(0).requestId());
    fake.goDown();
    assertThat(tracker.pollNow()).isEmpty();
    assertThat(tracker.snapshot().reachable()).isFalse();
    fake.approve(id);
    fake.comeBack();
    assertThat(tracker.pollNow()).extracting(RequestTracker.Event::type).containsExactly(EventType.APPROVED);
    assertThat(tracker.snapshot().reachable()).isTrue();
  }

  @Test
  void ombiRequestsAreFollowedToo() throws Exception {
    FakeOmbi server = FakeOmbi.v4();
    fake = server.start();
    MediaBackend backend = new OmbiClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, null,
        new BackendInfo(BackendFlavour.OMBI, server.version()), HTTP, Backends.lenientMapper(), Duration.ofSeconds(3));
    RequestTracker tracker = tracker(backend);
    desk(backend, tracker).file(MediaRequest.movie(550, false), backend.details(MediaType.MOVIE, 550, null),
        new Requester("anna", "anna", false), null, budget());
    int id = Integer.parseInt(tracker.all().get(0).requestId());
    fake.approve(id);
    assertThat(tracker.pollNow()).extracting(RequestTracker.Event::type).containsExactly(EventType.APPROVED);
    fake.available(id);
    assertThat(tracker.pollNow()).extracting(RequestTracker.Event::type).containsExactly(EventType.AVAILABLE);
  }
}
