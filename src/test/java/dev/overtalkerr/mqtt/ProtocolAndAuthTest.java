package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import dev.overtalkerr.testing.TestCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** MQTT versions, the automatic fallback to 3.1.1, and broker credentials. */
class ProtocolAndAuthTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static void assertAnswers(TestBroker broker, String base) throws Exception {
    try (MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe(base + "/#");
      assertThat(ha.next(base + "/status", WAIT).payload()).isEqualTo("online");
      ha.publish(base + "/assist/request", "{\"id\":\"p-1\",\"text\":\"download dune\"}");
      assertThat(ha.next(base + "/assist/reply/p-1", WAIT)).isNotNull();
    }
  }

  @Test
  void mqtt311CanBeChosen() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      Settings s = DaemonHarness.settings(broker, "", Map.of("MQTT_PROTOCOL", "3.1.1", "MQTT_BASE_TOPIC", "v3"));
      try (DaemonHarness d = DaemonHarness.start(s, new TestCatalogue())) {
        assertThat(d.daemon.protocol()).isEqualTo(Protocol.V3_1_1);
        assertAnswers(broker, "v3");
      }
    }
  }

  @Test
  void mqtt5IsTheDefaultWhereTheBrokerSpeaksIt() throws Exception {
    assumeTrue(TestBroker.mosquittoAvailable(), "needs Mosquitto (MQTT 5); the embedded broker speaks 3.1.1 only");
    try (TestBroker broker = TestBroker.start()) {
      Settings s = DaemonHarness.settings(broker, "", Map.of("MQTT_BASE_TOPIC", "v5"));
      try (DaemonHarness d = DaemonHarness.start(s, new TestCatalogue())) {
        assertThat(d.daemon.protocol()).isEqualTo(Protocol.V5);
        assertAnswers(broker, "v5");
      }
    }
  }

  @Test
  void aBrokerThatRefusesMqtt5GetsMqtt311Automatically() throws Exception {
    try (TestBroker broker = TestBroker.moquette()) {
      Settings s = DaemonHarness.settings(broker, "", Map.of("MQTT_BASE_TOPIC", "fb"));
      assertThat(s.mqtt().protocol()).isEqualTo(Protocol.AUTO);
      try (DaemonHarness d = DaemonHarness.start(s, new TestCatalogue())) {
        assertThat(d.daemon.protocol()).isEqualTo(Protocol.V3_1_1);
        assertAnswers(broker, "fb");
      }
    }
  }

  @Test
  void credentialsAreSentAndAWrongPasswordIsAClearFailure() throws Exception {
    assumeTrue(TestBroker.mosquittoAvailable() && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd")),
        "needs Mosquitto and mosquitto_passwd");
    Path dir = Files.createTempDirectory("pw");
    Path passwords = dir.resolve("passwd");
    Process p = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", "-c", passwords.toString(), "homeassistant", "s3cret-pass")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor()).isZero();
    // Mosquitto started as root drops to the mosquitto user before it reads the password file.
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    try (TestBroker broker = TestBroker.mosquitto("password_file " + passwords + "\n")) {
      Settings good = DaemonHarness.settings(broker, "",
          Map.of("MQTT_USERNAME", "homeassistant", "MQTT_PASSWORD", "s3cret-pass", "MQTT_BASE_TOPIC", "auth"));
      try (DaemonHarness d = DaemonHarness.start(good, new TestCatalogue());
          var logs = dev.overtalkerr.testing.LogCapture.start(ch.qos.logback.classic.Level.INFO)) {
        assertThat(d.daemon.isConnected()).isTrue();
        // the broker comes back with another password: the daemon says so clearly, not as a plain drop
        Process change = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", passwords.toString(), "homeassistant", "changed-pass")
            .redirectErrorStream(true).start();
        assertThat(change.waitFor()).isZero();
        Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        broker.restart();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
            .until(() -> logs.text().contains("refused the login"));
        assertThat(logs.text()).containsPattern("ERROR .*refused the login.*MQTT_USERNAME.*MQTT_PASSWORD").doesNotContain("s3cret-pass");
      }
      Settings bad = DaemonHarness.settings(broker, "",
          Map.of("MQTT_USERNAME", "homeassistant", "MQTT_PASSWORD", "wrong-pass", "MQTT_BASE_TOPIC", "auth"));
      try (var logs = dev.overtalkerr.testing.LogCapture.start(ch.qos.logback.classic.Level.INFO)) {
        assertThatThrownBy(() -> DaemonHarness.start(bad, new TestCatalogue()))
            .isInstanceOf(ExecutionException.class)
            .hasMessageMatching("(?s).*(NOT_AUTHORIZED|BAD_USER_NAME_OR_PASSWORD).*");
        assertThat(logs.text()).as("the refusal is logged with what to check")
            .containsPattern("ERROR .*refused the login.*MQTT_USERNAME.*MQTT_PASSWORD").doesNotContain("wrong-pass");
      }
      assertThat(good.toString()).doesNotContain("s3cret-pass");
    }
  }
}
