package dev.overtalkerr.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.ConfigurationException;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.LogCapture;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every error path at DEBUG, with the API key and the MQTT password in play: a search, a request,
 * the backend down, slow, failing, refusing the key, a malformed request, and configuration
 * mistakes with the secrets in the wrong setting. Nothing logged, published or printed may contain
 * either secret.
 */
class SecretLeakTest {
  private static final String PASSWORD = "mqtt-Pa55word-9f3c1e";

  @Test
  void noErrorPathLogsOrPublishesTheApiKeyOrThePassword() throws Exception {
    String key = FakeBackendServer.API_KEY;
    List<String> printed = new ArrayList<>();
    try (LogCapture logs = LogCapture.start(Level.DEBUG);
        TestBroker broker = TestBroker.start();
        FakeSeerr seerr = FakeSeerr.overseerr().start();
        MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("leak/#");
      Settings settings = DaemonHarness.settings(broker, "overtalkerr.mqtt.reply-deadline = 1500ms\novertalkerr.backend.timeout = 1s",
          Map.of("MOCK_BACKEND", "false", "MEDIA_BACKEND_URL", seerr.url(), "MEDIA_BACKEND_API_KEY", key,
              "MQTT_USERNAME", "overtalkerr", "MQTT_PASSWORD", PASSWORD, "MQTT_BASE_TOPIC", "leak", "LOG_LEVEL", "debug"));
      try (DaemonHarness daemon = DaemonHarness.start(settings)) {
        printed.add(settings.toString());
        int n = 0;
        turn(ha, "l" + n++, "download fight club");
        turn(ha, "l" + n++, "yes");
        seerr.failNext(3, 500);
        turn(ha, "l" + n++, "download the matrix");
        seerr.delay("GET", Duration.ofSeconds(3));
        turn(ha, "l" + n++, "download dune");
        seerr.delay(null, Duration.ZERO);
        seerr.apiKey("another-key-that-is-not-ours");
        turn(ha, "l" + n++, "download alien");
        seerr.apiKey(key);
        ha.publish("leak/assist/request", "{\"id\":\"bad-1\",\"text\":42,\"api_key\":\"" + key + "\"}");
        ha.publish("leak/command/request", "{\"id\":\"bad-2\",\"tmdb_id\":550,\"media_type\":\"movie\"}");
        ha.publish("leak/command/search", "{\"id\":\"bad-3\",\"query\":\"fight club\"}");
        ha.publish("leak/assist/request", "not json " + PASSWORD);
        Thread.sleep(500);
        // last: the backend goes away for good (coming back on the same port can race another process for it)
        seerr.goDown();
        turn(ha, "l" + n++, "download heat");
      }
      // what the daemon published (the probe also sees the requests the test itself sent)
      List<MqttProbe.Received> payloads = ha.drain(Duration.ofSeconds(2)).stream()
          .filter(r -> r.topic().contains("/reply/") || r.topic().endsWith("/status")).toList();
      for (Map<String, String> env : List.of(
          Map.of("MEDIA_BACKEND_URL", key, "MEDIA_BACKEND_API_KEY", key),
          Map.of("MEDIA_BACKEND_URL", "http://seerr.local", "MEDIA_BACKEND_API_KEY", key, "MEDIA_BACKEND_TYPE", key),
          Map.of("MOCK_BACKEND", "true", "MQTT_URL", PASSWORD),
          Map.of("MOCK_BACKEND", "true", "MQTT_BASE_TOPIC", PASSWORD + "/#"),
          Map.of("MOCK_BACKEND", "true", "LOG_LEVEL", PASSWORD))) {
        try {
          new SettingsLoader(env).load(Optional.empty(), Optional.empty(), true);
          throw new AssertionError("accepted " + env.keySet());
        } catch (ConfigurationException e) {
          printed.add(e.getMessage());
        }
      }
      Path options = Files.createTempFile("options", ".json");
      Files.writeString(options, "{\"mock_backend\": true, \"language\": \"" + PASSWORD + "\"}");
      try {
        new SettingsLoader(Map.of()).load(Optional.empty(), Optional.of(options), true);
      } catch (ConfigurationException e) {
        printed.add(e.getMessage());
      }

      String log = logs.text();
      assertThat(log).as("it ran at DEBUG").contains("DEBUG");
      assertThat(log).as("the error paths ran").contains("refused").contains("not reachable");
      assertThat(payloads).as("replies were published").isNotEmpty();
      payloads = new ArrayList<>(payloads);
      payloads.addAll(replies);
      assertThat(replies).extracting(r -> r.payload().replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1"))
          .as("the error paths answered").contains("server_error", "timeout", "unreachable");
      for (String secret : List.of(key, PASSWORD)) {
        assertThat(log).doesNotContain(secret);
        assertThat(payloads).allSatisfy(p -> assertThat(p.payload()).doesNotContain(secret));
        assertThat(printed).allSatisfy(p -> assertThat(p).doesNotContain(secret));
      }
    }
  }

  private final List<MqttProbe.Received> replies = new ArrayList<>();

  private void turn(MqttProbe ha, String id, String text) throws InterruptedException {
    ha.publish("leak/assist/request", "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"satellite_id\":\"den\"}");
    MqttProbe.Received r = ha.next("leak/assist/reply/" + id, Duration.ofSeconds(10));
    assertThat(r).as("a reply to %s", text).isNotNull();
    replies.add(r);
  }
}
