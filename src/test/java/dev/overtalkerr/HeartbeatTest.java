package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat file that the app's Docker HEALTHCHECK reads. */
class HeartbeatTest {
  @TempDir Path dir;

  @Test
  void theFileIsRenewedOnlyWhileConnectedAndRemovedOnAStop() throws Exception {
    Path file = dir.resolve("run/overtalkerr.heartbeat");
    AtomicBoolean connected = new AtomicBoolean(false);
    Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
    Heartbeat heartbeat = new Heartbeat(file, connected::get, Clock.fixed(t0, ZoneOffset.UTC));
    heartbeat.beat();
    assertThat(file).as("no heartbeat before the broker connection is up").doesNotExist();

    connected.set(true);
    heartbeat.beat();
    assertThat(file).exists();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.from(t0));

    Heartbeat later = new Heartbeat(file, connected::get, Clock.fixed(t0.plusSeconds(10), ZoneOffset.UTC));
    later.beat();
    assertThat(Files.getLastModifiedTime(file)).as("renewed").isEqualTo(FileTime.from(t0.plusSeconds(10)));

    connected.set(false);
    new Heartbeat(file, connected::get, Clock.fixed(t0.plusSeconds(20), ZoneOffset.UTC)).beat();
    assertThat(Files.getLastModifiedTime(file)).as("left to age while disconnected").isEqualTo(FileTime.from(t0.plusSeconds(10)));

    later.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnwritablePlaceIsNotFatal() throws Exception {
    Path blocker = Files.writeString(dir.resolve("a-file"), "x");
    Heartbeat heartbeat = new Heartbeat(blocker.resolve("heartbeat"), () -> true, Clock.systemUTC());
    heartbeat.beat();
    heartbeat.beat();
    assertThat(Files.exists(blocker.resolve("heartbeat"))).isFalse();
    heartbeat.close();
  }
}
