package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Request tracking survives a SIGKILL of the packaged daemon: what became available meanwhile is announced after start. */
class TrackingProcessIT {
  private static final Path JAR = Path.of("target/overtalkerr.jar");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Process daemon(Map<String, String> env, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    SettingsLoader.ENVIRONMENT.keySet().forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void aSigkillLosesNothingTrackedAndWhatArrivedMeanwhileIsAnnouncedAfterStart() throws Exception {
    Path data = Files.createTempDirectory("it-tracking");
    try (TestBroker broker = TestBroker.start(); FakeSeerr fake = FakeSeerr.seerr().start(); MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("itk/#");
      Map<String, String> env = Map.of("MEDIA_BACKEND_URL", fake.url(), "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY,
          "MQTT_URL", broker.url(), "MQTT_BASE_TOPIC", "itk", "OVERTALKERR_DATA_DIR", data.toString());

      Process first = daemon(env, data.resolve("first.log"));
      try {
        assertThat(ha.next("itk/status", WAIT)).as("online").extracting(MqttProbe.Received::payload).isEqualTo("online");
        ha.publish("itk/command/request", "{\"id\":\"k1\",\"tmdb_id\":550,\"media_type\":\"movie\",\"satellite_id\":\"assist_satellite.den\"}");
        JsonNode requested = JSON.readTree(ha.next("itk/requests/event", WAIT).payload());
        assertThat(requested.path("event_type").asText()).isEqualTo("requested");
        assertThat(requested.path("title").asText()).isEqualTo("Fight Club");
      } finally {
        first.destroyForcibly().waitFor(15, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
      }
      assertThat(Files.readString(data.resolve("tracked-requests.json"))).contains("Fight Club");

      int id = fake.filedRequests().get(0).id;
      fake.available(id); // while Overtalkerr is down

      Process second = daemon(env, data.resolve("second.log"));
      try {
        MqttProbe.Received event = ha.next("itk/requests/event", WAIT);
        assertThat(event).as("announced after start; log: " + data.resolve("second.log")).isNotNull();
        JsonNode available = JSON.readTree(event.payload());
        assertThat(available.path("event_type").asText()).isEqualTo("available");
        assertThat(available.path("request_id").asText()).isEqualTo(Integer.toString(id));
        assertThat(available.path("satellite_id").asText()).isEqualTo("assist_satellite.den");
      } finally {
        second.destroy();
        assertThat(second.waitFor(15, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(fake.filedRequests()).hasSize(1);
      assertThat(fake.violations()).isEmpty();
    }
  }
}
