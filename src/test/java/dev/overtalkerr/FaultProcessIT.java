package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import dev.overtalkerr.tracking.RequestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged daemon SIGKILLed while a request is on its way to the backend, then started again on
 * the same data: the restarted daemon settles the interrupted request with the backend (it was
 * filed: confirmed and followed) and never files it again.
 */
class FaultProcessIT {
  private static final Path JAR = Path.of("target/overtalkerr.jar");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "ifk";

  private static Process daemon(Map<String, String> env, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    SettingsLoader.ENVIRONMENT.keySet().forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String turn(String id, String text) {
    return JSON.createObjectNode().put("id", id).put("text", text).put("satellite_id", "assist_satellite.den").toString();
  }

  private static JsonNode ask(MqttProbe ha, String id, String text, Path log) throws Exception {
    ha.publish(BASE + "/assist/request", turn(id, text));
    MqttProbe.Received r = ha.next(BASE + "/assist/reply/" + id, WAIT);
    assertThat(r).as("a reply to %s (%s); log: %s", id, text, log).isNotNull();
    return JSON.readTree(r.payload());
  }

  /** The ledger as the next start reads it from {@code data}. */
  private static RequestLedger ledger(Path data) {
    return new RequestLedger(new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true), new ObjectMapper().registerModule(new JavaTimeModule()));
  }

  private static boolean confirmed(Path data, int id) {
    return ledger(data).entries().stream().anyMatch(e -> Integer.toString(id).equals(e.backendRequestId()));
  }

  /** The entries of tracked-requests.json for title 550 (any id), each checked to carry {@code id}. */
  private static List<JsonNode> tracked(Path data, int id) throws Exception {
    Path file = data.resolve("tracked-requests.json");
    List<JsonNode> found = new ArrayList<>();
    if (!Files.exists(file)) {
      return found;
    }
    for (JsonNode t : JSON.readTree(Files.readString(file)).path("requests")) {
      if (t.path("tmdbId").asInt() == 550) {
        assertThat(t.path("requestId").asText()).isEqualTo(Integer.toString(id));
        found.add(t);
      }
    }
    return found;
  }

