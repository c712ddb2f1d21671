package dev.overtalkerr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestProgress;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.tracking.RequestTracker.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a stop interrupted (an intent in {@code requests.json}, no backend id) are settled with
 * the backend at the tracker's polls: filed ones confirmed and followed, the others dropped, and
 * kept while the backend cannot say. Each "process" here is a ledger and a tracker made afresh on
 * the same data folder, as a restart makes them.
 */
class InterruptedRequestsTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Requester ANNA = new Requester("7", "Anna", false);
  private static final String KITCHEN = "assist_satellite.kitchen";

  @TempDir Path data;
  private FakeBackendServer fake;
  private final List<RequestTracker.Event> events = new CopyOnWriteArrayList<>();

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

  private MediaBackend seerr() {
    FakeSeerr server = FakeSeerr.seerr();
    fake = server.start();
    return new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, new BackendInfo(server.flavour(), server.version()),
        HTTP, Backends.lenientMapper(), Duration.ofSeconds(3));
  }

  private RequestLedger ledger() {
    return new RequestLedger(settings(), JSON);
  }

  /** The tracker of a process started on the data folder, with its own ledger. */
  private RequestTracker tracker(MediaBackend backend, RequestLedger ledger) {
    RequestTracker tracker = new RequestTracker(backend, settings(), JSON, CLOCK, ledger);
    tracker.listen(new RequestTracker.Listener() {
      @Override
      public void event(RequestTracker.Event event) {
        events.add(event);
      }
    });
    return tracker;
  }

  /** What a process killed during the POST leaves: the intent on disk, and the request filed or not. */
  private RequestRecord interruptedFiling(MediaBackend backend, MediaRequest request, Requester requester, String title,
      boolean backendFiledIt) throws Exception {
    ledger().intend(request, requester, title, KITCHEN, Instant.now());
    return backendFiledIt ? backend.request(request, requester) : null; // ... and the process dies here
  }

  private JsonNode trackedOnDisk() throws Exception {
    return JSON.readTree(Files.readString(data.resolve(RequestTracker.FILE))).path("requests");
  }

  @Test
  void anInterruptedRequestTheBackendFiledIsConfirmedFollowedAndAnnouncedInTheRoomItWasAskedIn() throws Exception {
    MediaBackend backend = seerr();
    RequestRecord made = interruptedFiling(backend, MediaRequest.movie(550, false), ANNA, "Fight Club", true);

    RequestLedger ledger = ledger();
    assertThat(ledger.interrupted()).singleElement().satisfies(e -> {
      assertThat(e.satelliteId()).isEqualTo(KITCHEN);
      assertThat(e.person()).isEqualTo("Anna");
    });
    RequestTracker tracker = tracker(backend, ledger);
    assertThat(tracker.all()).isEmpty();
    tracker.pollNow();

    assertThat(ledger.unconfirmed()).isEmpty();
    assertThat(ledger.entries()).singleElement().satisfies(e -> {
      assertThat(e.backendRequestId()).isEqualTo(made.id());
      assertThat(e.title()).isEqualTo("Fight Club");
      assertThat(e.satelliteId()).isEqualTo(KITCHEN);
      assertThat(e.person()).isEqualTo("Anna");
    });
    assertThat(ledger().entries()).as("on disk").extracting(RequestLedger.Entry::backendRequestId).containsExactly(made.id());
    assertThat(tracker.all()).singleElement().satisfies(t -> {
      assertThat(t.requestId()).isEqualTo(made.id());
      assertThat(t.title()).isEqualTo("Fight Club");
      assertThat(t.year()).isEqualTo(1999);
      assertThat(t.person()).isEqualTo("Anna");
      assertThat(t.requestedBy()).isEqualTo("7");
      assertThat(t.satelliteId()).isEqualTo(KITCHEN);
      assertThat(t.progress()).isEqualTo(RequestProgress.PENDING);
    });
    assertThat(trackedOnDisk()).hasSize(1);
    assertThat(trackedOnDisk().get(0).path("requestId").asText()).isEqualTo(made.id());
    assertThat(tracker.ofPerson("anna")).as("status questions know it").hasSize(1);
    assertThat(events).as("nothing to tell yet").isEmpty();

    fake.available(Integer.parseInt(made.id()));
    assertThat(tracker.pollNow()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.AVAILABLE);
      assertThat(e.request().satelliteId()).isEqualTo(KITCHEN);
      assertThat(e.request().person()).isEqualTo("Anna");
    });
    assertThat(fake.calls("POST", "/api/v1/request")).as("never filed again").hasSize(1);
  }

  @Test
  void anInterruptedRequestTheBackendDoesNotHaveIsDropped() throws Exception {
    MediaBackend backend = seerr();
    interruptedFiling(backend, MediaRequest.movie(550, false), ANNA, "Fight Club", false);
    // someone else's request for the 4K copy is not ours
    backend.request(MediaRequest.movie(550, true), Requester.OWNER);

    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    tracker.pollNow();

    assertThat(ledger.unconfirmed()).isEmpty();
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger().unconfirmed()).as("on disk").isEmpty();
    assertThat(tracker.all()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void whileTheBackendIsDownTheIntentStaysAndALaterPollSettlesIt() throws Exception {
    MediaBackend backend = seerr();
    RequestRecord made = interruptedFiling(backend, MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA,
        "Breaking Bad", true);

    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    fake.goDown();
    tracker.pollNow();
    assertThat(ledger.interrupted()).as("kept while the backend cannot say").hasSize(1);
    assertThat(ledger().interrupted()).as("on disk").hasSize(1);
    assertThat(tracker.all()).isEmpty();

    fake.comeBack();
    tracker.pollNow();
    assertThat(ledger.interrupted()).isEmpty();
    assertThat(ledger.entries()).singleElement().satisfies(e -> {
      assertThat(e.backendRequestId()).isEqualTo(made.id());
      assertThat(e.seasons()).containsExactly(2);
    });
    assertThat(tracker.all()).extracting(RequestTracker.Tracked::requestId).containsExactly(made.id());
  }

  @Test
  void anotherSeasonsOlderRequestIsNotTakenForTheInterruptedOne() throws Exception {
    MediaBackend backend = seerr();
    backend.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), ANNA);
    interruptedFiling(backend, MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA, "Breaking Bad", false);

    RequestLedger ledger = ledger();
    tracker(backend, ledger).pollNow();
    assertThat(ledger.unconfirmed()).as("season 2 was not filed").isEmpty();
    assertThat(ledger.entries()).isEmpty();
  }

  @Test
  void aRequestOnItsWayInThisProcessIsNotSettledUnderneathIt() throws Exception {
    MediaBackend backend = seerr();
    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    RequestLedger.Intent onItsWay = ledger.intend(MediaRequest.movie(550, false), ANNA, "Fight Club", KITCHEN, Instant.now());

    tracker.pollNow(); // the backend has nothing yet: the POST is still on its way
    assertThat(ledger.unconfirmed()).as("not dropped while on its way").hasSize(1);

    // its answer never comes (a timeout the read-back could not settle); the backend did file it
    RequestRecord made = backend.request(MediaRequest.movie(550, false), ANNA);
    ledger.outcomeUnknown(onItsWay);
    tracker.pollNow();
    assertThat(ledger.entries()).extracting(RequestLedger.Entry::backendRequestId).containsExactly(made.id());
    assertThat(tracker.all()).extracting(RequestTracker.Tracked::requestId).containsExactly(made.id());
  }

  @Test
  void aFewAreSettledPerPollAndTheRestAtTheNext() throws Exception {
    MediaBackend backend = seerr();
    List<MediaRequest> asked = List.of(MediaRequest.movie(550, false), MediaRequest.movie(604, false),
        MediaRequest.movie(550, true), MediaRequest.tv(1396, null, SeasonSelection.of(1), false),
        MediaRequest.tv(1399, null, SeasonSelection.of(3), false));
    for (MediaRequest r : asked) {
      interruptedFiling(backend, r, ANNA, null, false);
    }
    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    tracker.pollNow();
    assertThat(ledger.interrupted()).hasSize(asked.size() - InterruptedRequests.PER_ATTEMPT);
    tracker.pollNow();
    assertThat(ledger.interrupted()).isEmpty();
    assertThat(ledger().unconfirmed()).as("on disk").isEmpty();
  }

  @Test
  void aTitleTheBackendCannotFindKeepsItsIntentWithoutHoldingUpTheOthers() throws Exception {
    MediaBackend backend = seerr();
    interruptedFiling(backend, MediaRequest.movie(999_999, false), ANNA, "Gone", false);
    RequestRecord made = interruptedFiling(backend, MediaRequest.movie(550, false), ANNA, "Fight Club", true);
    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    tracker.pollNow();
    assertThat(ledger.interrupted()).extracting(RequestLedger.Entry::tmdbId).containsExactly(999_999);
    assertThat(ledger.entries()).extracting(RequestLedger.Entry::backendRequestId).containsExactly(made.id());
  }

  @Test
  void anIntentWrittenByAnEarlierVersionIsSettledToo() throws Exception {
    MediaBackend backend = seerr();
    RequestRecord made = backend.request(MediaRequest.movie(550, false), Requester.OWNER);
    // as the version before this one wrote it: no title, person or satellite
    Files.writeString(data.resolve("requests.json"), """
        [ {
          "backendRequestId" : null, "type" : "MOVIE", "tmdbId" : 550, "title" : null, "seasons" : [ ],
          "is4k" : false, "requestedBy" : "owner", "satelliteId" : null, "requestedAt" : "2026-12-01T10:00:00Z"
        } ]
        """);
    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    tracker.pollNow();
    assertThat(ledger.entries()).extracting(RequestLedger.Entry::backendRequestId).containsExactly(made.id());
    assertThat(tracker.all()).singleElement().satisfies(t -> {
      assertThat(t.title()).as("from the backend").isEqualTo("Fight Club");
      assertThat(t.satelliteId()).isNull();
    });
  }

  @Test
  void ombiInterruptedRequestsAreSettledToo() throws Exception {
    FakeOmbi server = FakeOmbi.v4();
    fake = server.start();
    MediaBackend backend = new OmbiClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, null,
        new BackendInfo(BackendFlavour.OMBI, server.version()), HTTP, Backends.lenientMapper(), Duration.ofSeconds(3));
    Requester anna = new Requester("anna", "Anna", false);
    RequestRecord made = interruptedFiling(backend, MediaRequest.movie(550, false), anna, "Fight Club", true);
    interruptedFiling(backend, MediaRequest.movie(603, false), anna, "The Matrix", false);

    RequestLedger ledger = ledger();
    RequestTracker tracker = tracker(backend, ledger);
    tracker.pollNow();
    assertThat(ledger.unconfirmed()).isEmpty();
    assertThat(ledger.entries()).extracting(RequestLedger.Entry::backendRequestId).containsExactly(made.id());
    assertThat(tracker.all()).extracting(RequestTracker.Tracked::title).containsExactly("Fight Club");
    assertThat(tracker.all().get(0).type()).isEqualTo(MediaType.MOVIE);
  }
}
