package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.RequestRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport shared by the backend clients: one budget per operation, retries for GETs only,
 * I/O failures mapped to {@link BackendError}s, strict percent-encoding, lenient JSON helpers and
 * redaction of the API key from every message.
 */
final class BackendHttp {
  private static final Logger log = LoggerFactory.getLogger(BackendHttp.class);
  private static final int MAX_GET_ATTEMPTS = 3;
  private static final long BACKOFF_MILLIS = 100;
  /** The most of a reply body that is read; a larger answer is a {@link BackendError#BAD_RESPONSE}. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Duration budget;
  private final String secret;
  private final String product;

  BackendHttp(OkHttpClient http, ObjectMapper json, Duration budget, String secret, String product) {
    if (budget == null || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the backend budget must be positive");
    }
    // never follow a redirect, whatever client we are given: a 301/302/303 would turn a POST into a
    // GET that "succeeds", and a redirect to another host would carry the API key there
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.json = json;
    this.budget = budget;
    this.secret = secret == null ? "" : secret;
    this.product = product;
  }

  ObjectMapper json() {
    return json;
  }

  /** Starts the clock for one public operation; every call it makes shares the budget. */
  Deadline deadline() {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  /** The end of an operation's budget. */
  static final class Deadline {
    private final long endNanos;

    Deadline(long endNanos) {
      this.endNanos = endNanos;
    }

    long remainingMillis() {
      return Math.max(0, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
    }
  }

  /** A received answer, fully read. */
  record Reply(int code, String body, Headers headers) {
    boolean ok() {
      return code >= 200 && code < 300;
    }
  }

  /**
   * Runs an idempotent call (a GET, or a search that changes nothing), retrying connection
   * failures and 429/502/503/504 with a small backoff while the budget lasts. Never use it for a
   * call that changes state: those go through {@link #once} exactly once.
   */
  Reply idempotent(Request request, Deadline deadline) throws BackendException {
    BackendException last = null;
    for (int attempt = 1; attempt <= MAX_GET_ATTEMPTS; attempt++) {
      long remaining = deadline.remainingMillis();
      if (remaining <= 0) {
        break;
      }
      try {
        Reply reply = once(request, remaining);
        if (!isTransient(reply.code()) || attempt == MAX_GET_ATTEMPTS) {
          return reply;
        }
        last = new BackendException(BackendError.SERVER_ERROR,
            product + " answered " + reply.code() + " to " + describe(request));
      } catch (IOException e) {
        last = failure(e, request);
        if (last.error() == BackendError.TIMEOUT || last.error() == BackendError.REDIRECTED
            || last.error() == BackendError.BAD_RESPONSE) {
          break; // the budget is spent, or another attempt would get the same answer
        }
      }
      long pause = BACKOFF_MILLIS * attempt;
      if (deadline.remainingMillis() <= pause) {
        break;
      }
      log.debug("retrying {} after attempt {} failed: {}", describe(request), attempt, last.getMessage());
      sleep(pause);
    }
    if (last == null) {
      last = new BackendException(BackendError.TIMEOUT, product + " did not answer within " + budget.toMillis() + " ms");
    }
    throw last;
  }

  /** Sends a request once, never retried (for POSTs), bounded by {@code timeoutMillis}. */
  Reply once(Request request, long timeoutMillis) throws IOException {
    long started = System.nanoTime();
    Call call = http.newCall(request);
    call.timeout().timeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      log.debug("{} -> {} in {} ms", describe(request), response.code(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      if (response.isRedirect() || (response.code() >= 300 && response.code() < 400 && response.code() != 304)) {
        throw new RedirectedException(response.code(), origin(response.header("Location"), request.url()));
      }
      return new Reply(response.code(), read(response.body()), response.headers());
    }
  }

  /** The body as text, at most {@link #MAX_BODY_BYTES}; more is an {@link OversizedException}. */
  private static String read(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    if (body.contentLength() > MAX_BODY_BYTES) {
      throw new OversizedException(body.contentLength());
    }
    okio.BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1L)) {
      throw new OversizedException(-1);
    }
    return source.getBuffer().readString(StandardCharsets.UTF_8);
  }

  /** Where a redirect points, as scheme://host:port only (a Location may carry anything in its path). */
  private static String origin(String location, HttpUrl from) {
    HttpUrl target = location == null ? null : from.resolve(location);
    return target == null ? "an unreadable address" : target.scheme() + "://" + target.host() + ":" + target.port();
  }

  /** The backend answered with a redirect, which is never followed. */
  static final class RedirectedException extends IOException {
    final int code;
    final String target;

    RedirectedException(int code, String target) {
      super("redirect " + code + " to " + target);
      this.code = code;
      this.target = target;
    }
  }

  /** The backend's answer was larger than {@link #MAX_BODY_BYTES}. */
  static final class OversizedException extends IOException {
    OversizedException(long length) {
      super(length > 0 ? length + " bytes" : "more than " + MAX_BODY_BYTES + " bytes");
    }
  }

  /** Maps an I/O failure to UNREACHABLE or TIMEOUT with a message free of secrets. */
  BackendException failure(IOException e, Request request) {
    String what = describe(request);
    if (e instanceof RedirectedException r) {
      return new BackendException(BackendError.REDIRECTED, redact(product + " answered " + what + " with a redirect (HTTP " + r.code
          + ") to " + r.target + ", which is not followed: set the backend URL to the address it redirects to"));
    }
    if (e instanceof OversizedException) {
      return new BackendException(BackendError.BAD_RESPONSE, redact(product + " answered " + what + " with a body larger than "
          + MAX_BODY_BYTES + " bytes (" + e.getMessage() + "); not read"));
    }
    if (isConnectFailure(e)) {
      return new BackendException(BackendError.UNREACHABLE,
          redact(product + " is not reachable at " + request.url().host() + ":" + request.url().port()
              + " (" + e.getClass().getSimpleName() + ")"));
    }
    if (e instanceof InterruptedIOException) {
      return new BackendException(BackendError.TIMEOUT, redact(product + " did not answer " + what + " in time"));
    }
    return new BackendException(BackendError.UNREACHABLE,
        redact(product + " connection failed during " + what + ": " + e.getClass().getSimpleName()));
  }

  /** What a single POST came to: a reply, or a request found stored after an unclear failure. */
  record PostOutcome(Reply reply, RequestRecord stored) {}

  /** Looks for a request that a POST with an unclear outcome may have stored. */
  interface ReadBack {
    Optional<RequestRecord> find() throws BackendException;
  }

  /**
   * Sends a request-creating POST once, never again. On a timeout or a connection that broke after
   * sending, it asks {@code readBack} whether the request was stored: if so that request is the
   * outcome, otherwise the failure is reported. A refused connection is reported at once (nothing
   * was sent). Two thirds of the remaining budget go to the POST, the rest to the read-back.
   */
  PostOutcome postOnce(Request post, Deadline deadline, ReadBack readBack) throws BackendException {
    long timeout = Math.max(1, deadline.remainingMillis() * 2 / 3);
    try {
      return new PostOutcome(once(post, timeout), null);
    } catch (IOException e) {
      BackendException failure = failure(e, post);
      if (isConnectFailure(e) || e instanceof RedirectedException) {
        throw failure;
      }
      log.warn("{}; checking whether the request was stored before reporting", failure.getMessage());
      Optional<RequestRecord> stored;
      try {
        stored = readBack.find();
      } catch (BackendException checkFailed) {
        log.warn("could not check for the request: {}", checkFailed.getMessage());
        throw failure;
      }
      if (stored.isPresent()) {
        log.info("the request was stored despite the failure: request {}", stored.get().id());
        return new PostOutcome(null, stored.get());
      }
      throw failure;
    }
  }

  /** True when the failure shows the request never reached the server (safe to report at once). */
  static boolean isConnectFailure(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException || e instanceof SSLException;
  }

  private static boolean isTransient(int code) {
    return code == 429 || code == 502 || code == 503 || code == 504;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** "GET /api/v1/search": method and path only (queries hold titles, never secrets, but stay short). */
  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** Removes the API key from text that may reach a log or an exception. */
  String redact(String text) {
    if (text == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, "***");
  }

  /** Parses a reply body as JSON; BAD_RESPONSE when it is not. An empty body gives a MissingNode. */
  JsonNode parse(Reply reply, String what) throws BackendException {
    if (reply.body() == null || reply.body().isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(reply.body());
    } catch (JsonProcessingException e) {
      throw new BackendException(BackendError.BAD_RESPONSE,
          redact(product + " answered " + what + " with something that is not JSON (HTTP " + reply.code() + ")"));
    }
  }

  /** Parses an error body leniently: a JSON tree, or a MissingNode when it is not JSON. */
  JsonNode parseQuietly(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  // ---- encoding ----

  /**
   * Percent-encodes a query value or path segment strictly: everything outside RFC 3986's
   * unreserved set ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX} of its UTF-8 bytes, so a
   * space is {@code %20} (never {@code +}) and {@code ! ' ( ) * : / ? # [ ] @ $ & + , ; =} are all
   * encoded, as the Seerr family's request validator demands.
   */
  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() * 3);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Parses a base URL given as text; IllegalArgumentException with a clear message when invalid. */
  static HttpUrl baseUrl(String url) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    return parsed;
  }

  /** The base URL plus a path below it such as {@code api/v1/search} (a sub-path base is kept). */
  static HttpUrl.Builder under(HttpUrl base, String path) {
    HttpUrl.Builder b = base.newBuilder();
    // drop a trailing empty segment so "http://h/seerr/" and "http://h/seerr" behave the same
    java.util.List<String> segments = base.pathSegments();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      b.removePathSegment(segments.size() - 1);
    }
    return b.addEncodedPathSegments(path);
  }

  // ---- lenient JSON readers ----

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  static int intOf(JsonNode node, String field, int fallback) {
    JsonNode v = node.path(field);
    if (v.isNumber()) {
      return v.asInt();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  static Integer intOrNull(JsonNode node, String field) {
    int v = intOf(node, field, Integer.MIN_VALUE);
    return v == Integer.MIN_VALUE || v == 0 ? null : v;
  }

  static double doubleOf(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asDouble() : 0;
  }

  static boolean bool(JsonNode node, String field) {
    return node.path(field).asBoolean(false);
  }

  /** The date in the first ten characters ("2011-04-17", "1999-03-31T00:00:00"), or null. */
  static LocalDate date(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(value.substring(0, 10));
      return d.getYear() <= 1 ? null : d; // Ombi's DateTime.MinValue means "unset"
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Instant instant(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      LocalDate d = date(value);
      return d == null ? null : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
  }
}
