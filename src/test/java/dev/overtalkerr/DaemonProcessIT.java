package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a real process, as an admin runs it. */
class DaemonProcessIT {
  private static final Path JAR = Path.of("target/overtalkerr.jar");
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    SettingsLoader.ENVIRONMENT.keySet().forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    return pb;
  }

  private static String run(ProcessBuilder pb, int expectedExit) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(expectedExit);
    return out;
  }

  @Test
  void theWillPublishesOfflineWhenTheDaemonDiesAndACleanStopDoesToo() throws Exception {
    try (TestBroker broker = TestBroker.start(); MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("itw/status");
      Path data = Files.createTempDirectory("it-data");
      Map<String, String> env = Map.of("MOCK_BACKEND", "true", "MQTT_URL", broker.url(), "MQTT_BASE_TOPIC", "itw",
          "OVERTALKERR_DATA_DIR", data.toString());

      Map<String, String> jsonLogs = new java.util.HashMap<>(env);
      jsonLogs.put("LOG_FORMAT", "json");
      Process killed = java(jsonLogs).redirectErrorStream(true).redirectOutput(data.resolve("killed.log").toFile()).start();
      assertThat(ha.next("itw/status", WAIT)).as("online").extracting(MqttProbe.Received::payload).isEqualTo("online");
      killed.destroyForcibly().waitFor();
      MqttProbe.Received will = ha.next("itw/status", Duration.ofSeconds(60));
      assertThat(will).as("the will").isNotNull();
      assertThat(will.payload()).isEqualTo("offline");

      Process stopped = java(env).redirectErrorStream(true).redirectOutput(data.resolve("stopped.log").toFile()).start();
      assertThat(ha.next("itw/status", WAIT).payload()).isEqualTo("online");
      stopped.destroy();
      assertThat(stopped.waitFor(15, TimeUnit.SECONDS)).isTrue();
      assertThat(ha.next("itw/status", WAIT).payload()).isEqualTo("offline");
      assertThat(Files.readString(data.resolve("stopped.log"))).contains("Overtalkerr stopped");
      // the logging set up in code (LogSetup, found as a service): readable lines, or JSON lines
      assertThat(Files.readAllLines(data.resolve("stopped.log")))
          .anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.o\\.Daemon - Overtalkerr .* starting: .*"))
          .noneMatch(l -> l.contains("DEBUG") || l.startsWith("{"));
      List<String> json = Files.readAllLines(data.resolve("killed.log"));
      assertThat(json).isNotEmpty().allMatch(l -> l.startsWith("{\"timestamp\":") && l.endsWith("}"))
          .anyMatch(l -> l.contains("\"level\":\"INFO\"") && l.contains("\"logger\":\"dev.overtalkerr.Daemon\""));
    }
  }

  @Test
  void aConfigurationErrorIsOneLineAndExitCode2() throws Exception {
    String out = run(java(Map.of()), 2);
    assertThat(out.strip().lines()).hasSize(1);
    assertThat(out).startsWith("overtalkerr: configuration error: overtalkerr.backend.url").contains("MEDIA_BACKEND_URL").doesNotContain("Exception").doesNotContain("\tat ");

    String badUrl = run(java(Map.of("MOCK_BACKEND", "true", "MQTT_URL", "broker.lan")), 2);
    assertThat(badUrl.strip().lines()).hasSize(1);
    assertThat(badUrl).contains("MQTT_URL").contains("mqtt://host:port").doesNotContain("broker.lan");
  }

  @Test
  void parsePrintsOneJsonLinePerUtterance() throws Exception {
    String out = run(java(Map.of(), "parse", "download dune", "yes please"), 0);
    assertThat(out.strip().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"intent\":"));
  }

  @Test
  void theDemoAndSayHoldAWholeConversation() throws Exception {
    Path data = Files.createTempDirectory("it-demo");
    Process demo = java(Map.of("OVERTALKERR_DATA_DIR", data.toString()), "--demo").start();
    try {
      BufferedReader banner = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
      String first = banner.readLine();
      assertThat(first).startsWith("Overtalkerr demo");
      Matcher m = Pattern.compile("mqtt://127\\.0\\.0\\.1:(\\d+)").matcher(first);
      assertThat(m.find()).isTrue();
      Map<String, String> env = Map.of("MQTT_URL", m.group());
      String offer = waitForOffer(env);
      assertThat(offer).contains("Dune").contains("state: offer");
      String next = run(java(env, "say", "no"), 0);
      assertThat(next).contains("state: offer");
      String yes = run(java(env, "say", "yes"), 0);
      assertThat(yes).contains("state: requested");
    } finally {
      demo.destroy();
      demo.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /** The daemon may still be connecting to its own broker when the first say runs. */
  private static String waitForOffer(Map<String, String> env) throws Exception {
    String out = "";
    for (int i = 0; i < 3; i++) {
      Process p = java(env, "say", "download dune").redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      if (p.exitValue() == 0) {
        return out;
      }
    }
    return out;
  }

  @Test
  void sayWithoutADaemonSaysSoAndFails() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      String out = run(java(Map.of("MQTT_URL", broker.url()), "say", "--timeout", "2", "download dune"), 1);
      assertThat(out).contains("no reply within 2 s").contains("Is the daemon running");
    } catch (IOException e) {
      throw e;
    }
  }
}
