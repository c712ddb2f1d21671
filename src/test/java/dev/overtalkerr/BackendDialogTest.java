package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.mqtt.SayClient;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.TestBroker;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole conversations through {@code say}'s client, a real broker and the real daemon against each
 * flavour's fake server, with detection, the mapped person and every error path.
 */
class BackendDialogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static Stream<Arguments> flavours() {
    return Stream.of(
        Arguments.of("Overseerr", (Supplier<FakeBackendServer>) FakeSeerr::overseerr, "7"),
        Arguments.of("Jellyseerr", (Supplier<FakeBackendServer>) FakeSeerr::jellyseerr, "7"),
        Arguments.of("Seerr", (Supplier<FakeBackendServer>) FakeSeerr::seerr, "7"),
        Arguments.of("Ombi v4", (Supplier<FakeBackendServer>) FakeOmbi::v4, "anna"),
        Arguments.of("Ombi v3", (Supplier<FakeBackendServer>) FakeOmbi::v3, "anna"));
  }

  private static Settings settings(FakeBackendServer fake, String mappedUser, String base) {
    String users = "overtalkerr.users { default = none, map = [ { satellite = \"assist_satellite.den\", backend-user = \""
        + mappedUser + "\" } ] }";
    return DaemonHarness.settings(broker, users, Map.of("MOCK_BACKEND", "false", "MEDIA_BACKEND_URL", fake.url(),
        "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY, "MQTT_BASE_TOPIC", base));
  }

  private static JsonNode say(SayClient client, String text) throws Exception {
    return say(client, text, "en");
  }

  private static JsonNode say(SayClient client, String text, String language) throws Exception {
    var request = JSON.createObjectNode().put("text", text).put("satellite_id", "assist_satellite.den").put("language", language);
    JsonNode reply = client.say(request, Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no reply to " + text));
    return reply;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void findsOffersAndRequestsAFilmAndASeasonAsTheMappedPersonOnce(String name, Supplier<FakeBackendServer> make, String user)
      throws Exception {
    String base = "bd" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    try (FakeBackendServer fake = make.get().start();
        DaemonHarness daemon = DaemonHarness.start(settings(fake, user, base));
        SayClient client = new SayClient(daemon.settings.mqtt(), JSON)) {
      JsonNode offer = say(client, "download fight club");
      assertThat(offer.path("state").asText()).as(offer.toString()).isEqualTo("offer");
      assertThat(offer.path("speech").asText()).contains("Fight Club");
      JsonNode requested = say(client, "yes");
      assertThat(requested.path("state").asText()).as(requested.toString()).isEqualTo("requested");

      JsonNode series = say(client, "download season three of game of thrones");
      assertThat(series.path("state").asText()).as(series.toString()).isEqualTo("offer");
      JsonNode season = say(client, "yes please");
      assertThat(season.path("state").asText()).as(season.toString()).isEqualTo("requested");
      assertThat(season.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(3);

      say(client, "download fight club");
      JsonNode twice = say(client, "yes");
      assertThat(twice.path("state").asText()).as(twice.toString()).isEqualTo("already_requested");
      assertThat(twice.path("speech").asText()).contains("already");

      assertThat(fake.filedRequests()).hasSize(2);
      assertThat(fake.filedRequests()).allSatisfy(r -> assertThat(user.equals(r.user.name()) || user.equals(Integer.toString(r.user.id())))
          .as("filed as the mapped person").isTrue());
      if (fake instanceof FakeSeerr seerr) {
        assertThat(seerr.violations()).as("every request matches the spec").isEmpty();
      } else if (fake instanceof FakeOmbi ombi) {
        assertThat(ombi.violations()).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void aRefusedKeyAQuotaAndADeadBackendEachGetTheirOwnAnswer(String name, Supplier<FakeBackendServer> make, String user)
      throws Exception {
    String base = "be" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    try (FakeBackendServer fake = make.get().start();
        DaemonHarness daemon = DaemonHarness.start(settings(fake, user, base));
        SayClient client = new SayClient(daemon.settings.mqtt(), JSON)) {
      assertThat(say(client, "download fight club").path("state").asText()).isEqualTo("offer");

      (user.matches("\\d+") ? fake.user(Integer.parseInt(user)) : fake.user(user)).orElseThrow().quotaExceeded(true);
      JsonNode quota = say(client, "yes");
      assertThat(quota.path("error").path("code").asText()).as(quota.toString()).isEqualTo("quota_exceeded");
      assertThat(quota.path("speech").asText()).contains("request limit");

      fake.apiKey("another-key-entirely");
      JsonNode refused = say(client, "download the matrix reloaded");
      assertThat(refused.path("error").path("code").asText()).as(refused.toString()).isEqualTo("auth_refused");
      assertThat(refused.path("speech").asText()).contains("API key");

      fake.goDown();
      JsonNode down = say(client, "download the matrix");
      assertThat(down.path("error").path("code").asText()).as(down.toString()).isEqualTo("unreachable");
      assertThat(down.path("speech").asText()).contains("can't reach");
      assertThat(fake.filedRequests()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void csrfProtectionIsExplained(String name, Supplier<FakeBackendServer> make, String user) throws Exception {
    FakeBackendServer made = make.get();
    if (!(made instanceof FakeSeerr)) {
      made.close();
      return;
    }
    String base = "bc" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    try (FakeSeerr fake = ((FakeSeerr) made).start();
        DaemonHarness daemon = DaemonHarness.start(settings(fake, user, base));
        SayClient client = new SayClient(daemon.settings.mqtt(), JSON)) {
      fake.csrf(true).csrfExchangeWorks(false);
      say(client, "download fight club");
      JsonNode csrf = say(client, "yes");
      assertThat(csrf.path("error").path("code").asText()).as(csrf.toString()).isEqualTo("csrf_protection");
      assertThat(csrf.path("speech").asText()).contains("CSRF");
      assertThat(csrf.path("error").path("message").asText()).contains(fake.flavour() == BackendFlavour.OVERSEERR ? "General" : "Network");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void aWholeConversationWithRefineNextAndSeasonChoiceInEnglishAndGerman(String name, Supplier<FakeBackendServer> make, String user)
      throws Exception {
    String base = "bw" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    try (FakeBackendServer fake = make.get().start();
        DaemonHarness daemon = DaemonHarness.start(settings(fake, user, base));
        SayClient client = new SayClient(daemon.settings.mqtt(), JSON)) {
      JsonNode matrix = say(client, "Download The Matrix.");
      assertThat(matrix.path("candidate").path("title").asText()).as(matrix.toString()).isEqualTo("The Matrix");
      JsonNode refined = say(client, "the one from 2003");
      assertThat(refined.path("candidate").path("title").asText()).as(refined.toString()).isEqualTo("The Matrix Reloaded");
      JsonNode next = say(client, "no, next one");
      assertThat(next.path("state").asText()).as(next.toString()).isIn("offer", "no_more_results");
      fake.addSeries(70523, 334824, "Dark", 2017, Availability.UNKNOWN)
          .season(1, 10, Availability.UNKNOWN).season(2, 8, Availability.UNKNOWN).season(3, 8, Availability.UNKNOWN);
      JsonNode bb = say(client, "download breaking bad");
      assertThat(bb.path("candidate").path("title").asText()).isEqualTo("Breaking Bad");
      JsonNode which = say(client, "yes");
      assertThat(which.path("expect").asText()).as(which.toString()).isEqualTo("season");
      JsonNode season = say(client, "season one");
      assertThat(season.path("state").asText()).as(season.toString()).isEqualTo("requested");
      assertThat(season.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(1);

      JsonNode dark = say(client, "Lade Dark herunter", "de");
      assertThat(dark.path("speech").asText()).as(dark.toString()).startsWith("Ich habe Dark gefunden");
      JsonNode frage = say(client, "ja", "de");
      assertThat(frage.path("expect").asText()).as(frage.toString()).isEqualTo("season");
      assertThat(frage.path("speech").asText()).contains("Staffeln");
      JsonNode alle = say(client, "alle Staffeln", "de");
      assertThat(alle.path("state").asText()).as(alle.toString()).isEqualTo("requested");
      assertThat(alle.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
      assertThat(alle.path("speech").asText()).contains("angefordert");
      JsonNode weiter = say(client, "Such Matrix", "de");
      assertThat(weiter.path("state").asText()).isEqualTo("offer");
      JsonNode ab = say(client, "abbrechen", "de");
      assertThat(ab.path("state").asText()).isEqualTo("cancelled");
      assertThat(fake.filedRequests()).hasSize(2);
    }
  }
}
