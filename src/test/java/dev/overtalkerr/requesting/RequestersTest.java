package dev.overtalkerr.requesting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.overtalkerr.backend.Backends;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.backend.OmbiClient;
import dev.overtalkerr.backend.SeerrClient;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

class RequestersTest {
  private static Requesters with(String defaultUser, Settings.UserRule... rules) {
    Settings base = new SettingsLoader(java.util.Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true);
    return new Requesters(new Settings(base.backend(), base.mqtt(), new Settings.Dialog("en", Duration.ofMinutes(5), 10),
        new Settings.Users(defaultUser, false, List.of(rules)), Path.of("data"), base.logging()));
  }

  @Test
  void aSatelliteRuleWinsOverAPersonRuleAndThePersonRuleOverTheDefault() {
    Requesters r = with("owner",
        new Settings.UserRule("anna", null, "7", true),
        new Settings.UserRule(null, "assist_satellite.kids", "9", false));
    assertThat(r.resolve("anna", "assist_satellite.kids", null)).map(Requester::backendUserId).contains("9");
    assertThat(r.resolve("anna", "assist_satellite.kitchen", null)).map(Requester::backendUserId).contains("7");
    assertThat(r.resolve("anna", null, null).orElseThrow().allow4k()).isTrue();
    assertThat(r.resolve(null, null, "assist_satellite.kids")).map(Requester::backendUserId).contains("9");
    assertThat(r.resolve("ben", null, null)).map(Requester::isOwner).contains(true);
  }

  @Test
  void aRuleWithBothNeedsBoth() {
    Requesters r = with("none", new Settings.UserRule("anna", "assist_satellite.den", "7", false));
    assertThat(r.resolve("anna", "assist_satellite.den", null)).isPresent();
    assertThat(r.resolve("ben", "assist_satellite.den", null)).isEmpty();
    assertThat(r.resolve("anna", "assist_satellite.kitchen", null)).isEmpty();
  }

  @Test
  void theDefaultIsANamedUserTheOwnerOrNobody() {
    assertThat(with("3").resolve(null, null, null)).map(Requester::backendUserId).contains("3");
    assertThat(with("").resolve(null, null, null)).map(Requester::isOwner).contains(true);
    assertThat(with("none").resolve(null, null, null)).isEmpty();
  }

  // ---- backend users by name or e-mail, through the backend's own user list

  private static Requesters withBackend(MediaBackend backend, String defaultUser, Settings.UserRule... rules) {
    Settings base = new SettingsLoader(java.util.Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true);
    return new Requesters(new Settings(base.backend(), base.mqtt(), base.dialog(),
        new Settings.Users(defaultUser, false, List.of(rules)), Path.of("data"), base.logging()), backend);
  }

  @Test
  void seerrUsersNamedByNameOrEmailAreFiledUnderTheirIds() throws Exception {
    try (FakeSeerr fake = FakeSeerr.seerr().start(); LogCapture logs = new LogCapture()) {
      SeerrClient seerr = new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY,
          new BackendInfo(fake.flavour(), fake.version()), new OkHttpClient(), Backends.lenientMapper(), Duration.ofSeconds(3));
      Requesters r = withBackend(seerr, "ben@example.org",
          new Settings.UserRule("ha-anna", null, "Anna", true),
          new Settings.UserRule(null, "assist_satellite.kids", "zoe", false),
          new Settings.UserRule("ha-admin", null, "1", false));
      assertThat(r.namesResolved()).isFalse();
      assertThat(r.resolve("ha-anna", null, null)).map(Requester::backendUserId).as("before the list is read").contains("Anna");

      r.resolveNames();

      assertThat(r.namesResolved()).isTrue();
      assertThat(r.resolve("ha-anna", null, null)).map(Requester::backendUserId).contains("7");
      assertThat(r.resolve("ha-anna", null, null)).map(Requester::displayName).contains("backend user anna");
      assertThat(r.resolve("someone", null, null)).as("the default, by e-mail").map(Requester::backendUserId).contains("8");
      assertThat(r.resolve("ha-admin", null, null)).as("an id stays the id").map(Requester::backendUserId).contains("1");
      assertThat(r.resolve(null, "assist_satellite.kids", null)).as("nobody is called zoe: kept as written")
          .map(Requester::backendUserId).contains("zoe");
      assertThat(fake.calls("GET", "/api/v1/user")).hasSize(1);
      assertThat(fake.violations()).isEmpty();
      assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("\"Anna\"", "\"anna\""))
          .anySatisfy(l -> assertThat(l).contains("\"zoe\"", "anna", "ben"))
          .allSatisfy(l -> assertThat(l).doesNotContain(FakeBackendServer.API_KEY).doesNotContain("@example.org\" on"));

