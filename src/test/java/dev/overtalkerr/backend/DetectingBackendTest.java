package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class DetectingBackendTest {
  private final OkHttpClient http = new OkHttpClient();

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private DetectingBackend backend(String url, ManualClock clock) {
    return new DetectingBackend(url, FakeBackendServer.API_KEY, Optional.empty(), http, Backends.lenientMapper(),
        Duration.ofMillis(800), Duration.ofSeconds(30), clock);
  }

  @Test
  void anOmbiThatWasDownAtBootIsPickedUpLater() throws Exception {
    ManualClock clock = new ManualClock();
    try (FakeOmbi ombi = FakeOmbi.v4().start()) {
      ombi.goDown();
      DetectingBackend backend = backend(ombi.url(), clock);

      assertThat(backend.info().flavour()).as("the fallback guess").isEqualTo(BackendFlavour.SEERR);
      assertThat(backend.confirmed()).isFalse();
      assertThatThrownBy(() -> backend.search("matrix", null)).isInstanceOfSatisfying(BackendException.class,
          e -> assertThat(e.error()).isEqualTo(BackendError.UNREACHABLE));

      ombi.comeBack();
      // well within the re-detect interval: the guess failed, so the first call after the return detects again
      assertThat(backend.search("matrix", null)).extracting(MediaItem::title)
          .containsExactly("The Matrix", "The Matrix Reloaded");
      assertThat(backend.info()).isEqualTo(new BackendInfo(BackendFlavour.OMBI, "4.59.3"));
      assertThat(backend.confirmed()).isTrue();
    }
  }

  @Test
  void aConfirmedDetectionIsKept() throws Exception {
    ManualClock clock = new ManualClock();
    try (FakeSeerr seerr = FakeSeerr.jellyseerr().start()) {
      DetectingBackend backend = backend(seerr.url(), clock);
      assertThat(backend.info()).isEqualTo(new BackendInfo(BackendFlavour.JELLYSEERR, "2.7.3"));
      clock.now = clock.now.plusSeconds(3600);
      assertThat(backend.details(MediaType.MOVIE, 603, null).status()).isEqualTo(Availability.AVAILABLE);
      assertThat(seerr.calls("GET", "/api/v1/status")).hasSize(1);
      assertThat(seerr.violations()).isEmpty();
    }
  }
}
