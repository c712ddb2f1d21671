package dev.overtalkerr.mqtt.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Home Assistant device over a real broker: the exact topics, payloads, retain flags and QoS
 * of the discovery config, every state and the events; the birth message; clearing; the dashboard
 * flow and the structured commands reaching the event entity.
 */
class HomeAssistantDeviceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(15);
  private static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Settings settings(String base, Map<String, String> env) {
    java.util.Map<String, String> all = new java.util.HashMap<>(env);
    all.put("MQTT_BASE_TOPIC", base);
    return DaemonHarness.settings(broker, "overtalkerr.home-assistant.republish-delay = 0s", all);
  }

  private static JsonNode tree(MqttProbe.Received r) throws Exception {
    assertThat(r).as("a message").isNotNull();
    return JSON.readTree(r.payload());
  }

  /** The retained message on a topic as a new subscriber gets it (retained flag set), or null. */
  private static MqttProbe.Received retained(String topic) throws Exception {
    try (MqttProbe late = MqttProbe.connect(broker)) {
      late.subscribe(topic);
      return late.next(topic, Duration.ofSeconds(2));
    }
  }

  @Test
  void announcesTheDeviceAndItsStatesRetainedAtQos1() throws Exception {
    Settings settings = settings("hat1", Map.of());
    Topics topics = Topics.of(settings);
    assertThat(topics.deviceConfig()).isEqualTo("homeassistant/device/overtalkerr_hat1/config");
    try (MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("homeassistant/device/#");
      ha.subscribe("hat1/#");
      try (DaemonHarness h = DaemonHarness.start(settings)) {
        assertThat(ha.next(topics.deviceConfig(), WAIT)).as("announced").isNotNull();
        assertThat(ha.next(topics.counts(), WAIT)).as("counts after the first poll").isNotNull();

        MqttProbe.Received config = retained(topics.deviceConfig());
        assertThat(config.retained()).isTrue();
        assertThat(config.qos()).isEqualTo(1);
        assertThat(config.payload()).isEqualTo(JSON.writeValueAsString(new DiscoveryBuilder(JSON).build(topics, "development").payload()));

        MqttProbe.Received info = retained(topics.info());
        assertThat(info.retained()).isTrue();
        assertThat(info.qos()).isEqualTo(1);
        assertThat(info.payload()).isEqualTo("{\"version\":\"development\",\"contract_version\":\"1.1\","
            + "\"backend\":\"the demo catalogue\",\"backend_version\":\"built-in\",\"languages\":[\"de\",\"en\"],\"default_language\":\"en\"}");

        MqttProbe.Received backend = retained(topics.backend());
        assertThat(backend.payload()).isEqualTo("online");
        assertThat(backend.retained()).isTrue();
        assertThat(backend.qos()).isEqualTo(1);

        var counts = dev.overtalkerr.domain.RequestCounts.of(h.app.backend().requests(100));
        MqttProbe.Received countsMessage = retained(topics.counts());
        assertThat(countsMessage.retained()).isTrue();
        assertThat(countsMessage.payload()).isEqualTo("{\"pending\":" + counts.pending() + ",\"processing\":" + counts.processing()
            + ",\"available\":" + counts.available() + ",\"declined\":" + counts.declined() + ",\"total\":" + counts.total() + "}");

        MqttProbe.Received candidate = retained(topics.candidate());
        assertThat(candidate.payload()).isEqualTo("{\"state\":\"none\",\"attributes\":{\"speech\":\"\"}}");
        assertThat(candidate.retained()).isTrue();

        // a film requested by a structured command fires the event (not retained) and sets the last request
        ha.publish("hat1/command/request", "{\"id\":\"c1\",\"tmdb_id\":841,\"media_type\":\"movie\",\"satellite_id\":\"assist_satellite.kitchen\"}");
        MqttProbe.Received event = ha.next(topics.events(), WAIT); // sent while filing, before the reply
        assertThat(event).isNotNull();
        assertThat(event.qos()).isEqualTo(1);
        JsonNode reply = tree(ha.next("hat1/command/reply/c1", WAIT));
        assertThat(reply.path("state").asText()).isEqualTo("requested");
        String requestId = reply.path("request").path("id").asText();
        assertThat(event.payload()).isEqualTo("{\"event_type\":\"requested\",\"request_id\":\"" + requestId + "\",\"title\":\"Dune\","
            + "\"year\":1984,\"media_type\":\"movie\",\"seasons\":[],\"is4k\":false,\"person\":\"the API key owner\","
            + "\"satellite_id\":\"assist_satellite.kitchen\",\"status\":\"approved\",\"tmdb_id\":841,\"poster_url\":null}");
        assertThat(retained(topics.events())).as("events are never retained").isNull();

        JsonNode lastRequest = tree(retained(topics.lastRequest()));
        assertThat(lastRequest.path("state").asText()).isEqualTo("Dune");
        assertThat(lastRequest.path("attributes").path("request_id").asText()).isEqualTo(requestId);
        assertThat(lastRequest.path("attributes").path("satellite_id").asText()).isEqualTo("assist_satellite.kitchen");
        assertThat(lastRequest.path("attributes").path("requested_at").asText()).isNotEmpty();
        assertThat(retained(topics.lastRequest()).retained()).isTrue();

      }
    }
  }

  @Test
  void homeAssistantsBirthMessageBringsEverythingAgainAndNothingElseIsRepeated() throws Exception {
    Settings settings = settings("hat2", Map.of());
    Topics topics = Topics.of(settings);
    try (MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("homeassistant/device/overtalkerr_hat2/config");
      ha.subscribe("hat2/#");
      try (DaemonHarness h = DaemonHarness.start(settings)) {
        String first = ha.next(topics.deviceConfig(), WAIT).payload();
        assertThat(ha.next(topics.counts(), WAIT)).isNotNull();
        h.app.tracker().pollNow(); // nothing changed: nothing is published again
        List<MqttProbe.Received> quiet = ha.drain(Duration.ofMillis(1500));
        assertThat(quiet).extracting(MqttProbe.Received::topic)
            .doesNotContain(topics.deviceConfig(), topics.counts(), topics.info(), topics.backend());

        ha.publish("homeassistant/status", "offline");
        assertThat(ha.drain(Duration.ofMillis(500))).extracting(MqttProbe.Received::topic).doesNotContain(topics.deviceConfig());
        ha.publish("homeassistant/status", "online");
        List<MqttProbe.Received> again = new java.util.ArrayList<>();
        MqttProbe.Received config = ha.next(topics.deviceConfig(), WAIT);
        assertThat(config).as("discovery again after the birth message").isNotNull();
        assertThat(config.payload()).isEqualTo(first);
        again.addAll(ha.drain(Duration.ofSeconds(2)));
        assertThat(again).extracting(MqttProbe.Received::topic)
            .contains(topics.info(), topics.backend(), topics.counts(), topics.candidate());
      }
    }
  }

  @Test
  void componentsNoLongerProducedAndAnOldDeviceTopicAreCleared() throws Exception {
    Settings settings = settings("hat3", Map.of());
    Topics topics = Topics.of(settings);
    Files.createDirectories(settings.dataDir());
    Files.writeString(settings.dataDir().resolve(HomeAssistantDevice.FILE), "{\"topic\":\"" + topics.deviceConfig()
        + "\",\"platforms\":{\"backend\":\"binary_sensor\",\"old_switch\":\"switch\"}}");
    try (MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe(topics.deviceConfig());
      try (DaemonHarness h = DaemonHarness.start(settings)) {
        JsonNode removal = tree(ha.next(topics.deviceConfig(), WAIT));
        assertThat(removal.path("cmps").path("old_switch").toString()).isEqualTo("{\"p\":\"switch\"}");
        JsonNode full = tree(ha.next(topics.deviceConfig(), WAIT));
        assertThat(full.path("cmps").has("old_switch")).isFalse();
        assertThat(full.path("cmps").has("backend")).isTrue();
      }
      assertThat(Files.readString(settings.dataDir().resolve(HomeAssistantDevice.FILE))).doesNotContain("old_switch");

      // the base topic changes: the device moves, and the old config is cleared
      Settings moved = DaemonHarness.settings(broker, "overtalkerr.home-assistant.republish-delay = 0s\novertalkerr.data-dir = \""
          + settings.dataDir().toString().replace("\\", "/") + "\"", Map.of("MQTT_BASE_TOPIC", "hat3b", "OVERTALKERR_DATA_DIR",
          settings.dataDir().toString()));
      try (DaemonHarness h = DaemonHarness.start(moved)) {
        MqttProbe.Received cleared = ha.next(topics.deviceConfig(), WAIT);
        assertThat(cleared.payload()).isEmpty();
      }
      assertThat(retained(topics.deviceConfig())).isNull();
      assertThat(retained(Topics.of(moved).deviceConfig())).isNotNull();
      Removal.remove(moved, Duration.ofSeconds(10), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      assertThat(retained(Topics.of(moved).deviceConfig())).as("removed from Home Assistant").isNull();
      assertThat(retained(Topics.of(moved).info())).isNull();
      assertThat(retained(Topics.of(moved).counts())).isNull();
      assertThat(settings.dataDir().resolve(HomeAssistantDevice.FILE)).doesNotExist();
    }
  }

  @Test
  void theDashboardSearchesShowsTheCandidateAndItsPosterAndTheRequestButtonFilesIt() throws Exception {
    try (FakeSeerr fake = FakeSeerr.seerr().start()) {
      Settings settings = settings("hat4", Map.of("MOCK_BACKEND", "false", "MEDIA_BACKEND_URL", fake.url(),
          "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY));
      Topics topics = Topics.of(settings);
      try (MqttProbe ha = MqttProbe.connect(broker)) {
        ha.subscribe("hat4/#");
        try (DaemonHarness h = DaemonHarness.start(settings)) {
          assertThat(ha.next(topics.counts(), WAIT)).isNotNull();
          ha.publish(topics.searchSet(), "fight club");
          assertThat(ha.next(topics.search(), WAIT).payload()).isEqualTo("fight club");
          JsonNode candidate = tree(ha.next(topics.candidate(), WAIT));
          assertThat(candidate.path("state").asText()).isEqualTo("Fight Club (1999)");
          assertThat(candidate.path("attributes").path("dialog_state").asText()).isEqualTo("offer");
          assertThat(candidate.path("attributes").path("tmdb_id").asInt()).isEqualTo(550);
          assertThat(ha.next(topics.poster(), WAIT).payload()).isEqualTo("https://image.tmdb.org/t/p/w342/poster550.jpg");

          ha.publish(topics.press("request"), "PRESS");
          // the event goes out while the request is filed, before the dialog's reply is shown
          JsonNode event = tree(ha.next(topics.events(), WAIT));
          assertThat(event.path("event_type").asText()).isEqualTo("requested");
          assertThat(event.path("title").asText()).isEqualTo("Fight Club");
          assertThat(event.path("satellite_id").isNull()).isTrue();
          JsonNode requested = tree(ha.next(topics.candidate(), WAIT));
          assertThat(requested.path("attributes").path("dialog_state").asText()).isEqualTo("requested");
          assertThat(fake.filedRequests()).hasSize(1);

          // the backend approves it and makes it available: one event each, with the title
          int id = fake.filedRequests().get(0).id;
          fake.available(id);
          h.app.tracker().pollNow();
          ObjectNode available = (ObjectNode) tree(ha.next(topics.events(), WAIT));
          assertThat(available.path("event_type").asText()).isEqualTo("available");
          assertThat(available.path("request_id").asText()).isEqualTo(Integer.toString(id));
          assertThat(tree(retained(topics.lastRequest())).path("attributes").path("status").asText()).isEqualTo("available");

          // next and cancel are the dialog's next and cancel
          ha.publish(topics.searchSet(), "matrix");
          assertThat(tree(ha.next(topics.candidate(), WAIT)).path("attributes").path("dialog_state").asText()).isEqualTo("offer");
          ha.publish(topics.press("next"), "PRESS");
          JsonNode next = tree(ha.next(topics.candidate(), WAIT));
          assertThat(next.path("attributes").path("dialog_state").asText()).isIn("offer", "no_more_results");
          ha.publish(topics.press("cancel"), "PRESS");
          JsonNode cancelled = tree(ha.next(topics.candidate(), WAIT));
          assertThat(cancelled.path("state").asText()).as(cancelled.toString()).isIn("none", next.path("state").asText());
        }
      }
      assertThat(fake.violations()).isEmpty();
    }
  }
}
