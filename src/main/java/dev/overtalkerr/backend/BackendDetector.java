package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which request manager answers at an address, without credentials:
 *
 * <ol>
 *   <li>{@code GET /api/v1/status}: a JSON object with a {@code version} is the Seerr family; the
 *       bare JSON number {@code 200} is Ombi (ASP.NET routes are case-insensitive).
 *   <li>Seerr family: {@code GET /api/v1/settings/public}. Without {@code mediaServerType} it is
 *       Overseerr; with it, version 3+ is Seerr and 1.x/2.x Jellyseerr. A {@code develop-…} build
 *       is told by its settings: {@code hideBlocklisted} is Seerr, otherwise Jellyseerr.
 *   <li>Ombi: {@code GET /api/v1/Status/info} gives the version ("4.59.3", "3.0.5223"). If
 *       {@code /status} itself was not understood, this probe alone can still identify Ombi.
 * </ol>
 *
 * <p><b>When nothing answers</b> (backend down at boot, wrong URL), the detector does not fail:
 * it returns an unconfirmed {@link Detection} for {@link BackendFlavour#SEERR} with a clear
 * message, and the caller should run {@link #detect} again later (e.g. before the next call, or
 * on a timer) and rebuild its client when the answer changes. Seerr is the sensible guess: it is
 * where Overseerr and Jellyseerr installs are heading, the Seerr client sends only what all three
 * specs accept, and Seerr's status mapping is a superset of Overseerr's. A forced flavour skips the
 * guessing; the detector then only tries to read the version.
 */
public final class BackendDetector {
  private static final Logger log = LoggerFactory.getLogger(BackendDetector.class);

  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Duration budget;

  /**
   * @param http the shared OkHttp client
   * @param json a Jackson mapper
   * @param budget the time the whole detection may take
   */
  public BackendDetector(OkHttpClient http, ObjectMapper json, Duration budget) {
    this.http = http;
    this.json = json;
    this.budget = budget;
  }

  /**
   * The outcome of a detection.
   *
   * @param info the flavour (and version when known) to build a client for
   * @param confirmed true when the backend answered and was recognised (or the flavour was forced);
   *     false for the fallback guess, which should be re-detected later
   * @param message what was found, for logs and the admin
   */
  public record Detection(BackendInfo info, boolean confirmed, String message) {}

  /** Detects the backend at {@code baseUrl}; {@code forced} (from the settings) wins when present. */
  public Detection detect(String baseUrl, Optional<BackendFlavour> forced) {
    HttpUrl base = BackendHttp.baseUrl(baseUrl);
    BackendHttp transport = new BackendHttp(http, json, budget, null, "the backend");
    BackendHttp.Deadline deadline = transport.deadline();
    Detection detection;
    if (forced.isPresent()) {
      BackendFlavour flavour = forced.get();
      String version = flavour == BackendFlavour.DEMO ? null
          : flavour == BackendFlavour.OMBI ? ombiVersion(transport, base, deadline)
          : seerrVersion(transport, base, deadline);
      detection = new Detection(new BackendInfo(flavour, version), true,
          "using " + new BackendInfo(flavour, version).describe() + " as configured");
    } else {
      detection = probe(transport, base, deadline);
    }
    if (detection.confirmed()) {
      log.info("backend at {}: {}", base.redact(), detection.message());
    } else {
      log.warn("backend at {}: {}", base.redact(), detection.message());
    }
    return detection;
  }

  private Detection probe(BackendHttp transport, HttpUrl base, BackendHttp.Deadline deadline) {
    BackendHttp.Reply status;
    try {
      status = transport.idempotent(get(base, "api/v1/status"), deadline);
    } catch (BackendException e) {
      return fallback("nothing answered (" + e.getMessage() + ")");
    }
    JsonNode body = transport.parseQuietly(status.body());
    if (status.ok() && body.isObject() && body.path("version").isTextual()) {
      return seerrFamily(transport, base, deadline, body.path("version").asText());
    }
    if (status.ok() && body.isNumber()) {
      String version = ombiVersion(transport, base, deadline);
      return found(new BackendInfo(BackendFlavour.OMBI, version));
    }
    String version = ombiVersion(transport, base, deadline);
    if (version != null) {
      return found(new BackendInfo(BackendFlavour.OMBI, version));
    }
    return fallback("something answered /api/v1/status with HTTP " + status.code()
        + " but it is neither Seerr, Overseerr, Jellyseerr nor Ombi; check the URL (a reverse-proxy sub-path?)");
  }

  private Detection seerrFamily(BackendHttp transport, HttpUrl base, BackendHttp.Deadline deadline, String version) {
    JsonNode settings;
    try {
      BackendHttp.Reply reply = transport.idempotent(get(base, "api/v1/settings/public"), deadline);
      settings = reply.ok() ? transport.parseQuietly(reply.body()) : null;
    } catch (BackendException e) {
      settings = null;
    }
    if (settings == null || !settings.isObject()) {
      // the status shape is certain, the product is not: guess by the version number
      BackendFlavour guess = major(version) >= 3 ? BackendFlavour.SEERR
          : major(version) == 2 ? BackendFlavour.JELLYSEERR : BackendFlavour.OVERSEERR;
      return new Detection(new BackendInfo(guess, version), false,
          "a Seerr-family server " + version + " answered, but its public settings did not; assuming "
              + guess.displayName());
    }
    BackendFlavour flavour;
    if (!settings.has("mediaServerType")) {
      flavour = BackendFlavour.OVERSEERR;
    } else if (version.startsWith("develop")) {
      flavour = settings.has("hideBlocklisted") ? BackendFlavour.SEERR : BackendFlavour.JELLYSEERR;
    } else {
      flavour = major(version) >= 3 ? BackendFlavour.SEERR : BackendFlavour.JELLYSEERR;
    }
    return found(new BackendInfo(flavour, version));
  }

  private static int major(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, Math.min(end, 6)));
  }

  private String seerrVersion(BackendHttp transport, HttpUrl base, BackendHttp.Deadline deadline) {
    try {
      BackendHttp.Reply reply = transport.idempotent(get(base, "api/v1/status"), deadline);
      JsonNode body = transport.parseQuietly(reply.body());
      return reply.ok() && body.path("version").isTextual() ? body.path("version").asText() : null;
    } catch (BackendException e) {
      return null;
    }
  }

  private String ombiVersion(BackendHttp transport, HttpUrl base, BackendHttp.Deadline deadline) {
    try {
      BackendHttp.Reply reply = transport.idempotent(get(base, "api/v1/Status/info"), deadline);
      JsonNode body = transport.parseQuietly(reply.body());
      return reply.ok() && body.isTextual() && !body.asText().isBlank() ? body.asText() : null;
    } catch (BackendException e) {
      return null;
    }
  }

  private static Request get(HttpUrl base, String path) {
    return new Request.Builder().url(BackendHttp.under(base, path).build()).header("Accept", "application/json")
        .get().build();
  }

  private static Detection found(BackendInfo info) {
    return new Detection(info, true, "detected " + info.describe());
  }

  private static Detection fallback(String why) {
    BackendInfo guess = new BackendInfo(BackendFlavour.SEERR, null);
    return new Detection(guess, false, why + "; assuming " + guess.describe()
        + " for now and detecting again later (set the backend flavour in the settings to skip detection)");
  }
}
