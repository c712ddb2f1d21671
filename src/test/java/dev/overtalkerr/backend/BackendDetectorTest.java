package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.backend.BackendDetector.Detection;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Detection of each flavour from the public endpoints, forced flavours and the fallback. */
class BackendDetectorTest {
  private final BackendDetector detector =
      new BackendDetector(new OkHttpClient(), Backends.lenientMapper(), Duration.ofSeconds(2));

  private Detection detect(FakeBackendServer fake) {
    try (fake) {
      fake.start();
      Detection d = detector.detect(fake.url(), Optional.empty());
      assertThat(fake.calls()).allSatisfy(c -> {
        assertThat(c.header("X-Api-Key")).as("detection needs no credentials").isNull();
        assertThat(c.header("ApiKey")).isNull();
      });
      if (fake instanceof FakeSeerr seerr) {
        assertThat(seerr.violations()).isEmpty();
      }
      return d;
    }
  }

  @Test
  void overseerrHasNoMediaServerType() {
    Detection d = detect(FakeSeerr.overseerr());
    assertThat(d.info()).isEqualTo(new BackendInfo(BackendFlavour.OVERSEERR, "1.34.0"));
    assertThat(d.confirmed()).isTrue();
  }

  @Test
  void jellyseerrIsVersionTwoWithMediaServerType() {
    Detection d = detect(FakeSeerr.jellyseerr());
    assertThat(d.info()).isEqualTo(new BackendInfo(BackendFlavour.JELLYSEERR, "2.7.3"));
    assertThat(d.message()).contains("Jellyseerr 2.7.3");
  }

  @Test
  void seerrIsVersionThree() {
    assertThat(detect(FakeSeerr.seerr()).info()).isEqualTo(new BackendInfo(BackendFlavour.SEERR, "3.1.0"));
  }

  @Test
  void aDevelopBuildIsToldByItsSettings() {
    String version = "develop-f74306ed06d8f672b605d2af2dd0f5b70f7baa4e";
    assertThat(detect(FakeSeerr.of(BackendFlavour.SEERR, version)).info().flavour()).isEqualTo(BackendFlavour.SEERR);
    assertThat(detect(FakeSeerr.of(BackendFlavour.JELLYSEERR, version)).info().flavour())
        .isEqualTo(BackendFlavour.JELLYSEERR);
  }

  @Test
  void brokenPublicSettingsFallBackToTheVersionUnconfirmed() {
    Detection d = detect(FakeSeerr.seerr().publicSettingsBroken(true));
    assertThat(d.info().flavour()).isEqualTo(BackendFlavour.SEERR);
    assertThat(d.confirmed()).isFalse();
  }

  @Test
  void ombiAnswersTheBareNumberAndTellsItsVersion() {
    Detection v4 = detect(FakeOmbi.v4());
    assertThat(v4.info()).isEqualTo(new BackendInfo(BackendFlavour.OMBI, "4.59.3"));
    assertThat(v4.confirmed()).isTrue();
    assertThat(detect(FakeOmbi.v3()).info()).isEqualTo(new BackendInfo(BackendFlavour.OMBI, "3.0.5223"));
  }

  @Test
  void nothingAnsweringFallsBackToSeerrUnconfirmed() {
    FakeSeerr fake = FakeSeerr.seerr().start();
    fake.goDown();
    Detection d = detector.detect(fake.url(), Optional.empty());
    assertThat(d.info()).isEqualTo(new BackendInfo(BackendFlavour.SEERR, null));
    assertThat(d.confirmed()).isFalse();
    assertThat(d.message()).contains("nothing answered").contains("detecting again later");
  }

  @Test
  void aForcedFlavourWinsAndStillReadsTheVersion() {
    try (FakeSeerr fake = FakeSeerr.jellyseerr().start()) {
      Detection d = detector.detect(fake.url(), Optional.of(BackendFlavour.OVERSEERR));
      assertThat(d.info()).isEqualTo(new BackendInfo(BackendFlavour.OVERSEERR, "2.7.3"));
      assertThat(d.confirmed()).isTrue();
    }
    FakeOmbi down = FakeOmbi.v4().start();
    down.goDown();
    Detection d = detector.detect(down.url(), Optional.of(BackendFlavour.OMBI));
    assertThat(d.info()).isEqualTo(new BackendInfo(BackendFlavour.OMBI, null));
    assertThat(d.confirmed()).isTrue();
  }

  @Test
  void theFactoryBuildsTheMatchingClient() {
    OkHttpClient http = new OkHttpClient();
    assertThat(Backends.create(new BackendInfo(BackendFlavour.JELLYSEERR, "2.7.3"), "http://localhost:5055", "k",
        http, Backends.lenientMapper(), null)).isInstanceOf(SeerrClient.class);
    assertThat(Backends.create(new BackendInfo(BackendFlavour.OMBI, "4.59.3"), "http://localhost:3579/ombi", "k",
        http, Backends.lenientMapper(), Duration.ofSeconds(6))).isInstanceOf(OmbiClient.class);
  }
}
