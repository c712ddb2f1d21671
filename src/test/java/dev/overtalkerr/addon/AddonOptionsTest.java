package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's options (/data/options.json) as the daemon reads them, with the environment the app's
 * s6 run script sets (the broker of Home Assistant's MQTT service, with its credentials).
 */
class AddonOptionsTest {
  @TempDir Path dir;

  /** What the run script exports when the user set no mqtt_url: the MQTT service's broker. */
  private static final Map<String, String> SERVICE_ENV = Map.of(
      "MQTT_URL", "mqtt://core-mosquitto:1883", "MQTT_USERNAME", "addons", "MQTT_PASSWORD", "service-pw",
      "OVERTALKERR_DATA_DIR", "/data");

  private Settings load(String optionsJson, Map<String, String> env) throws Exception {
    Path options = Files.writeString(dir.resolve("options.json"), optionsJson);
    return new SettingsLoader(env).load(Optional.empty(), Optional.of(options), true);
  }

  @Test
  void brokerCredentialsWithoutABrokerAddressLeaveTheServiceBrokersOnesAlone() throws Exception {
    Settings s = load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456",
         "mqtt_username": "me", "mqtt_password": "my-pw"}""", SERVICE_ENV);
    assertBroker(s, "mqtt://core-mosquitto:1883", "addons", "service-pw");
  }

  @Test
  void brokerCredentialsTakeEffectTogetherWithTheBrokerAddress() throws Exception {
    Settings s = load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456",
         "mqtt_url": "mqtts://broker.lan:8883", "mqtt_username": "me", "mqtt_password": "my-pw"}""", Map.of());
    assertBroker(s, "mqtts://broker.lan:8883", "me", "my-pw");
  }

  @Test
  void anAddressWithoutCredentialsIsAnonymous() throws Exception {
    Settings s = load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456",
         "mqtt_url": "mqtt://broker.lan:1883"}""", Map.of());
    assertBroker(s, "mqtt://broker.lan:1883", "", "");
  }

  @Test
  void offeringToPlayWhatIsThereIsOnUnlessSwitchedOff() throws Exception {
    assertThat(load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456"}""", Map.of()).dialog().offerPlay()).isTrue();
    assertThat(load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456", "offer_play": false}""", Map.of())
        .dialog().offerPlay()).isFalse();
  }

  private static void assertBroker(Settings s, String url, String username, String password) {
    assertThat(s.mqtt().url()).isEqualTo(url);
    assertThat(s.mqtt().username()).isEqualTo(username);
    assertThat(s.mqtt().password().reveal()).isEqualTo(password);
  }

  @Test
  void peopleAndBackendUsersMayBeGivenByName() throws Exception {
    Settings s = load("""
        {"media_backend_url": "http://seerr:5055", "media_backend_api_key": "k-123456",
         "default_backend_user": "guest@example.org",
         "users": [{"ha_user": "5f0e9a3c2b1d4e6f8a7b9c0d1e2f3a4b", "backend_user": "Anna", "allow_4k": true},
                   {"satellite": "assist_satellite.kids_room", "backend_user": "ben@example.org"}]}""", SERVICE_ENV);
    assertThat(s.users().defaultUser()).isEqualTo("guest@example.org");
    assertThat(s.users().rules()).containsExactly(
        new Settings.UserRule("5f0e9a3c2b1d4e6f8a7b9c0d1e2f3a4b", null, "Anna", true),
        new Settings.UserRule(null, "assist_satellite.kids_room", "ben@example.org", false));
  }
}
