package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.MqttProbe.Received;
import dev.overtalkerr.testing.TestBroker;
import dev.overtalkerr.testing.TestCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Assist contract's rules, one test each, on a real broker. */
class AssistChannelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestBroker broker;

  private String base;
  private TestCatalogue backend;
  private DaemonHarness daemon;
  private MqttProbe ha;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void setUp() {
    base = "ot" + UUID.randomUUID().toString().substring(0, 6);
    backend = new TestCatalogue();
    ha = MqttProbe.connect(broker);
    ha.subscribe(base + "/#");
  }

  @AfterEach
  void tearDown() {
    if (daemon != null) {
      daemon.close();
    }
    ha.close();
  }

  private void startDaemon(String hocon) throws Exception {
    Settings settings = DaemonHarness.settings(broker, hocon, Map.of("MQTT_BASE_TOPIC", base));
    daemon = DaemonHarness.start(settings, backend);
    assertThat(ha.next(base + "/status", WAIT)).extracting(Received::payload).isEqualTo("online");
  }

  private JsonNode ask(String id, String payload) throws Exception {
    ha.publish(base + "/assist/request", payload);
    Received r = ha.next(base + "/assist/reply/" + id, WAIT);
    assertThat(r).as("a reply to %s", id).isNotNull();
    return JSON.readTree(r.payload());
  }

  @Test
  void statusIsOnlineRetainedAfterConnectingAndOfflineAfterACleanShutdown() throws Exception {
    startDaemon("");
    try (MqttProbe late = MqttProbe.connect(broker)) {
      late.subscribe(base + "/status");
      Received status = late.next(base + "/status", WAIT);
      assertThat(status.payload()).isEqualTo("online");
      assertThat(status.retained()).isTrue();
      daemon.close();
      daemon = null;
      assertThat(late.next(base + "/status", WAIT).payload()).isEqualTo("offline");
    }
    try (MqttProbe later = MqttProbe.connect(broker)) {
      later.subscribe(base + "/status");
      assertThat(later.next(base + "/status", WAIT).payload()).as("offline is retained").isEqualTo("offline");
    }
  }

  @Test
  void aTurnGetsOneReplyWithEveryContractField() throws Exception {
    startDaemon("");
    JsonNode reply = ask("turn-1", "{\"id\":\"turn-1\",\"text\":\"download dune\",\"satellite_id\":\"assist_satellite.kitchen\"}");
    assertThat(reply.path("id").asText()).isEqualTo("turn-1");
    assertThat(reply.path("state").asText()).isEqualTo("offer");
    assertThat(reply.path("expect").asText()).isEqualTo("confirm");
    assertThat(reply.path("end").asBoolean()).isFalse();
    assertThat(reply.path("speech").asText()).contains("Dune");
    assertThat(reply.path("candidate").path("media_type").asText()).isEqualTo("movie");
    assertThat(reply.has("request")).isTrue();
    assertThat(reply.has("error")).isTrue();
    assertThat(ha.drain(Duration.ofMillis(300))).as("no second reply").noneMatch(r -> r.topic().endsWith("/turn-1") && !r.payload().isEmpty());
  }

  @Test
  void theReplyIsRetainedWithAnExpirySoThatALateSubscriberStillGetsIt() throws Exception {
    startDaemon("");
    ask("late-1", "{\"id\":\"late-1\",\"text\":\"download dune\"}");
    try (MqttProbe late = MqttProbe.connect(broker)) {
      late.subscribe(base + "/assist/reply/late-1");
      Received r = late.next(base + "/assist/reply/late-1", WAIT);
      assertThat(r).isNotNull();
      assertThat(r.retained()).isTrue();
      if (broker.isMosquitto()) {
        assertThat(r.expiry()).as("MQTT 5 message expiry").isPresent();
        assertThat(r.expiry().getAsLong()).isBetween(100L, 120L);
      }
    }
  }

  @Test
  void theRetainedReplyIsClearedAfterTheExpiry() throws Exception {
    startDaemon("overtalkerr.mqtt.reply-expiry = 1s");
    ask("clear-1", "{\"id\":\"clear-1\",\"text\":\"download dune\"}");
    Received cleared = ha.next(base + "/assist/reply/clear-1", WAIT);
    assertThat(cleared).as("a clearing publish").isNotNull();
    assertThat(cleared.payload()).isEmpty();
    try (MqttProbe late = MqttProbe.connect(broker)) {
      late.subscribe(base + "/assist/reply/clear-1");
      assertThat(late.next(base + "/assist/reply/clear-1", Duration.ofMillis(500))).as("nothing retained").isNull();
    }
  }

  @Test
  void aRepeatedIdGetsTheSameReplyAndNoBackendCall() throws Exception {
    startDaemon("");
    String request = "{\"id\":\"dup-1\",\"text\":\"download dune\"}";
    JsonNode first = ask("dup-1", request);
    int searches = backend.searches.get();
    JsonNode second = ask("dup-1", request);
    assertThat(second).isEqualTo(first);
    assertThat(backend.searches.get()).isEqualTo(searches);
  }

  @Test
  void aRepeatedConfirmationFilesOneRequest() throws Exception {
    startDaemon("");
    ask("c-1", "{\"id\":\"c-1\",\"text\":\"download dune\",\"satellite_id\":\"kitchen\"}");
    String yes = "{\"id\":\"c-2\",\"text\":\"yes\",\"satellite_id\":\"kitchen\"}";
    JsonNode requested = ask("c-2", yes);
    assertThat(requested.path("state").asText()).isEqualTo("requested");
    JsonNode again = ask("c-2", yes);
    assertThat(again).isEqualTo(requested);
    assertThat(backend.requestCalls.get()).isEqualTo(1);
  }

  @Test
  void aYesHomeAssistantGaveUpOnLongAgoFilesNothing() throws Exception {
    startDaemon("");
    ask("s-1", "{\"id\":\"s-1\",\"text\":\"download dune\",\"satellite_id\":\"kitchen\"}");
    double longAgo = java.time.Instant.now().minusSeconds(25).toEpochMilli() / 1000.0;
    JsonNode stale = ask("s-2", "{\"id\":\"s-2\",\"text\":\"yes\",\"satellite_id\":\"kitchen\",\"sent_at\":" + longAgo + "}");
    assertThat(stale.path("error").path("code").asText()).isEqualTo("timeout");
    assertThat(backend.requestCalls.get()).isZero();
    ask("s-3", "{\"id\":\"s-3\",\"text\":\"download dune\",\"satellite_id\":\"kitchen\",\"sent_at\":\""
        + java.time.OffsetDateTime.now() + "\"}");
    JsonNode fresh = ask("s-4", "{\"id\":\"s-4\",\"text\":\"yes\",\"satellite_id\":\"kitchen\",\"sent_at\":"
        + java.time.Instant.now().toEpochMilli() / 1000.0 + "}");
    assertThat(fresh.path("state").asText()).isEqualTo("requested");
    assertThat(backend.requestCalls.get()).isEqualTo(1);
  }

  /** Stops the daemon as a clean stop does and starts a new one on the same settings and data folder. */
  private void restartDaemon() throws Exception {
    Settings settings = daemon.settings;
    daemon.close();
    assertThat(ha.next(base + "/status", WAIT)).extracting(Received::payload).isEqualTo("offline");
    daemon = DaemonHarness.start(settings, backend);
    assertThat(ha.next(base + "/status", WAIT)).extracting(Received::payload).isEqualTo("online");
  }

  @Test
  void aConfirmationRepeatedAfterARestartFilesNothingAndGetsTheSameReply() throws Exception {
    startDaemon("");
    ask("r-1", "{\"id\":\"r-1\",\"text\":\"download dune\",\"satellite_id\":\"kitchen\"}");
    String yes = "{\"id\":\"r-2\",\"text\":\"yes\",\"satellite_id\":\"kitchen\"}";
    JsonNode requested = ask("r-2", yes);
    assertThat(requested.path("state").asText()).isEqualTo("requested");
    restartDaemon();
    int searches = backend.searches.get();
    assertThat(ask("r-2", yes)).isEqualTo(requested);
    assertThat(ask("r-1", "{\"id\":\"r-1\",\"text\":\"download dune\",\"satellite_id\":\"kitchen\"}").path("state").asText())
        .isEqualTo("offer");
    assertThat(backend.requestCalls.get()).isEqualTo(1);
    assertThat(backend.searches.get()).as("answered from the record, no backend call").isEqualTo(searches);
  }

  @Test
  void aRetainedRequestIsNotRunAgainOnEveryStart() throws Exception {
    startDaemon("");
    ha.publishRetained(base + "/assist/request", "{\"id\":\"ret-1\",\"text\":\"download dune\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(ha.next(base + "/assist/reply/ret-1", WAIT)).isNotNull();
      int searches = backend.searches.get();
      restartDaemon();
      try (MqttProbe late = MqttProbe.connect(broker)) {
        late.subscribe(base + "/assist/reply/ret-1");
        assertThat(late.next(base + "/assist/reply/ret-1", WAIT)).as("a reply is there").isNotNull();
      }
      assertThat(backend.searches.get()).as("not run again").isEqualTo(searches);
    } finally {
      ha.publishRetained(base + "/assist/request", new byte[0]);
    }
  }

  @Test
  void retainedRepliesLeftByACrashAreClearedAtTheNextStart() throws Exception {
    Settings settings = DaemonHarness.settings(broker, "overtalkerr.mqtt.reply-expiry = 2s", Map.of("MQTT_BASE_TOPIC", base));
    // what a crashed daemon leaves: a retained reply on the broker, and its line in the record
    ha.publishRetained(base + "/assist/reply/crash-1", "{\"id\":\"crash-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ha.publishRetained(base + "/assist/reply/crash-2", "{\"id\":\"crash-2\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.nio.file.Files.createDirectories(settings.dataDir());
    long now = System.currentTimeMillis();
    java.nio.file.Files.writeString(settings.dataDir().resolve("answered.jsonl"),
        "{\"k\":\"assist/reply/crash-1\",\"t\":" + (now - 600_000) + ",\"r\":\"{\\\"id\\\":\\\"crash-1\\\"}\"}\n"
        + "{\"k\":\"assist/reply/crash-2\",\"t\":" + now + ",\"r\":\"{\\\"id\\\":\\\"crash-2\\\"}\"}\n");
    daemon = DaemonHarness.start(settings, backend);
    List<Received> seen = ha.drain(Duration.ofSeconds(4));
    assertThat(seen).filteredOn(r -> r.topic().equals(base + "/assist/reply/crash-1") && r.payload().isEmpty())
        .as("the old one cleared at once").isNotEmpty();
    assertThat(seen).filteredOn(r -> r.topic().equals(base + "/assist/reply/crash-2") && r.payload().isEmpty())
        .as("the young one cleared at its expiry").isNotEmpty();
    try (MqttProbe late = MqttProbe.connect(broker)) {
      late.subscribe(base + "/assist/reply/+");
      assertThat(late.drain(Duration.ofMillis(500))).as("nothing retained").isEmpty();
    }
  }

  @Test
  void aSlowBackendStillGetsAReplyWithinTheDeadline() throws Exception {
    startDaemon("overtalkerr.mqtt.reply-deadline = 1s");
    backend.delay = Duration.ofSeconds(5);
    long start = System.nanoTime();
    JsonNode reply = ask("slow-1", "{\"id\":\"slow-1\",\"text\":\"download dune\"}");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(reply.path("state").asText()).isEqualTo("error");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("timeout");
    assertThat(reply.path("speech").asText()).isNotBlank();
    assertThat(tookMs).as("answered at the deadline, not when the backend finished").isLessThan(4000);

    // The abandoned turn must not leave an offer open that a later "yes" would file unheard.
    backend.delay = Duration.ZERO;
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> backend.inFlight.get() == 0);
    JsonNode yes = ask("slow-2", "{\"id\":\"slow-2\",\"text\":\"yes\"}");
    assertThat(yes.path("speech").asText()).startsWith("There's nothing to confirm");
    assertThat(backend.requestCalls.get()).isZero();
  }


  /** The first reply to each of {@code count} ids starting with {@code prefix}, in whatever order they come. */
  private Map<String, Received> replies(String prefix, int count) throws InterruptedException {
    Map<String, Received> replies = new java.util.HashMap<>();
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (replies.size() < count && System.nanoTime() < end) {
      for (Received m : ha.drain(Duration.ofMillis(200))) {
        String topic = m.topic();
        String id = topic.substring(topic.lastIndexOf('/') + 1);
        if (topic.startsWith(base + "/assist/reply/" + prefix) && !m.payload().isEmpty()) {
          replies.putIfAbsent(id, m);
        }
      }
    }
    return replies;
  }

  @Test
  void aSlowBackendForSomeSatellitesDoesNotHoldUpTheOthers() throws Exception {
    startDaemon("overtalkerr.mqtt.reply-deadline = 5s");
    backend.delay = Duration.ofMillis(1200); // a search and its details: about 2.4 s a turn
    int satellites = 12;
    for (int i = 0; i < satellites; i++) {
      ha.publish(base + "/assist/request", "{\"id\":\"many-" + i + "\",\"text\":\"download dune\",\"satellite_id\":\"sat" + i + "\"}");
    }
    Map<String, Received> replies = replies("many-", satellites);
    for (int i = 0; i < satellites; i++) {
      Received r = replies.get("many-" + i);
      assertThat(r).as("a reply to many-%d", i).isNotNull();
      assertThat(JSON.readTree(r.payload()).path("state").asText()).as("many-%d: %s", i, r.payload()).isEqualTo("offer");
    }
  }

  @Test
  void overTheTurnCapABusyAnswerComesAtOnceAndNothingIsQueuedForEver() throws Exception {
    startDaemon("overtalkerr.mqtt.max-concurrent-turns = 2\novertalkerr.mqtt.reply-deadline = 3s");
    backend.delay = Duration.ofMillis(1500);
    int sent = 2 + 2 * 16 + 3; // running + queued + over
    for (int i = 0; i < sent; i++) {
      ha.publish(base + "/assist/request", "{\"id\":\"cap-" + i + "\",\"text\":\"download dune\",\"satellite_id\":\"s" + i + "\"}");
    }
    int busy = 0;
    Map<String, Received> replies = replies("cap-", sent);
    for (int i = 0; i < sent; i++) {
      Received r = replies.get("cap-" + i);
      assertThat(r).as("a reply to cap-%d", i).isNotNull();
      JsonNode reply = JSON.readTree(r.payload());
      if (reply.path("error").path("code").asText().equals("busy")) {
        busy++;
        assertThat(reply.path("state").asText()).isEqualTo("error");
        assertThat(reply.path("speech").asText()).isNotBlank();
      }
    }
    assertThat(busy).isEqualTo(3);
  }

  @Test
  void anOversizedMessageNeverReachesTheDaemonAndARetainedOneDoesNotLoop() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(broker.isMosquitto(), "needs MQTT 5 (Mosquitto)");
    try (var logs = dev.overtalkerr.testing.LogCapture.start(ch.qos.logback.classic.Level.DEBUG)) {
      startDaemon("");
      byte[] huge = new byte[2 * 1024 * 1024];
      java.util.Arrays.fill(huge, (byte) 'x');
      ha.publish(base + "/assist/request", huge);
      try (MqttProbe other = MqttProbe.connect(broker)) {
        other.publishRetained(base + "/command/search", huge);
      }
      assertThat(ask("after-huge", "{\"id\":\"after-huge\",\"text\":\"download dune\"}").path("state").asText()).isEqualTo("offer");
      daemon.close();
      daemon = null;
      assertThat(ha.next(base + "/status", WAIT)).extracting(Received::payload).isEqualTo("offline");
      startDaemon("");
      assertThat(ask("after-restart", "{\"id\":\"after-restart\",\"text\":\"download dune\"}").path("state").asText())
          .isEqualTo("offer");
      assertThat(logs.text()).as("the broker never sent it: the client announces its maximum packet size")
          .doesNotContain("Refused a").doesNotContain("Lost the connection");
    } finally {
      try (MqttProbe cleaner = MqttProbe.connect(broker)) {
        cleaner.publishRetained(base + "/command/search", new byte[0]);
      }
    }
  }

  @Test
  void aBackendThatIsDownGetsASpokenApology() throws Exception {
    startDaemon("");
    backend.failWith = BackendError.UNREACHABLE;
    JsonNode reply = ask("down-1", "{\"id\":\"down-1\",\"text\":\"download dune\"}");
    assertThat(reply.path("state").asText()).isEqualTo("error");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("unreachable");
    assertThat(reply.path("speech").asText()).contains("can't reach");
    assertThat(reply.path("end").asBoolean()).isTrue();
  }

  @Test
  void malformedFieldsWithAValidIdGetAnErrorReply() throws Exception {
    startDaemon("");
    JsonNode wrongType = ask("bad-1", "{\"id\":\"bad-1\",\"text\":42}");
    assertThat(wrongType.path("state").asText()).isEqualTo("error");
    assertThat(wrongType.path("error").path("code").asText()).isEqualTo("invalid_request");
    assertThat(wrongType.path("error").path("message").asText()).contains("text");

    JsonNode tooLong = ask("bad-2", "{\"id\":\"bad-2\",\"text\":\"" + "a".repeat(501) + "\"}");
    assertThat(tooLong.path("error").path("code").asText()).isEqualTo("invalid_request");

    JsonNode badIntent = ask("bad-3", "{\"id\":\"bad-3\",\"text\":\"download dune\",\"intent\":\"explode\"}");
    assertThat(badIntent.path("error").path("code").asText()).isEqualTo("invalid_request");

    JsonNode nothing = ask("bad-4", "{\"id\":\"bad-4\"}");
    assertThat(nothing.path("error").path("code").asText()).isEqualTo("invalid_request");
    assertThat(backend.searches.get()).isZero();
  }

  @Test
  void payloadsWithoutAReadableIdOrTooLargeAreLoggedNotAnsweredAndTheDaemonGoesOn() throws Exception {
    startDaemon("");
    ha.publish(base + "/assist/request", "this is not json");
    ha.publish(base + "/assist/request", "[1,2,3]");
    ha.publish(base + "/assist/request", "{\"id\":\"has spaces\",\"text\":\"download dune\"}");
    ha.publish(base + "/assist/request", "{\"text\":\"download dune\"}");
    ha.publish(base + "/assist/request", ("{\"id\":\"huge-1\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}"));
    JsonNode ok = ask("after-1", "{\"id\":\"after-1\",\"text\":\"download dune\"}");
    assertThat(ok.path("state").asText()).isEqualTo("offer");
    assertThat(ha.drain(Duration.ofMillis(300))).noneMatch(r -> r.topic().contains("huge-1"));
    assertThat(backend.searches.get()).isEqualTo(1);
  }

  @Test
  void aMalformedSpokenRequestIsAnsweredInItsLanguage() throws Exception {
    startDaemon("");
    JsonNode reply = ask("de-1", "{\"id\":\"de-1\",\"text\":[\"x\"],\"language\":\"de-DE\"}");
    assertThat(reply.path("speech").asText()).startsWith("Tut mir leid");
  }

  @Test
  void afterTheBrokerRestartsTheDaemonReconnectsResubscribesAndIsOnlineAgain() throws Exception {
    try (TestBroker own = TestBroker.start()) {
      Settings settings = DaemonHarness.settings(own, "", Map.of("MQTT_BASE_TOPIC", base));
      try (DaemonHarness d = DaemonHarness.start(settings, backend)) {
        own.restart();
        try (MqttProbe probe = MqttProbe.connect(own)) {
          probe.subscribe(base + "/#");
          Received status = probe.next(base + "/status", Duration.ofSeconds(20));
          assertThat(status).as("online republished after the restart").isNotNull();
          assertThat(status.payload()).isEqualTo("online");
          probe.publish(base + "/assist/request", "{\"id\":\"re-1\",\"text\":\"download dune\"}");
          assertThat(probe.next(base + "/assist/reply/re-1", WAIT)).as("subscribed again").isNotNull();
        }
      }
    }
  }

  @Test
  void theStructuredCommandsAnswerOnTheirOwnReplyTopic() throws Exception {
    startDaemon("");
    ha.publish(base + "/command/search", "{\"id\":\"s-1\",\"query\":\"dune\",\"media_type\":\"movie\",\"limit\":2}");
    Received search = ha.next(base + "/command/reply/s-1", WAIT);
    assertThat(search).isNotNull();
    JsonNode results = JSON.readTree(search.payload());
    assertThat(results.path("state").asText()).isEqualTo("results");
    assertThat(results.path("results")).hasSize(2);
    assertThat(results.path("results").get(0).path("tmdb_id").asInt()).isPositive();

    ha.publish(base + "/command/request", "{\"id\":\"r-1\",\"tmdb_id\":438631,\"media_type\":\"movie\"}");
    JsonNode requested = JSON.readTree(ha.next(base + "/command/reply/r-1", WAIT).payload());
    assertThat(requested.path("state").asText()).isEqualTo("requested");
    assertThat(requested.path("request").path("id").asText()).isNotBlank();

    ha.publish(base + "/command/request", "{\"id\":\"r-2\",\"tmdb_id\":438631}");
    JsonNode invalid = JSON.readTree(ha.next(base + "/command/reply/r-2", WAIT).payload());
    assertThat(invalid.path("error").path("code").asText()).isEqualTo("invalid_request");
    assertThat(invalid.path("error").path("message").asText()).contains("media_type");
    assertThat(backend.requestCalls.get()).isEqualTo(1);
  }

  @Test
  void anUnexpectedFailureGetsAnApologyAndTheDaemonGoesOn() throws Exception {
    startDaemon("");
    backend.blowUpWith = new IllegalStateException("nonsense from the backend, key=" + "sk-secret-123456");
    JsonNode reply = ask("boom-1", "{\"id\":\"boom-1\",\"text\":\"download dune\"}");
    assertThat(reply.path("state").asText()).isEqualTo("error");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("internal");
    assertThat(reply.toString()).doesNotContain("sk-secret-123456");
    backend.blowUpWith = null;
    assertThat(ask("boom-2", "{\"id\":\"boom-2\",\"text\":\"download dune\"}").path("state").asText()).isEqualTo("offer");
  }

  @Test
  void aRequestSentWhileTheDaemonIsBrieflyDisconnectedIsAnsweredAfterItReconnects() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(broker.isMosquitto(), "needs MQTT 5 sessions (Mosquitto)");
    startDaemon("");
    // Kick the daemon off the broker: another client takes over its session and leaves at once, so
    // the session (with the daemon's subscriptions) waits on the broker until the daemon is back.
    String clientId = java.nio.file.Files.readString(daemon.settings.dataDir().resolve("mqtt-client-id")).trim();
    assertThat(clientId).matches("overtalkerr-[0-9a-f]{16}");
    var thief = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
    thief.connectWith().cleanStart(false).sessionExpiryInterval(30).send();
    thief.disconnect();
    ha.publish(base + "/assist/request", "{\"id\":\"gap-1\",\"text\":\"download dune\"}");
    Received reply = ha.next(base + "/assist/reply/gap-1", Duration.ofSeconds(20));
    assertThat(reply).as("the request queued in the resumed session is answered").isNotNull();
  }
}
