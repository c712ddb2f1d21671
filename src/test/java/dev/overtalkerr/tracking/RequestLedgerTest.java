package dev.overtalkerr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.requesting.Filing;
import dev.overtalkerr.requesting.RequestDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLedgerTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  @TempDir Path dir;

  private Settings settings() {
    return new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", dir.toString()))
        .load(Optional.empty(), Optional.empty(), true);
  }

  private static RequestLedger.Entry entry(String id, int tmdbId) {
    return new RequestLedger.Entry(id, MediaType.MOVIE, tmdbId, "Dune", List.of(), false, "owner", "the API key owner",
        "assist_satellite.kitchen", Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void aNullOrHalfEntryInTheFileIsSkippedAndDoesNotBreakLaterRequests() throws Exception {
    Files.writeString(dir.resolve("requests.json"), "[null, {\"type\": null}, " + JSON.writeValueAsString(entry("7", 438631)) + "]");
    RequestLedger ledger = new RequestLedger(settings(), JSON);
    assertThat(ledger.entries()).extracting(RequestLedger.Entry::backendRequestId).containsExactly("7");
    ledger.confirm(ledger.intend(MediaRequest.movie(27205, false), Requester.OWNER, "Inception", "assist_satellite.den", Instant.now()),
        new RequestRecord("8", MediaType.MOVIE, 27205, null, RequestStatus.APPROVED, null, List.of(), false, null, Instant.now()));
    assertThat(ledger.entries().stream().filter(e -> e.tmdbId() == 27205)).hasSize(1);
    assertThat(Files.readString(dir.resolve("requests.json"))).doesNotContain("null,").contains("27205");
    assertThat(new RequestLedger(settings(), JSON).entries()).hasSize(2);
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    Files.writeString(dir.resolve("requests.json"), JSON.writeValueAsString(List.of(entry("1", 438631))));
    RequestLedger ledger = new RequestLedger(settings(), JSON);
    ledger.intend(MediaRequest.movie(27205, false), Requester.OWNER, "Inception", null, Instant.now());
    assertThat(Files.getPosixFilePermissions(dir.resolve("requests.json")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  /** A backend that looks at the ledger file on disk at the moment the request is sent. */
  private static final class Spy implements MediaBackend {
    final MediaBackend demo = new DemoCatalogue(Clock.systemUTC());
    final Path file;
    String onDiskDuringPost;
    BackendException refuse;

    Spy(Path file) {
      this.file = file;
    }

    @Override public BackendInfo info() { return demo.info(); }
    @Override public List<MediaItem> search(String q, String l) throws BackendException { return demo.search(q, l); }
    @Override public MediaItem details(MediaType t, int id, String l) throws BackendException { return demo.details(t, id, l); }
    @Override public List<RequestRecord> requests(int limit) throws BackendException { return demo.requests(limit); }
    @Override public List<BackendUser> users() throws BackendException { return demo.users(); }

    @Override
    public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
      try {
        onDiskDuringPost = Files.exists(file) ? Files.readString(file) : "";
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      if (refuse != null) {
        throw refuse;
      }
      return new RequestRecord("42", request.type(), request.tmdbId(), null, RequestStatus.PENDING_APPROVAL, null,
          request.seasons() == null ? List.of() : request.seasons().numbers(), request.is4k(), requester.backendUserId(), Instant.now());
    }
  }

  private static MediaItem severance() {
    return new MediaItem(MediaType.TV, 95396, null, "Severance", null, List.of(), null, null, null, "en", 1, 1,
        Availability.PARTIALLY_AVAILABLE, Availability.UNKNOWN, List.of());
  }

  private static TurnBudget budget() {
    return new TurnBudget(Instant.now().plusSeconds(10), () -> false, Clock.systemUTC());
  }

  @Test
  void theIntentIsOnDiskWithThePersonAndTheSatelliteBeforeTheRequestIsSentAndCompletedAfter() throws Exception {
    RequestLedger ledger = new RequestLedger(settings(), JSON);
    Spy spy = new Spy(dir.resolve("requests.json"));
    RequestDesk desk = new RequestDesk(spy, ledger, Clock.systemUTC());
    Filing filing = desk.file(MediaRequest.tv(95396, null, SeasonSelection.of(List.of(2)), false), severance(),
        new Requester("5", "Alex", false), "assist_satellite.kitchen", budget());
    assertThat(filing).isInstanceOf(Filing.Made.class);
    JsonNode intent = JSON.readTree(spy.onDiskDuringPost).get(0);
    assertThat(intent.path("backendRequestId").isNull()).as("the intent, written before the request went out").isTrue();
    assertThat(intent.path("tmdbId").asInt()).isEqualTo(95396);
    assertThat(intent.path("requestedBy").asText()).isEqualTo("5");
    assertThat(intent.path("person").asText()).isEqualTo("Alex");
    assertThat(intent.path("satelliteId").asText()).isEqualTo("assist_satellite.kitchen");
    assertThat(intent.path("title").asText()).isEqualTo("Severance");
    assertThat(ledger.unconfirmed()).isEmpty();
    assertThat(ledger.entries()).singleElement().satisfies(e -> {
      assertThat(e.backendRequestId()).isEqualTo("42");
      assertThat(e.seasons()).containsExactly(2);
      assertThat(e.title()).isEqualTo("Severance");
      assertThat(e.satelliteId()).isEqualTo("assist_satellite.kitchen");
      assertThat(e.person()).isEqualTo("Alex");
    });
    assertThat(new RequestLedger(settings(), JSON).entries()).as("one entry on disk, not two").hasSize(1);
  }

  @Test
  void aRefusedRequestLeavesNoIntentBehind() throws Exception {
    RequestLedger ledger = new RequestLedger(settings(), JSON);
    Spy spy = new Spy(dir.resolve("requests.json"));
    spy.refuse = new BackendException(BackendError.QUOTA_EXCEEDED, "over quota");
    Filing filing = new RequestDesk(spy, ledger, Clock.systemUTC()).file(MediaRequest.movie(438631, false), severance(),
        Requester.OWNER, null, budget());
    assertThat(filing).isInstanceOf(Filing.Failed.class);
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger.unconfirmed()).isEmpty();
    assertThat(new RequestLedger(settings(), JSON).unconfirmed()).isEmpty();
  }

  @Test
  void aRequestWhoseAnswerNeverCameIsKeptToBeSettledLater() throws Exception {
    RequestLedger ledger = new RequestLedger(settings(), JSON);
    Spy spy = new Spy(dir.resolve("requests.json"));
    spy.refuse = new BackendException(BackendError.TIMEOUT, "no answer in time");
    new RequestDesk(spy, ledger, Clock.systemUTC()).file(MediaRequest.movie(438631, false), severance(), Requester.OWNER,
        "assist_satellite.den", budget());
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger.interrupted()).singleElement().satisfies(e -> assertThat(e.satelliteId()).isEqualTo("assist_satellite.den"));
  }

  @Test
  void anIntentLeftByAKilledProcessIsKeptAsUnconfirmed() throws Exception {
    RequestLedger before = new RequestLedger(settings(), JSON);
    RequestLedger.Intent intent = before.intend(MediaRequest.movie(438631, false), Requester.OWNER, "Dune", null, Instant.now());
    assertThat(intent).isNotNull();
    assertThat(before.interrupted()).as("on its way in this process").isEmpty();
    // the process dies here, during the POST
    RequestLedger after = new RequestLedger(settings(), JSON);
    assertThat(after.interrupted()).as("to be settled").hasSize(1);
    assertThat(after.unconfirmed()).singleElement().satisfies(e -> {
      assertThat(e.tmdbId()).isEqualTo(438631);
      assertThat(e.backendRequestId()).isNull();
    });
    assertThat(after.entries()).as("not counted as filed").isEmpty();
    assertThat(Set.copyOf(Files.readAllLines(dir.resolve("requests.json"))).toString()).contains("438631");
  }
}