      r.resolveNames();
      assertThat(fake.calls("GET", "/api/v1/user")).as("read once").hasSize(1);
    }
  }

  @Test
  void ombiUsersNamedByEmailAreFiledUnderTheirUserNames() throws Exception {
    try (FakeOmbi fake = FakeOmbi.v4().start()) {
      OmbiClient ombi = new OmbiClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, null,
          new BackendInfo(BackendFlavour.OMBI, "4.59.3"), new OkHttpClient(), Backends.lenientMapper(), Duration.ofSeconds(3));
      Requesters r = withBackend(ombi, "owner", new Settings.UserRule("ha-ben", null, "BEN@example.org", false));
      r.resolveNames();
      assertThat(r.resolve("ha-ben", null, null)).map(Requester::backendUserId).contains("ben");
      assertThat(r.resolve("other", null, null)).map(Requester::isOwner).contains(true);
    }
  }

  @Test
  void aBackendThatCannotListUsersLeavesTheNamesForLater() {
    MediaBackend down = (MediaBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {MediaBackend.class}, (proxy, method, args) -> {
          throw new BackendException(BackendError.UNREACHABLE, "connection refused");
        });
    Requesters r = withBackend(down, "owner", new Settings.UserRule("ha-anna", null, "anna", false));
    assertThatThrownBy(r::resolveNames).isInstanceOf(BackendException.class);
    assertThat(r.namesResolved()).isFalse();
    assertThat(r.resolve("ha-anna", null, null)).map(Requester::backendUserId).contains("anna");
  }

  @Test
  void onlyOwnerOrNobodyNeedsNoUserList() {
    Requesters r = withBackend(new DemoCatalogue(java.time.Clock.systemUTC()), "none");
    assertThat(r.namesResolved()).isTrue();
  }

  // ---- Home Assistant people by person entity or name, through Home Assistant's API

  private static final String STATES = """
      [{"entity_id": "person.anna", "state": "home", "attributes": {"friendly_name": "Anna", "user_id": "0123456789abcdef0123456789abcdef"}},
       {"entity_id": "person.ben", "state": "away", "attributes": {"friendly_name": "Ben Miller", "user_id": "fedcba9876543210fedcba9876543210"}},
       {"entity_id": "person.guest", "state": "home", "attributes": {"friendly_name": "Guest"}},
       {"entity_id": "light.kitchen", "state": "on", "attributes": {"friendly_name": "Anna"}}]
      """;

  @Test
  void homeAssistantPeopleByEntityOrNameMatchTheirUserIds() throws Exception {
    try (mockwebserver3.MockWebServer ha = new mockwebserver3.MockWebServer(); LogCapture logs = new LogCapture()) {
      ha.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(STATES).build());
      ha.start();
      var people = dev.overtalkerr.configuration.HomeAssistantPeople.fromEnvironment(
          java.util.Map.of("HA_URL", ha.url("/").toString(), "HA_TOKEN", "ha-token-secret"), new OkHttpClient(),
          new com.fasterxml.jackson.databind.ObjectMapper());
      assertThat(people).isPresent();
      Settings base = new SettingsLoader(java.util.Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true);
      Requesters r = new Requesters(new Settings(base.backend(), base.mqtt(), base.dialog(), new Settings.Users("none", false, List.of(
          new Settings.UserRule("Anna", null, "7", true),
          new Settings.UserRule("person.ben", null, "8", false),
          new Settings.UserRule("ben miller", "assist_satellite.den", "9", false),
          new Settings.UserRule("guest", null, "10", false),
          new Settings.UserRule("zoe", null, "11", false))), Path.of("data"), base.logging()), null, people);
      assertThat(r.namesResolved()).isFalse();
      r.resolveAll();
      assertThat(r.namesResolved()).isTrue();

      var request = ha.takeRequest();
      assertThat(request.getTarget()).isEqualTo("/api/states");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ha-token-secret");
      assertThat(r.resolve("0123456789abcdef0123456789abcdef", null, null)).map(Requester::backendUserId).contains("7");
      assertThat(r.resolve("fedcba9876543210fedcba9876543210", null, null)).map(Requester::backendUserId).contains("8");
      assertThat(r.resolve("fedcba9876543210fedcba9876543210", "assist_satellite.den", null)).as("a satellite rule for that person")
          .map(Requester::backendUserId).contains("9");
      assertThat(r.resolve("someone-else", null, null)).isEmpty();
      assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("\"Anna\"", "person.anna"))
          .anySatisfy(l -> assertThat(l).contains("\"guest\"", "no user account"))
          .anySatisfy(l -> assertThat(l).contains("\"zoe\"", "Anna, Ben Miller, Guest"))
          .allSatisfy(l -> assertThat(l).doesNotContain("ha-token-secret").doesNotContain("0123456789abcdef"));
    }
  }

  @Test
  void homeAssistantRefusingTheTokenIsReportedWithoutIt() throws Exception {
    try (mockwebserver3.MockWebServer ha = new mockwebserver3.MockWebServer()) {
      ha.enqueue(new mockwebserver3.MockResponse.Builder().code(401).body("{\"message\": \"401: Unauthorized\"}").build());
      ha.start();
      var people = new dev.overtalkerr.configuration.HomeAssistantPeople(ha.url("/"),
          dev.overtalkerr.configuration.Secret.of("ha-token-secret"), new OkHttpClient(), new com.fasterxml.jackson.databind.ObjectMapper());
      Settings base = new SettingsLoader(java.util.Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true);
      Requesters r = new Requesters(new Settings(base.backend(), base.mqtt(), base.dialog(),
          new Settings.Users("owner", false, List.of(new Settings.UserRule("Anna", null, "7", false))), Path.of("data"), base.logging()),
          null, Optional.of(people));
      assertThatThrownBy(r::resolveAll).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("401").hasMessageContaining("refused").hasMessageNotContaining("ha-token-secret");
      assertThat(r.namesResolved()).as("tried again later").isFalse();
    }
  }

  @Test
  void onlyTheAppsSupervisorTokenOrAnAddressWithATokenGivePeople() {
    var http = new OkHttpClient();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(dev.overtalkerr.configuration.HomeAssistantPeople.fromEnvironment(java.util.Map.of(), http, json)).isEmpty();
    assertThat(dev.overtalkerr.configuration.HomeAssistantPeople.fromEnvironment(java.util.Map.of("HA_URL", "http://ha:8123"), http, json)).isEmpty();
    assertThat(dev.overtalkerr.configuration.HomeAssistantPeople.fromEnvironment(java.util.Map.of("SUPERVISOR_TOKEN", "t"), http, json)).isPresent();
    assertThat(dev.overtalkerr.configuration.HomeAssistantPeople.isUserId("0123456789abcdef0123456789abcdef")).isTrue();
    assertThat(dev.overtalkerr.configuration.HomeAssistantPeople.isUserId("person.anna")).isFalse();
  }

  /** The log lines of {@link Requesters}. */
  private static final class LogCapture implements AutoCloseable {
    private final ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Requesters.class);
    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();

    LogCapture() {
      appender.start();
      logger.addAppender(appender);
    }

    List<String> lines() {
      return appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }
}
