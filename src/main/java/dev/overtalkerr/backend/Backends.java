package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaBackend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/** Builds the client for a detected (or configured) backend. */
public final class Backends {
  private Backends() {}

  /**
   * The client for {@code info}: {@link SeerrClient} for Overseerr, Jellyseerr and Seerr, {@link
   * OmbiClient} for Ombi (without an ApiAlias; build it directly for one).
   *
   * @throws IllegalArgumentException for {@link BackendFlavour#DEMO}, which is not an HTTP backend,
   *     or for a URL that is not http(s)
   */
  public static MediaBackend create(BackendInfo info, String url, String apiKey, okhttp3.OkHttpClient http,
      ObjectMapper json, Duration budget) {
    Duration b = budget == null ? SeerrClient.DEFAULT_BUDGET : budget;
    return switch (info.flavour()) {
      case OVERSEERR, JELLYSEERR, SEERR -> new SeerrClient(BackendHttp.baseUrl(url), apiKey, info, http, json, b);
      case OMBI -> new OmbiClient(BackendHttp.baseUrl(url), apiKey, null, info, http, json, b);
      case DEMO -> throw new IllegalArgumentException("the demo catalogue is not an HTTP backend");
    };
  }

  /** A Jackson mapper suited to the backends' lenient JSON (unknown properties ignored). */
  public static ObjectMapper lenientMapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