  @Test
  void aRequestASigkillInterruptedIsSettledAfterTheRestartConfirmedFollowedAndNeverFiledAgain() throws Exception {
    Path data = Files.createTempDirectory("it-fault-kill");
    try (TestBroker broker = TestBroker.start(); FakeSeerr fake = FakeSeerr.seerr().start(); MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe(BASE + "/#");
      Map<String, String> env = Map.of("MEDIA_BACKEND_URL", fake.url(), "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY,
          "MQTT_URL", broker.url(), "MQTT_BASE_TOPIC", BASE, "OVERTALKERR_DATA_DIR", data.toString());

      Path firstLog = data.resolve("first.log");
      Process first = daemon(env, firstLog);
      try {
        assertThat(ha.next(BASE + "/status", WAIT)).as("online; log: " + firstLog).extracting(MqttProbe.Received::payload)
            .isEqualTo("online");
        assertThat(ask(ha, "k-1", "download fight club", firstLog).path("state").asText()).isEqualTo("offer");
        fake.delay("POST", Duration.ofSeconds(60)); // the fake files the request and holds its answer
        ha.publish(BASE + "/assist/request", turn("k-2", "yes"));
        long end = System.nanoTime() + WAIT.toNanos();
        while (fake.calls("POST", "/api/v1/request").isEmpty() && System.nanoTime() < end) {
          Thread.sleep(10);
        }
        assertThat(fake.calls("POST", "/api/v1/request")).as("the request is on its way; log: " + firstLog).hasSize(1);
      } finally {
        first.destroyForcibly().waitFor(15, TimeUnit.SECONDS); // SIGKILL while the POST waits for its answer
      }
      assertThat(fake.filedRequests()).as("the backend filed it; Overtalkerr never heard").hasSize(1);
      int filedId = fake.filedRequests().get(0).id;
      assertThat(ledger(data).unconfirmed()).as("the local record lists the request the kill interrupted")
          .singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MediaType.MOVIE);
            assertThat(e.tmdbId()).isEqualTo(550);
            assertThat(e.satelliteId()).as("where it was asked, to announce it there").isEqualTo("assist_satellite.den");
          });

      fake.delay("POST", Duration.ZERO);
      Path secondLog = data.resolve("second.log");
      Process second = daemon(env, secondLog);
      try {
        // the will of the killed process ("offline") comes first, then the new one's "online"
        MqttProbe.Received status = ha.next(BASE + "/status", WAIT);
        if (status != null && status.payload().equals("offline")) {
          status = ha.next(BASE + "/status", WAIT);
        }
        assertThat(status).as("online again; log: " + secondLog).extracting(MqttProbe.Received::payload).isEqualTo("online");
        // Home Assistant sends the unanswered "yes" again (same id): the offer died with the process
        JsonNode again = ask(ha, "k-2", "yes", secondLog);
        assertThat(again.path("state").asText()).as(again.toString()).isNotEqualTo("requested");
        // the person starts over: the title shows as requested, nothing is filed twice
        JsonNode offer = ask(ha, "k-3", "download fight club", secondLog);
        assertThat(offer.path("speech").asText()).as(offer.toString()).contains("Fight Club");
        if (offer.path("state").asText().equals("offer")) {
          JsonNode yes = ask(ha, "k-4", "yes", secondLog);
          assertThat(yes.path("state").asText()).as(yes.toString()).isEqualTo("already_requested");
        } else {
          assertThat(offer.path("state").asText()).as(offer.toString()).isEqualTo("already_requested");
        }
        // the structured command for the same title (what an automation would retry) files nothing either
        ha.publish(BASE + "/command/request", "{\"id\":\"k-5\",\"tmdb_id\":550,\"media_type\":\"movie\",\"satellite_id\":\"assist_satellite.den\"}");
        MqttProbe.Received command = ha.next(BASE + "/command/reply/k-5", WAIT);
        assertThat(command).as("a reply to the command; log: " + secondLog).isNotNull();
        assertThat(JSON.readTree(command.payload()).path("state").asText()).as(command.payload()).isEqualTo("already_requested");
        // the restarted daemon settles the interrupted request with the backend at its first poll
        long end = System.nanoTime() + WAIT.toNanos();
        while (!(confirmed(data, filedId) && tracked(data, filedId).size() == 1) && System.nanoTime() < end) {
          Thread.sleep(50);
        }
      } finally {
        second.destroy();
        assertThat(second.waitFor(15, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(fake.calls("POST", "/api/v1/request")).as("exactly one POST in total").hasSize(1);
      assertThat(fake.filedRequests()).hasSize(1);
      assertThat(fake.violations()).isEmpty();
      RequestLedger after = ledger(data);
      assertThat(after.unconfirmed()).as("settled after the restart; log: " + secondLog).isEmpty();
      assertThat(after.entries()).as("once, confirmed with the backend's id, in requests.json").singleElement().satisfies(e -> {
        assertThat(e.tmdbId()).isEqualTo(550);
        assertThat(e.backendRequestId()).isEqualTo(Integer.toString(filedId));
        assertThat(e.satelliteId()).isEqualTo("assist_satellite.den");
      });
      assertThat(tracked(data, filedId)).as("once, followed, in tracked-requests.json; log: " + secondLog).singleElement()
          .satisfies(t -> {
            assertThat(t.path("tmdbId").asInt()).isEqualTo(550);
            assertThat(t.path("title").asText()).isEqualTo("Fight Club");
            assertThat(t.path("satelliteId").asText()).isEqualTo("assist_satellite.den");
          });
      assertThat(Files.readString(secondLog)).contains("was filed: backend request " + filedId);
    }
  }
}
