package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/overtalkerr}, the launcher the README and the app image use, run as a real process
 * with the packaged jar and the Java that runs the tests: it finds the jar, passes arguments
 * through, adds the measured JVM flags, keeps a start-up archive for the daemon, and answers the
 * Docker HEALTHCHECK from the daemon's heartbeat file.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("bin/overtalkerr").toAbsolutePath();
  private static final Path JAR = Path.of("target/overtalkerr.jar").toAbsolutePath();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    SettingsLoader.ENVIRONMENT.keySet().forEach(pb.environment()::remove);
    Stream.of("OVERTALKERR_JAR", "OVERTALKERR_CACHE_DIR", "OVERTALKERR_JAVA_OPTS", "OVERTALKERR_HEARTBEAT", "JAVA_TOOL_OPTIONS")
        .forEach(pb.environment()::remove);
    pb.environment().put("OVERTALKERR_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().putAll(env);
    return pb;
  }

  private static Result run(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int exit, String out) {}

  @Test
  void findsTheJarOfTheCheckoutAndPassesArgumentsThrough() throws Exception {
    Result parse = run(launcher(Map.of(), "parse", "--language", "de", "lade die serie dark herunter"));
    assertThat(parse.exit()).as(parse.out()).isZero();
    assertThat(parse.out().strip()).startsWith("{\"intent\":\"request\",\"title\":\"dark\",\"media_type\":\"tv\"");
    Result version = run(launcher(Map.of("OVERTALKERR_JAR", JAR.toString()), "--version"));
    assertThat(version.out()).startsWith("overtalkerr ");
    assertThat(dir.resolve("data")).as("no archive for a short command").doesNotExist();
  }

  @Test
  void aMissingJarIsOneClearLine() throws Exception {
    Result r = run(launcher(Map.of("OVERTALKERR_JAR", dir.resolve("nope.jar").toString()), "--version"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out().strip()).contains("cannot find the jar", "nope.jar", "OVERTALKERR_JAR").doesNotContain("\n");
  }

  @Test
  void theJvmGetsTheMeasuredFlags() throws Exception {
    Result r = run(launcher(Map.of("OVERTALKERR_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version"));
    assertThat(r.out()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
        "-XX:MaxHeapSize=67108864", "-XX:InitialHeapSize=8388608", "-XX:MaxHeapFreeRatio=30");
  }

  @Test
  void theDaemonKeepsAStartUpArchiveAndAHeartbeatWhileConnected() throws Exception {
    try (TestBroker broker = TestBroker.start(); MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("itl/status");
      Path cache = dir.resolve("cache dir");
      Path heartbeat = dir.resolve("heartbeat");
      Map<String, String> env = new HashMap<>(Map.of("MOCK_BACKEND", "true", "MQTT_URL", broker.url(),
          "MQTT_BASE_TOPIC", "itl", "OVERTALKERR_DATA_DIR", dir.resolve("data").toString(),
          "OVERTALKERR_CACHE_DIR", cache.toString(), "OVERTALKERR_HEARTBEAT", heartbeat.toString()));

      Process first = launcher(env).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
      assertThat(ha.next("itl/status", WAIT)).as("online").extracting(MqttProbe.Received::payload).isEqualTo("online");
      awaitFile(heartbeat);
      Result healthy = run(launcher(env, "health", "60"));
      assertThat(healthy.exit()).as(healthy.out()).isZero();
      first.destroy();
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(ha.next("itl/status", WAIT).payload()).isEqualTo("offline");
      String firstLog = Files.readString(dir.resolve("first.log"));
      assertThat(firstLog).contains("Overtalkerr stopped").doesNotContain("[warning][cds]");
      assertThat(heartbeat).as("removed on a clean stop").doesNotExist();
      List<Path> archives = archives(cache);
      assertThat(archives).as("the archive written at the first stop").hasSize(1);
      assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);

      env.put("OVERTALKERR_JAVA_OPTS", "-Xlog:class+load=info");
      Process second = launcher(env).redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
      assertThat(ha.next("itl/status", WAIT)).as("online again").extracting(MqttProbe.Received::payload).isEqualTo("online");
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String secondLog = Files.readString(dir.resolve("second.log"));
      assertThat(secondLog.lines().filter(l -> l.contains("dev.overtalkerr.") && l.contains("source: shared objects file")))
          .as("the daemon's own classes come from the archive").hasSizeGreaterThan(50);
      assertThat(archives(cache)).as("the same archive, not a second one").isEqualTo(archives);
    }
  }

  @Test
  void aNewJarGetsANewArchiveAndAnUnwritableCacheIsNotFatal() throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("overtalkerr.jar"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path stale = Files.writeString(cache.resolve("overtalkerr-1.jsa"), "old");
    Path blocked = Files.writeString(dir.resolve("not-a-dir"), "x");
    // a configuration error ends the daemon at once: enough to see which flags the launcher chose
    Map<String, String> env = Map.of("OVERTALKERR_JAR", jar.toString(), "OVERTALKERR_CACHE_DIR", cache.toString(),
        "OVERTALKERR_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    Result r = run(launcher(env));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("configuration error").containsPattern("-XX:(SharedArchiveFile|ArchiveClassesAtExit|AOTCacheOutput)=");
    assertThat(stale).as("an archive of another jar is removed").doesNotExist();

    Result noCache = run(launcher(Map.of("OVERTALKERR_JAR", jar.toString(), "OVERTALKERR_CACHE_DIR", blocked.resolve("x").toString(),
        "OVERTALKERR_JAVA_OPTS", "-XX:+PrintCommandLineFlags")));
    assertThat(noCache.exit()).as("the daemon still starts (and stops at its own configuration check)").isEqualTo(2);
    assertThat(noCache.out()).contains("no start-up archive").doesNotContain("SharedArchiveFile").doesNotContain("AOTCache");
  }

  @Test
  void theHealthCheckReadsTheHeartbeatsAge() throws Exception {
    Path heartbeat = dir.resolve("hb");
    Map<String, String> env = Map.of("OVERTALKERR_HEARTBEAT", heartbeat.toString());
    Result missing = run(launcher(env, "health"));
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).contains("not connected");
    Files.writeString(heartbeat, "");
    assertThat(run(launcher(env, "health", "60")).exit()).isZero();
    Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minusSeconds(300)));
    Result stale = run(launcher(env, "health", "60"));
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.out()).contains("more than 60 s");
    assertThat(run(launcher(Map.of(), "health")).exit()).as("no heartbeat file configured").isEqualTo(1);
  }

  private static List<Path> archives(Path cache) throws Exception {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().matches("overtalkerr-\\d+\\.(jsa|aot)")).sorted().toList();
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(file) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }
}
