package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIdentityTest {
  @TempDir Path dir;

  private static Settings settings(Path data, String clientId) {
    return new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true).withMqtt(
            new SettingsLoader(Map.of("MOCK_BACKEND", "true")).load(Optional.empty(), Optional.empty(), true).mqtt().withClientId(clientId));
  }

  @Test
  void eachInstallationHasItsOwnUnguessableIdKeptAcrossRestarts() throws Exception {
    String first = ClientIdentity.of(settings(dir.resolve("a"), ""));
    String again = ClientIdentity.of(settings(dir.resolve("a"), ""));
    String other = ClientIdentity.of(settings(dir.resolve("b"), ""));
    assertThat(first).matches("overtalkerr-[0-9a-f]{16}").isEqualTo(again).isNotEqualTo(other);
    assertThat(first).as("not the base topic, which anyone on the broker can see").isNotEqualTo("overtalkerr-overtalkerr");
    assertThat(Files.getPosixFilePermissions(dir.resolve("a").resolve("mqtt-client-id")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aConfiguredIdWinsAndABrokenFileIsReplaced() throws Exception {
    assertThat(ClientIdentity.of(settings(dir.resolve("c"), "my-daemon"))).isEqualTo("my-daemon");
    Files.createDirectories(dir.resolve("d"));
    Files.writeString(dir.resolve("d").resolve("mqtt-client-id"), "bad id\nwith lines");
    assertThat(ClientIdentity.of(settings(dir.resolve("d"), ""))).matches("overtalkerr-[0-9a-f]{16}");
  }
}
