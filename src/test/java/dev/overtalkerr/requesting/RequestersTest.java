package dev.overtalkerr.requesting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestersTest {
  private static Requesters with(String defaultUser, Settings.UserRule... rules) {
    Settings base = new SettingsLoader(java.util.Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true);
    return new Requesters(new Settings(base.backend(), base.mqtt(), new Settings.Dialog("en", Duration.ofMinutes(5), 10),
        new Settings.Users(defaultUser, false, List.of(rules)), Path.of("data"), base.logging()));
  }

  @Test
  void aSatelliteRuleWinsOverAPersonRuleAndThePersonRuleOverTheDefault() {
    Requesters r = with("owner",
        new Settings.UserRule("anna", null, "7", true),
        new Settings.UserRule(null, "assist_satellite.kids", "9", false));
    assertThat(r.resolve("anna", "assist_satellite.kids", null)).map(Requester::backendUserId).contains("9");
    assertThat(r.resolve("anna", "assist_satellite.kitchen", null)).map(Requester::backendUserId).contains("7");
    assertThat(r.resolve("anna", null, null).orElseThrow().allow4k()).isTrue();
    assertThat(r.resolve(null, null, "assist_satellite.kids")).map(Requester::backendUserId).contains("9");
    assertThat(r.resolve("ben", null, null)).map(Requester::isOwner).contains(true);
  }

  @Test
  void aRuleWithBothNeedsBoth() {
    Requesters r = with("none", new Settings.UserRule("anna", "assist_satellite.den", "7", false));
    assertThat(r.resolve("anna", "assist_satellite.den", null)).isPresent();
    assertThat(r.resolve("ben", "assist_satellite.den", null)).isEmpty();
    assertThat(r.resolve("anna", "assist_satellite.kitchen", null)).isEmpty();
  }

  @Test
  void theDefaultIsANamedUserTheOwnerOrNobody() {
    assertThat(with("3").resolve(null, null, null)).map(Requester::backendUserId).contains("3");
    assertThat(with("").resolve(null, null, null)).map(Requester::isOwner).contains(true);
    assertThat(with("none").resolve(null, null, null)).isEmpty();
  }
}
