package dev.overtalkerr;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.backend.DetectingBackend;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.configuration.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.inject.Singleton;
import okhttp3.OkHttpClient;

/**
 * The media backend: the demo catalogue, or the configured server, detected and re-detected. (The
 * request desk writes every request into the ledger before it is sent.)
 */
@Module
interface BackendModule {
  /** How long a guess made while nothing answered is trusted before detecting again. */
  Duration REDETECT_AFTER = Duration.ofSeconds(60);

  @Provides
  @Singleton
  static MediaBackend backend(Settings settings, Optional<MediaBackend> override, Clock clock, OkHttpClient http,
      ObjectMapper json) {
    if (override.isPresent()) {
      return override.get();
    }
    Settings.Backend b = settings.backend();
    if (b.demo()) {
      return new DemoCatalogue(clock);
    }
    return new DetectingBackend(b.url(), b.apiKey().reveal(), b.type(), http, json, b.timeout(), REDETECT_AFTER, clock);
  }
}
