package dev.overtalkerr;

import dagger.Module;
import dagger.Provides;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.backend.MediaBackend;
import dev.overtalkerr.configuration.Settings;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/** The media backend: the configured server (detected), or the demo catalogue. */
@Module
interface BackendModule {
  @Provides
  @Singleton
  static MediaBackend backend(Settings settings, Optional<MediaBackend> override, Clock clock) {
    if (override.isPresent()) {
      return override.get();
    }
    if (settings.backend().demo()) {
      return new DemoCatalogue(clock);
    }
    throw new IllegalStateException("TEMPORARY: backends are wired when the backend branch lands");
  }
}
