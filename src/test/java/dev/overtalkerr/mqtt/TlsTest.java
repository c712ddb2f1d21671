package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.TestBroker;
import dev.overtalkerr.testing.TestCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mqtts:// with the broker's CA given in a PEM file. */
class TlsTest {
  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void connectsOverTlsTrustingTheConfiguredCa() throws Exception {
    assumeTrue(TestBroker.mosquittoAvailable() && Files.isExecutable(Path.of("/usr/bin/openssl")), "needs Mosquitto and openssl");
    Path dir = Files.createTempDirectory("tls");
    run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test CA",
        "-keyout", "ca.key", "-out", "ca.pem");
    run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", "ext.cnf", "-out", "server.pem");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String f : List.of("ca.pem", "server.pem", "server.key")) {
      Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
    }
    int tlsPort = TestBroker.freePort();
    String listener = "listener " + tlsPort + " 127.0.0.1\ncafile " + dir.resolve("ca.pem") + "\ncertfile " + dir.resolve("server.pem")
        + "\nkeyfile " + dir.resolve("server.key") + "\nallow_anonymous true\n";
    try (TestBroker broker = TestBroker.mosquitto(listener)) {
      Settings settings = DaemonHarness.settings(broker, "overtalkerr.mqtt.ca-file = \"" + dir.resolve("ca.pem") + "\"",
          Map.of("MQTT_URL", "mqtts://127.0.0.1:" + tlsPort, "MQTT_BASE_TOPIC", "tls"));
      assertThat(settings.mqtt().tls()).isTrue();
      try (DaemonHarness daemon = DaemonHarness.start(settings, new TestCatalogue())) {
        assertThat(daemon.daemon.isConnected()).isTrue();
      }
    }
  }
}
