package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Requester;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaBackend} that detects what answers at the configured address and delegates to the
 * matching client. While the detection is only a fallback guess (nothing answered, see {@link
 * BackendDetector}), every call made after {@code redetectAfter} has passed detects again first, so
 * a backend that was down at boot (or an Ombi mistaken for Seerr) is picked up without a restart.
 * Once confirmed, the client is kept.
 */
public final class DetectingBackend implements MediaBackend {
  private static final Logger log = LoggerFactory.getLogger(DetectingBackend.class);

  private final BackendDetector detector;
  private final String url;
  private final String apiKey;
  private final Optional<BackendFlavour> forced;
  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Duration budget;
  private final Duration redetectAfter;
  private final Clock clock;
  private MediaBackend client;
  private boolean confirmed;
  private Instant detectedAt = Instant.MIN;

  /**
   * @param url the configured backend address
   * @param apiKey its API key
   * @param forced a flavour from the settings, or empty to detect
   * @param http the shared OkHttp client
   * @param json a Jackson mapper
   * @param budget the time one operation may take (detection has its own budget of the same size)
   * @param redetectAfter how long an unconfirmed guess is trusted before detecting again
   * @param clock the time source (tests pass a fixed clock)
   */
  public DetectingBackend(String url, String apiKey, Optional<BackendFlavour> forced, OkHttpClient http,
      ObjectMapper json, Duration budget, Duration redetectAfter, Clock clock) {
    this.detector = new BackendDetector(http, json, budget);
    this.url = url;
    this.apiKey = apiKey;
    this.forced = forced;
    this.http = http;
    this.json = json;
    this.budget = budget;
    this.redetectAfter = redetectAfter;
    this.clock = clock;
  }

  /** The current client, detecting (again) first when there is none or only a stale guess. */
  synchronized MediaBackend client() {
    Instant now = clock.instant();
    if (client == null || !confirmed && !now.isBefore(detectedAt.plus(redetectAfter))) {
      BackendDetector.Detection d = detector.detect(url, forced);
      if (client == null || !d.info().equals(client.info())) {
        log.info("using {} at the configured address", d.info().describe());
        client = Backends.create(d.info(), url, apiKey, http, json, budget);
      }
      confirmed = d.confirmed();
      detectedAt = now;
    }
    return client;
  }

  /** A call on a client. */
  private interface Call<T> {
    T on(MediaBackend client) throws BackendException;
  }

  /**
   * Runs a call on the current client. When the client is only a guess and the call fails (other
   * than by a timeout: a hanging server is left to the re-detect interval), it detects again at
   * once, so an Ombi that returns is recognised on its first call rather than a minute later; a
   * read is then tried once more on the newly detected client (a write is not: it reports).
   */
  private <T> T call(Call<T> call, boolean read) throws BackendException {
    MediaBackend c = client();
    try {
      return call.on(c);
    } catch (BackendException e) {
      if (e.error() == BackendError.TIMEOUT || !guessed(c)) {
        throw e;
      }
      MediaBackend again = detectAgain(c);
      if (read && again != c) {
        return call.on(again);
      }
      throw e;
    }
  }

  private synchronized boolean guessed(MediaBackend c) {
    return c == client && !confirmed;
  }

  /** Detects again now, unless another call already did since {@code failed} was current. */
  private synchronized MediaBackend detectAgain(MediaBackend failed) {
    if (client == failed && !confirmed) {
      detectedAt = Instant.MIN;
    }
    return client();
  }

  /** Whether the current client rests on a confirmed detection (or a forced flavour). */
  public synchronized boolean confirmed() {
    return confirmed;
  }

  @Override
  public BackendInfo info() {
    return client().info();
  }

  @Override
  public List<MediaItem> search(String query, String language) throws BackendException {
    return call(c -> c.search(query, language), true);
  }

  @Override
  public Credits credits(String personName, String language) throws BackendException {
    return client().credits(personName, language);
  }

  @Override
  public boolean searchGivesFilmStatus() {
    return client().searchGivesFilmStatus();
  }

  @Override
  public MediaItem details(MediaType type, int tmdbId, String language) throws BackendException {
    return call(c -> c.details(type, tmdbId, language), true);
  }

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    return call(c -> c.request(request, requester), false);
  }

  @Override
  public List<RequestRecord> requests(int limit) throws BackendException {
    return call(c -> c.requests(limit), true);
  }

  @Override
  public Optional<RequestRecord> filedRequest(MediaRequest request, Requester requester) throws BackendException {
    return call(c -> c.filedRequest(request, requester), true);
  }

  @Override
  public Optional<RequestRecord> existingRequest(MediaType type, int tmdbId) throws BackendException {
    return call(c -> c.existingRequest(type, tmdbId), true);
  }

  @Override
  public Optional<RequestRecord> request(String id) throws BackendException {
    return client().request(id);
  }

  @Override
  public dev.overtalkerr.domain.RequestCounts requestCounts() throws BackendException {
    return client().requestCounts();
  }

  @Override
  public List<BackendUser> users() throws BackendException {
    return call(c -> c.users(), true);
  }
}
