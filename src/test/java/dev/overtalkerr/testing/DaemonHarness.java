package dev.overtalkerr.testing;

import dev.overtalkerr.AppComponent;
import dev.overtalkerr.DaggerAppComponent;
import dev.overtalkerr.Daemon;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the real daemon in the test JVM against a test broker and a chosen backend. */
public final class DaemonHarness implements AutoCloseable {
  public final Settings settings;
  public final AppComponent app;
  public final Daemon daemon;

  private DaemonHarness(Settings settings, MediaBackend backend, Clock clock) {
    this.settings = settings;
    this.app = DaggerAppComponent.factory().create(settings, clock, Optional.ofNullable(backend));
    this.daemon = new Daemon(app);
  }

  /**
   * Settings for {@code broker}, with extra HOCON (e.g. {@code overtalkerr.mqtt.reply-expiry = 1s})
   * and extra environment variables.
   */
  public static Settings settings(TestBroker broker, String hocon, Map<String, String> env) {
    try {
      Path dir = Files.createTempDirectory("overtalkerr-test");
      Path conf = dir.resolve("test.conf");
      Files.writeString(conf, hocon);
      Map<String, String> e = new HashMap<>(env);
      e.putIfAbsent("MQTT_URL", broker.url());
      e.putIfAbsent("MOCK_BACKEND", "true");
      e.putIfAbsent("OVERTALKERR_DATA_DIR", dir.resolve("data").toString());
      return new SettingsLoader(e).load(Optional.of(conf), Optional.empty(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the daemon with the backend its settings configure (detected), and waits until connected. */
  public static DaemonHarness start(Settings settings) throws Exception {
    return start(settings, null, Clock.systemDefaultZone());
  }

  /** Starts the daemon and waits until it is connected. */
  public static DaemonHarness start(Settings settings, MediaBackend backend) throws Exception {
    return start(settings, backend, Clock.systemDefaultZone());
  }

  public static DaemonHarness start(Settings settings, MediaBackend backend, Clock clock) throws Exception {
    DaemonHarness h = new DaemonHarness(settings, backend, clock);
    h.daemon.start().get(15, TimeUnit.SECONDS);
    return h;
  }

  @Override
  public void close() {
    daemon.close();
  }
}
