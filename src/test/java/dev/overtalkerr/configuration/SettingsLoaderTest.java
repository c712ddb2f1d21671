package dev.overtalkerr.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  @TempDir Path dir;

  private static Settings load(Map<String, String> env) {
    return new SettingsLoader(env).load(Optional.empty(), Optional.empty(), true);
  }

  private static void assertRefused(Map<String, String> env, String... fragments) {
    assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
  }

  @Test
  void theDefaultsNeedOnlyABackend() {
    Settings s = load(Map.of("MEDIA_BACKEND_URL", "http://seerr.local:5055", "MEDIA_BACKEND_API_KEY", "abc-key-123"));
    assertThat(s.backend().url()).isEqualTo("http://seerr.local:5055");
    assertThat(s.backend().apiKey().reveal()).isEqualTo("abc-key-123");
    assertThat(s.backend().type()).isEmpty();
    assertThat(s.backend().timeout()).isEqualTo(Duration.ofSeconds(6));
    assertThat(s.mqtt().url()).isEqualTo("mqtt://127.0.0.1:1883");
    assertThat(s.mqtt().protocol()).isEqualTo(Protocol.AUTO);
    assertThat(s.mqtt().baseTopic()).isEqualTo("overtalkerr");
    assertThat(s.mqtt().discoveryPrefix()).isEqualTo("homeassistant");
    assertThat(s.mqtt().replyExpiry()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.dialog().language()).isEqualTo("en");
    assertThat(s.users().defaultUser()).isEqualTo("owner");
    assertThat(s.logging().format()).isEqualTo("plain");
  }

  @Test
  void everyDocumentedEnvironmentVariableIsRead() {
    Settings s = load(Map.ofEntries(
        Map.entry("MEDIA_BACKEND_URL", "https://ombi.example"), Map.entry("MEDIA_BACKEND_API_KEY", "k-12345"),
        Map.entry("MEDIA_BACKEND_TYPE", "ombi"), Map.entry("MOCK_BACKEND", "false"),
        Map.entry("MQTT_URL", "mqtts://broker.lan:8884"), Map.entry("MQTT_USERNAME", "ha"), Map.entry("MQTT_PASSWORD", "pw-secret"),
        Map.entry("MQTT_PROTOCOL", "3.1.1"), Map.entry("MQTT_BASE_TOPIC", "home/overtalkerr"),
        Map.entry("HA_DISCOVERY_PREFIX", "ha"), Map.entry("OVERTALKERR_LANGUAGE", "de"),
        Map.entry("OVERTALKERR_DATA_DIR", "/var/lib/ot"), Map.entry("LOG_LEVEL", "DEBUG"), Map.entry("LOG_FORMAT", "json")));
    assertThat(s.backend().type()).contains(BackendFlavour.OMBI);
    assertThat(s.mqtt().tls()).isTrue();
    assertThat(s.mqtt().host()).isEqualTo("broker.lan");
    assertThat(s.mqtt().port()).isEqualTo(8884);
    assertThat(s.mqtt().username()).isEqualTo("ha");
    assertThat(s.mqtt().password().reveal()).isEqualTo("pw-secret");
    assertThat(s.mqtt().protocol()).isEqualTo(Protocol.V3_1_1);
    assertThat(s.mqtt().baseTopic()).isEqualTo("home/overtalkerr");
    assertThat(s.mqtt().discoveryPrefix()).isEqualTo("ha");
    assertThat(s.dialog().language()).isEqualTo("de");
    assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/ot"));
    assertThat(s.logging().level()).isEqualTo("debug");
    assertThat(s.logging().format()).isEqualTo("json");
    assertThat(s.toString()).doesNotContain("pw-secret").doesNotContain("k-12345");
  }

  @Test
  void theEnvironmentOverridesTheFileAndAppOptionsOverrideBoth() throws Exception {
    Path conf = dir.resolve("overtalkerr.conf");
    Files.writeString(conf, """
        overtalkerr.backend.url = "http://from-file:5055"
        overtalkerr.mqtt.base-topic = from-file
        overtalkerr.dialog.language = de
        overtalkerr.users.map = [ { satellite = "assist_satellite.kitchen", backend-user = "4" } ]
        """);
    Path options = dir.resolve("options.json");
    Files.writeString(options, """
        {"media_backend_url": "http://from-addon:5055", "language": "en", "session_timeout_seconds": 90,
         "default_backend_user": "none", "mqtt_password": "",
         "users": [{"ha_user": "abc123", "backend_user": "7", "allow_4k": true}, {"satellite": "assist_satellite.den", "backend_user": "9"}]}
        """);
    Map<String, String> env = Map.of("MQTT_BASE_TOPIC", "from-env", "MEDIA_BACKEND_URL", "http://from-env:5055",
        "MEDIA_BACKEND_API_KEY", "k-from-env");
    Settings fileAndEnv = new SettingsLoader(env).load(Optional.of(conf), Optional.empty(), true);
    assertThat(fileAndEnv.mqtt().baseTopic()).isEqualTo("from-env");
    assertThat(fileAndEnv.dialog().language()).isEqualTo("de");
    assertThat(fileAndEnv.users().rules()).containsExactly(new Settings.UserRule(null, "assist_satellite.kitchen", "4", false));

    Settings all = new SettingsLoader(env).load(Optional.of(conf), Optional.of(options), true);
    assertThat(all.backend().url()).isEqualTo("http://from-addon:5055");
    assertThat(all.dialog().language()).isEqualTo("en");
    assertThat(all.dialog().sessionTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(all.users().defaultUser()).isEqualTo("none");
    assertThat(all.users().rules()).containsExactly(
        new Settings.UserRule("abc123", null, "7", true), new Settings.UserRule(null, "assist_satellite.den", "9", false));
  }

  @Test
  void aMissingBackendNamesTheVariableToSet() {
    assertRefused(Map.of(), "overtalkerr.backend.url", "MEDIA_BACKEND_URL", "MOCK_BACKEND=true");
  }

  @Test
  void theDemoNeedsNoBackendAndSayNeedsNone() {
    assertThat(load(Map.of("MOCK_BACKEND", "true")).backend().demo()).isTrue();
    assertThat(new SettingsLoader(Map.of()).load(Optional.empty(), Optional.empty(), false).backend().url()).isEmpty();
  }

  @Test
  void invalidValuesNameTheSettingAndTheProblem() {
    Map<String, String> ok = Map.of("MOCK_BACKEND", "true");
    assertRefused(Map.of("MOCK_BACKEND", "maybe"), "MOCK_BACKEND", "is not true or false");
    assertRefused(with(ok, "MQTT_URL", "http://broker:1883"), "MQTT_URL", "mqtt://host:port");
    assertRefused(with(ok, "MQTT_URL", "mqtt://user:pw@broker:1883"), "MQTT_URL", "MQTT_USERNAME");
    assertRefused(with(ok, "MQTT_PROTOCOL", "4"), "MQTT_PROTOCOL", "auto, 5 or 3.1.1");
    assertRefused(with(ok, "MQTT_BASE_TOPIC", "a/#"), "MQTT_BASE_TOPIC");
    assertRefused(with(ok, "LOG_FORMAT", "xml"), "LOG_FORMAT", "plain or json");
    assertRefused(with(ok, "LOG_LEVEL", "loud"), "LOG_LEVEL");
    assertRefused(with(ok, "OVERTALKERR_LANGUAGE", "fr"), "OVERTALKERR_LANGUAGE", "de, en");
    assertRefused(Map.of("MEDIA_BACKEND_URL", "seerr.local:5055"), "MEDIA_BACKEND_URL", "http://");
    assertRefused(Map.of("MEDIA_BACKEND_URL", "http://seerr.local", "MEDIA_BACKEND_API_KEY", "k-123456", "MEDIA_BACKEND_TYPE", "plex"),
        "MEDIA_BACKEND_TYPE", "auto, seerr, overseerr, jellyseerr, ombi");
    assertRefused(Map.of("MEDIA_BACKEND_URL", "http://seerr.local"), "MEDIA_BACKEND_API_KEY", "is required");
  }

  @Test
  void credentialsInAddressesAreRefusedWithoutEchoingThem() {
    Map<String, String> ok = Map.of("MOCK_BACKEND", "true");
    for (String url : new String[] {"mqtt://u:hunter22@my_broker:1883", "mqtt://u:p@ss@host:1883", "mqtt://u:hunter22@broker.lan"}) {
      assertThatThrownBy(() -> load(with(ok, "MQTT_URL", url))).hasMessageContaining("MQTT_USERNAME")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22").doesNotContain("p@ss"));
    }
    assertThatThrownBy(() -> load(Map.of("MEDIA_BACKEND_URL", "http://seerr.local:5055/?apikey=topsecret1", "MEDIA_BACKEND_API_KEY", "k-1234")))
        .hasMessageContaining("MEDIA_BACKEND_URL").satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret1"));
  }

  @Test
  void aSecretTypedIntoTheWrongSettingIsNeverEchoed() throws Exception {
    String key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    String password = "Tr0ub4dor&3";
    Map<String, String> ok = Map.of("MOCK_BACKEND", "true");
    // the key pasted as the address, with or without the key setting
    assertNotEchoed(() -> load(Map.of("MEDIA_BACKEND_URL", key)), key, "MEDIA_BACKEND_URL");
    assertNotEchoed(() -> load(Map.of("MEDIA_BACKEND_URL", key, "MEDIA_BACKEND_API_KEY", key)), key, "MEDIA_BACKEND_URL");
    assertNotEchoed(() -> load(Map.of("MEDIA_BACKEND_URL", "http://seerr.local", "MEDIA_BACKEND_API_KEY", "k-123456",
        "MEDIA_BACKEND_TYPE", key)), key, "MEDIA_BACKEND_TYPE");
    assertNotEchoed(() -> load(with(ok, "MQTT_URL", password)), password, "MQTT_URL");
    assertNotEchoed(() -> load(with(ok, "MQTT_URL", "mqtt://" + password)), password, "MQTT_URL");
    assertNotEchoed(() -> load(with(ok, "MQTT_BASE_TOPIC", "#" + password)), password, "MQTT_BASE_TOPIC");
    assertNotEchoed(() -> load(with(ok, "HA_DISCOVERY_PREFIX", password + "/")), password, "HA_DISCOVERY_PREFIX");
    assertNotEchoed(() -> load(with(ok, "MQTT_PROTOCOL", password)), password, "MQTT_PROTOCOL");
    assertNotEchoed(() -> load(with(ok, "LOG_LEVEL", password)), password, "LOG_LEVEL");
    assertNotEchoed(() -> load(with(ok, "LOG_FORMAT", password)), password, "LOG_FORMAT");
    assertNotEchoed(() -> load(with(ok, "OVERTALKERR_LANGUAGE", password)), password, "OVERTALKERR_LANGUAGE");
    assertNotEchoed(() -> load(with(ok, "MOCK_BACKEND", password)), password, "MOCK_BACKEND");
    Path options = dir.resolve("options.json");
    Files.writeString(options, "{\"mock_backend\": true, \"log_level\": \"" + password + "\"}");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.empty(), Optional.of(options), true), password, "log_level");
    Files.writeString(options, "{\"mock_backend\": true, \"session_timeout_seconds\": \"" + password + "\"}");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.empty(), Optional.of(options), true), password, "session_timeout");
    Files.writeString(options, "{\"mock_backend\": true,\n \"mqtt_password\": " + password + " \"x\"}");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.empty(), Optional.of(options), true), password, "line 2");
    Files.writeString(options, "[\"" + password + "\"]");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.empty(), Optional.of(options), true), password, "--addon-options");
    Path conf = dir.resolve("secret.conf");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.mqtt.password = " + password + " }\n");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true), password, "--config");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.mqtt.url = [\"" + password + "\"]\n");
    assertNotEchoed(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true), password, "mqtt.url");
  }

  private static void assertNotEchoed(org.assertj.core.api.ThrowableAssert.ThrowingCallable load, String secret, String names) {
    assertThatThrownBy(load).isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(names).doesNotContain(secret).doesNotContain("\n"));
  }

  @Test
  void fileMistakesAreNamedToo() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.mqtt.reply-deadline = 20s\n");
    assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true))
        .hasMessageContaining("overtalkerr.mqtt.reply-deadline").hasMessageContaining("8s");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.mqtt.ulr = \"x\"\n");
    assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true))
        .hasMessageContaining("overtalkerr.mqtt.ulr").hasMessageContaining("unknown setting");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.dialog.session-timeout = soon\n");
    assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true))
        .hasMessageContaining("overtalkerr.dialog.session-timeout").hasMessageContaining("duration");
    Files.writeString(conf, "overtalkerr.backend.demo = true\novertalkerr.users.map = [ { ha-user = \"x\" } ]\n");
    assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.of(conf), Optional.empty(), true))
        .hasMessageContaining("users.map[0]").hasMessageContaining("backend-user");
    assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.of(dir.resolve("missing.conf")), Optional.empty(), true))
        .hasMessageContaining("--config").hasMessageContaining("no such file");
    Path options = dir.resolve("options.json");
    Files.writeString(options, "{ not json");
    assertThatThrownBy(() -> new SettingsLoader(Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.of(options), true))
        .hasMessageContaining("--addon-options");
  }

  @Test
  void theSampleConfigurationLoads() {
    Settings s = new SettingsLoader(Map.of("MEDIA_BACKEND_API_KEY", "k-123456"))
        .load(Optional.of(Path.of("config/overtalkerr.conf")), Optional.empty(), true);
    assertThat(s.backend().url()).startsWith("http");
  }

  private static Map<String, String> with(Map<String, String> base, String k, String v) {
    var m = new java.util.HashMap<>(base);
    m.put(k, v);
    return m;
  }
}
