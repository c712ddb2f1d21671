package dev.overtalkerr.mqtt;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.tracking.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's MQTT client identifier: the configured {@code mqtt.client-id}, or one made once per
 * installation and kept in {@code <data-dir>/mqtt-client-id}: {@code overtalkerr-} and 16 random
 * hex digits. Unpredictable, so another broker client cannot guess it and take over the daemon's
 * session; stable across restarts, so a resumed session finds the same id.
 */
public final class ClientIdentity {
  private static final Logger log = LoggerFactory.getLogger(ClientIdentity.class);
  static final String FILE = "mqtt-client-id";
  private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private ClientIdentity() {}

  /** The identifier to connect with. */
  public static String of(Settings settings) {
    String configured = settings.mqtt().clientId();
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    Path file = settings.dataDir().resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (VALID.matcher(kept).matches()) {
          return kept;
        }
        log.warn("{} does not hold a valid client id; making a new one", file);
      }
      byte[] random = new byte[8];
      new SecureRandom().nextBytes(random);
      String made = "overtalkerr-" + HexFormat.of().formatHex(random);
      PrivateFiles.replace(file, out -> out.write((made + "\n").getBytes(StandardCharsets.UTF_8)), false);
      return made;
    } catch (IOException e) {
      byte[] random = new byte[8];
      new SecureRandom().nextBytes(random);
      String made = "overtalkerr-" + HexFormat.of().formatHex(random);
      log.warn("Cannot keep the MQTT client id in {} ({}); using {} for this run", file, e.getMessage(), made);
      return made;
    }
  }
}
