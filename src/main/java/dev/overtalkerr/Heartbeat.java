package dev.overtalkerr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveness signal: while the broker connection is up, a file whose modification time is
 * renewed every {@link #INTERVAL}. The daemon has no HTTP port to probe, so the app image's Docker
 * {@code HEALTHCHECK} ({@code bin/overtalkerr health}) reads the file's age instead: a daemon that
 * hangs, or has lost the broker, stops renewing it. Touching only changes the time (no content is
 * written), so it costs next to nothing on an SD card. Deleted on a clean stop.
 */
final class Heartbeat implements AutoCloseable {
  /** How often the file is renewed while connected. */
  static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final Path file;
  private final BooleanSupplier connected;
  private final Clock clock;
  private volatile boolean warned;
  private ScheduledFuture<?> task;

  Heartbeat(Path file, BooleanSupplier connected, Clock clock) {
    this.file = file;
    this.connected = connected;
    this.clock = clock;
  }

  /** Renews the file now and then every {@link #INTERVAL} on {@code scheduler}. */
  Heartbeat start(ScheduledExecutorService scheduler) {
    task = scheduler.scheduleAtFixedRate(this::beat, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One beat: renews the file when connected, leaves it to age otherwise. */
  void beat() {
    if (!connected.getAsBoolean()) {
      return;
    }
    try {
      if (!Files.exists(file)) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createFile(file);
      }
      Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
      warned = false;
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        log.warn("Cannot write the heartbeat file {}: {}", file, e.toString());
      }
    }
  }

  @Override
  public void close() {
    if (task != null) {
      task.cancel(false);
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("Cannot delete the heartbeat file {}: {}", file, e.toString());
    }
  }
}
