package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Genre;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.Titles;

import static dev.overtalkerr.backend.BackendHttp.bool;
import static dev.overtalkerr.backend.BackendHttp.date;
import static dev.overtalkerr.backend.BackendHttp.doubleOf;
import static dev.overtalkerr.backend.BackendHttp.firstText;
import static dev.overtalkerr.backend.BackendHttp.instant;
import static dev.overtalkerr.backend.BackendHttp.intOf;
import static dev.overtalkerr.backend.BackendHttp.intOrNull;
import static dev.overtalkerr.backend.BackendHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client for the Seerr family: Overseerr, Jellyseerr and Seerr, which share one API under
 * {@code /api/v1}. Every request carries {@code X-Api-Key}; a request filed for a household member
 * also carries {@code X-API-User: <numeric id>}, so that the member's permissions, quota and
 * approval rules apply (with the bare key the server would auto-approve as the owner).
 *
 * <p>A series request for "all" seasons is sent as {@code "all"}, except to Overseerr, whose "all"
 * includes season 0 (specials): there the regular season numbers are named instead.
 *
 * <p>The servers validate every incoming request against their OpenAPI spec, so this client only
 * sends parameters and body fields the spec of every flavour allows, and percent-encodes every query
 * value strictly ({@link BackendHttp#encode}). Responses are read leniently as JSON trees.
 *
 * <p>Failures become {@link BackendException}s with stable {@link BackendError}s. GETs are retried
 * (small backoff) within the budget; a POST is never repeated blindly: when it times out or the
 * connection breaks after sending, the title's requests are read back and an existing request is
 * returned. The API key never appears in a log line or message.
 */
public final class SeerrClient implements MediaBackend {
  /** The default budget of one operation, so that a voice reply fits in about 8 s. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(6);

  private static final Logger log = LoggerFactory.getLogger(SeerrClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int USER_PAGE = 50;
  private static final int MAX_USER_PAGES = 20;

  private final HttpUrl base;
  private final String apiKey;
  private final BackendInfo info;
  private final BackendHttp http;

  /**
   * @param baseUrl where the server answers (may include a sub-path such as {@code /seerr})
   * @param apiKey the global API key (Settings → General)
   * @param info flavour (OVERSEERR, JELLYSEERR or SEERR) and version, as detected
   * @param client the shared OkHttp client
   * @param json a Jackson mapper (only trees are read, so its settings barely matter)
   * @param budget the time one operation may take, retries and follow-up calls included
   */
  public SeerrClient(HttpUrl baseUrl, String apiKey, BackendInfo info, OkHttpClient client, ObjectMapper json,
      Duration budget) {
    if (!info.flavour().isSeerrFamily()) {
      throw new IllegalArgumentException("SeerrClient serves Overseerr, Jellyseerr and Seerr, not " + info.flavour());
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("an API key is required");
    }
    this.base = baseUrl;
    this.apiKey = apiKey;
    this.info = info;
    this.http = new BackendHttp(client, json, budget, apiKey, info.flavour().displayName());
  }

  /** Convenience: a text URL, a flavour without version and the {@link #DEFAULT_BUDGET}. */
  public SeerrClient(String baseUrl, String apiKey, BackendFlavour flavour, OkHttpClient client, ObjectMapper json) {
    this(BackendHttp.baseUrl(baseUrl), apiKey, new BackendInfo(flavour, null), client, json, DEFAULT_BUDGET);
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  // ---------------------------------------------------------------- search and details

  @Override
  public List<MediaItem> search(String query, String language) throws BackendException {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    HttpUrl.Builder url = BackendHttp.under(base, "api/v1/search")
        .addEncodedQueryParameter("query", BackendHttp.encode(query.trim()))
        .addEncodedQueryParameter("page", "1");
    if (language != null && !language.isBlank()) {
      url.addEncodedQueryParameter("language", BackendHttp.encode(language.trim()));
    }
    JsonNode body = getJson(url.build(), "search");
    if (!body.path("results").isArray()) {
      // not "nothing found": a proxy page or another API answered in JSON
      throw new BackendException(BackendError.BAD_RESPONSE, info.flavour().displayName() + " answered search without a results list");
    }
    List<MediaItem> items = new ArrayList<>();
    for (JsonNode r : body.path("results")) {
      Optional<dev.overtalkerr.domain.MediaType> type = dev.overtalkerr.domain.MediaType.fromWire(text(r, "mediaType"));
      if (type.isEmpty()) {
        continue; // persons, collections and anything new are dropped
      }
      MediaItem item = item(r, type.get(), seasonsFromMediaInfo(r.path("mediaInfo")));
      if (item.isComplete()) {
        items.add(item);
      } else {
        log.debug("skipped a search result without a title or id");
      }
    }
    return items;
  }

  /** Search results carry {@code mediaInfo.status} and {@code status4k}. */
  @Override
  public boolean searchGivesFilmStatus() {
    return true;
  }

  @Override
  public MediaItem details(dev.overtalkerr.domain.MediaType type, int tmdbId, String language)
      throws BackendException {
    return details(type, tmdbId, language, http.deadline());
  }

  private MediaItem details(dev.overtalkerr.domain.MediaType type, int tmdbId, String language,
      BackendHttp.Deadline deadline) throws BackendException {
    JsonNode body = getJson(detailsUrl(type, tmdbId, language), type.wire() + " details", deadline);
    if (type == dev.overtalkerr.domain.MediaType.MOVIE) {
      return item(body, type, List.of());
    }
    Map<Integer, JsonNode> known = new HashMap<>();
    for (JsonNode s : body.path("mediaInfo").path("seasons")) {
      known.put(intOf(s, "seasonNumber", -1), s);
    }
    Map<Integer, Availability> requested = requestedSeasons(body.path("mediaInfo"), false);
    Map<Integer, Availability> requested4k = requestedSeasons(body.path("mediaInfo"), true);
    List<Season> seasons = new ArrayList<>();
    for (JsonNode s : body.path("seasons")) {
      int number = intOf(s, "seasonNumber", -1);
      if (number < 0) {
        continue;
      }
      JsonNode status = known.getOrDefault(number, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
      LocalDate aired = date(text(s, "airDate"));
      seasons.add(new Season(number, intOf(s, "episodeCount", 0), aired == null ? null : aired.getYear(),
          orRequested(availability(intOf(status, "status", 1)), requested.get(number)),
          orRequested(availability(intOf(status, "status4k", 1)), requested4k.get(number))));
    }
    return item(body, type, seasons);
  }

  private HttpUrl detailsUrl(dev.overtalkerr.domain.MediaType type, int tmdbId, String language) {
    HttpUrl.Builder url = BackendHttp.under(base, "api/v1/" + type.wire() + "/" + tmdbId);
    if (language != null && !language.isBlank()) {
      url.addEncodedQueryParameter("language", BackendHttp.encode(language.trim()));
    }
    return url.build();
  }

  private MediaItem item(JsonNode r, dev.overtalkerr.domain.MediaType type, List<Season> seasons) {
    JsonNode mediaInfo = r.path("mediaInfo");
    Integer tvdbId = intOrNull(r.path("externalIds"), "tvdbId");
    if (tvdbId == null) {
      tvdbId = intOrNull(mediaInfo, "tvdbId");
    }
    return new MediaItem(type, intOf(r, "id", 0), type == dev.overtalkerr.domain.MediaType.TV ? tvdbId : null,
        firstText(r, "title", "name"), firstText(r, "originalTitle", "originalName"), List.of(),
        date(firstText(r, "releaseDate", "firstAirDate")), text(r, "overview"), text(r, "posterPath"),
        text(r, "originalLanguage"), doubleOf(r, "popularity"), intOf(r, "voteCount", 0),
        availability(intOf(mediaInfo, "status", 1)), availability(intOf(mediaInfo, "status4k", 1)), seasons,
        genres(r), countries(r));
  }

  /** Search results carry {@code genreIds}, details {@code genres[].id}. */
  private static Set<Genre> genres(JsonNode r) {
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    for (JsonNode id : r.path("genreIds")) {
      Genre.fromTmdb(id.asInt(-1)).ifPresent(genres::add);
    }
    for (JsonNode g : r.path("genres")) {
      Genre.fromTmdb(g.path("id").asInt(-1)).ifPresent(genres::add);
    }
    return genres;
  }

  /** Series carry {@code originCountry}; film details {@code productionCountries[].iso_3166_1}. */
  private static List<String> countries(JsonNode r) {
    List<String> countries = new ArrayList<>();
    for (JsonNode c : r.path("originCountry")) {
      if (c.isTextual() && !c.asText().isBlank()) {
        countries.add(c.asText().toUpperCase(Locale.ROOT));
      }
    }
    return countries;
  }

  // ---------------------------------------------------------------- people

  /**
   * Finds the person through the ordinary search (person results; the spec has no person-only
   * search) and reads their combined credits. The person whose name matches the spoken one wins,
   * else the first person result (TMDB orders them by popularity).
   */
  @Override
  public Credits credits(String personName, String language) throws BackendException {
    if (personName == null || personName.isBlank()) {
      return Credits.none(personName);
    }
    BackendHttp.Deadline deadline = http.deadline();
    HttpUrl.Builder url = BackendHttp.under(base, "api/v1/search")
        .addEncodedQueryParameter("query", BackendHttp.encode(personName.trim()))
        .addEncodedQueryParameter("page", "1");
    if (language != null && !language.isBlank()) {
      url.addEncodedQueryParameter("language", BackendHttp.encode(language.trim()));
    }
    JsonNode body = getJson(url.build(), "person search", deadline);
    String spoken = Titles.normalize(personName);
    JsonNode person = null;
    for (JsonNode r : body.path("results")) {
      if (!"person".equals(text(r, "mediaType")) || intOf(r, "id", 0) <= 0) {
        continue;
      }
      if (Titles.normalize(text(r, "name")).equals(spoken)) {
        person = r;
        break;
      }
      if (person == null) {
        person = r;
      }
    }
    if (person == null) {
      log.debug("no person found for a spoken name");
      return Credits.none(personName);
    }
    int id = intOf(person, "id", 0);
    HttpUrl.Builder creditsUrl = BackendHttp.under(base, "api/v1/person/" + id + "/combined_credits");
    if (language != null && !language.isBlank()) {
      creditsUrl.addEncodedQueryParameter("language", BackendHttp.encode(language.trim()));
    }
    JsonNode credits = getJson(creditsUrl.build(), "credits", deadline);
    Set<Credits.Credit> titles = new HashSet<>();
    for (String part : List.of("cast", "crew")) {
      for (JsonNode c : credits.path(part)) {
        Optional<dev.overtalkerr.domain.MediaType> type = dev.overtalkerr.domain.MediaType.fromWire(text(c, "mediaType"));
        int tmdbId = intOf(c, "id", 0);
        if (type.isPresent() && tmdbId > 0) {
          titles.add(new Credits.Credit(type.get(), tmdbId));
        }
      }
    }
    String name = text(person, "name");
    return new Credits(name == null ? personName : name, titles);
  }

  /**
   * The seasons that requests ask for, by number: PENDING while the request awaits approval,
   * PROCESSING once approved. Right after a request the real server keeps a season only here
   * ({@code mediaInfo.requests[].seasons}) while {@code mediaInfo.seasons} stays empty until the
   * media server syncs; declined and failed requests ask for nothing.
   */
  private static Map<Integer, Availability> requestedSeasons(JsonNode mediaInfo, boolean fourK) {
    Map<Integer, Availability> requested = new HashMap<>();
    for (JsonNode r : mediaInfo.path("requests")) {
      if (bool(r, "is4k") != fourK) {
        continue;
      }
      Availability status = switch (requestStatus(intOf(r, "status", 0))) {
        case PENDING_APPROVAL -> Availability.PENDING;
        case APPROVED, COMPLETED -> Availability.PROCESSING;
        default -> null;
      };
      if (status == null) {
        continue;
      }
      for (JsonNode s : r.path("seasons")) {
        requested.merge(intOf(s, "seasonNumber", -1), status,
            (a, b) -> a == Availability.PROCESSING || b == Availability.PROCESSING ? Availability.PROCESSING : a);
      }
    }
    return requested;
  }

  /** What the media server reports, unless it knows nothing yet while a request asks for it. */
  private static Availability orRequested(Availability synced, Availability requested) {
    return requested != null && (synced == Availability.UNKNOWN || synced == Availability.DELETED) ? requested : synced;
  }

  /** Overseerr puts per-season statuses into search results too; Seerr does not (then: empty). */
  private List<Season> seasonsFromMediaInfo(JsonNode mediaInfo) {
    List<Season> seasons = new ArrayList<>();
    for (JsonNode s : mediaInfo.path("seasons")) {
      int number = intOf(s, "seasonNumber", -1);
      if (number >= 0) {
        seasons.add(new Season(number, 0, null, availability(intOf(s, "status", 1)),
            availability(intOf(s, "status4k", 1))));
      }
    }
    return seasons;
  }

  /**
   * Maps a MediaStatus number for this client's flavour: 1 unknown, 2 pending, 3 processing, 4
   * partly available, 5 available; Jellyseerr and Seerr add 6 blocklisted and 7 deleted, which
   * Overseerr never sends (there they read as unknown).
   */
  public Availability availability(int code) {
    return availability(code, info.flavour());
  }

  /** The flavour-aware MediaStatus mapping behind {@link #availability(int)}. */
  public static Availability availability(int code, BackendFlavour flavour) {
    boolean newer = flavour == BackendFlavour.JELLYSEERR || flavour == BackendFlavour.SEERR;
    return switch (code) {
      case 2 -> Availability.PENDING;
      case 3 -> Availability.PROCESSING;
      case 4 -> Availability.PARTIALLY_AVAILABLE;
      case 5 -> Availability.AVAILABLE;
      case 6 -> newer ? Availability.BLOCKLISTED : Availability.UNKNOWN;
      case 7 -> newer ? Availability.DELETED : Availability.UNKNOWN;
      default -> Availability.UNKNOWN;
    };
  }

  /** Maps a MediaRequestStatus number (1 pending, 2 approved, 3 declined, 4 failed, 5 completed). */
  public static RequestStatus requestStatus(int code) {
    return switch (code) {
      case 1 -> RequestStatus.PENDING_APPROVAL;
      case 2 -> RequestStatus.APPROVED;
      case 3 -> RequestStatus.DECLINED;
      case 4 -> RequestStatus.FAILED;
      case 5 -> RequestStatus.COMPLETED;
      default -> RequestStatus.UNKNOWN;
    };
  }

  // ---------------------------------------------------------------- requests

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    BackendHttp.Deadline deadline = http.deadline();
    String userId = userHeader(requester);
    ObjectNode body = http.json().createObjectNode();
    body.put("mediaType", request.type().wire());
    body.put("mediaId", request.tmdbId());
    if (request.type() == dev.overtalkerr.domain.MediaType.TV) {
      if (request.tvdbId() != null) {
        body.put("tvdbId", request.tvdbId());
      }
      if (request.seasons().all() && info.flavour() == BackendFlavour.OVERSEERR) {
        // Overseerr's "all" includes season 0 (specials), which is never requested implicitly:
        // name the regular seasons instead (the server still drops those already requested)
        ArrayNode seasons = body.putArray("seasons");
        details(request.type(), request.tmdbId(), null, deadline).regularSeasons()
            .forEach(s -> seasons.add(s.number()));
        if (seasons.isEmpty()) {
          throw new BackendException(BackendError.NOT_FOUND, "Overseerr lists no seasons for series " + request.tmdbId());
        }
      } else if (request.seasons().all()) {
        body.put("seasons", "all");
      } else {
        ArrayNode seasons = body.putArray("seasons");
        request.seasons().numbers().forEach(seasons::add);
      }
    }
    body.put("is4k", request.is4k());
    String payload = body.toString();

    Request post = authed(BackendHttp.under(base, "api/v1/request").build(), userId)
        .post(RequestBody.create(payload, JSON)).build();
    BackendHttp.PostOutcome outcome = postOnce(post, request, requester, deadline);
    if (outcome.reply() != null && outcome.reply().code() == 403 && isCsrf(outcome.reply())) {
      outcome = retryWithCsrfToken(post, payload, request, requester, deadline);
    }
    if (outcome.stored() != null) {
      return outcome.stored();
    }
    BackendHttp.Reply reply = outcome.reply();
    if (reply.code() == 202) {
      throw new BackendException(BackendError.NO_SEASONS_LEFT,
          info.flavour().displayName() + ": " + message(reply, "no seasons available to request"));
    }
    if (!reply.ok()) {
      throw error(reply, "the request", requester, deadline);
    }
    RequestRecord record = requestRecord(http.parse(reply, "the request"), request.type(), request.tmdbId());
    log.info("filed {} request {} for tmdb {} as {} ({})", request.type().wire(), record.id(), request.tmdbId(),
        requester.displayName(), record.status().wire());
    return record;
  }

  private BackendHttp.PostOutcome postOnce(Request post, MediaRequest request, Requester requester,
      BackendHttp.Deadline deadline) throws BackendException {
    return http.postOnce(post, deadline, () -> findRequest(request, requester, deadline));
  }

  private Optional<RequestRecord> findRequest(MediaRequest request, Requester requester,
      BackendHttp.Deadline deadline) throws BackendException {
    JsonNode title = getJson(detailsUrl(request.type(), request.tmdbId(), null), "the title", deadline);
    List<RequestRecord> records = new ArrayList<>();
    for (JsonNode r : title.path("mediaInfo").path("requests")) {
      records.add(requestRecord(r, request.type(), request.tmdbId()));
    }
    return RequestRecord.newestFiled(records, request, requester);
  }

  private boolean isCsrf(BackendHttp.Reply reply) {
    return message(reply, "").toLowerCase(Locale.ROOT).contains("csrf");
  }

  /**
   * CSRF protection answers 403 "invalid csrf token" even to API-key calls. Tries csurf's token
   * exchange once (a GET sets the {@code _csrf} and {@code XSRF-TOKEN} cookies; the POST echoes the
   * token in {@code X-XSRF-TOKEN}); if that does not help, the admin has to switch the setting off.
   * Retrying here is safe: csurf rejects before the request is looked at.
   */
  private BackendHttp.PostOutcome retryWithCsrfToken(Request post, String payload, MediaRequest request,
      Requester requester, BackendHttp.Deadline deadline) throws BackendException {
    BackendHttp.Reply page = http.idempotent(new Request.Builder()
        .url(BackendHttp.under(base, "api/v1/settings/public").build()).header("X-Api-Key", apiKey).build(), deadline);
    Map<String, String> cookies = new HashMap<>();
    for (String setCookie : page.headers().values("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    String token = cookies.get("XSRF-TOKEN");
    BackendHttp.PostOutcome outcome = null;
    if (token != null) {
      StringBuilder cookie = new StringBuilder();
      cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      Request retry = post.newBuilder().header("Cookie", cookie.toString())
          .header("X-XSRF-TOKEN", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8))
          .post(RequestBody.create(payload, JSON)).build();
      outcome = postOnce(retry, request, requester, deadline);
    }
    if (outcome == null || (outcome.reply() != null && outcome.reply().code() == 403 && isCsrf(outcome.reply()))) {
      throw new BackendException(BackendError.CSRF_PROTECTION, csrfAdvice());
    }
    return outcome;
  }

  private String csrfAdvice() {
    String where = switch (info.flavour()) {
      case OVERSEERR -> "Settings → General → \"Enable CSRF Protection\"";
      case SEERR -> "Settings → Network → \"Enable CSRF Protection\"";
      default -> "Settings → General (Settings → Network on newer versions) → \"Enable CSRF Protection\"";
    };
    return info.flavour().displayName() + " has CSRF protection switched on, which blocks API requests: "
        + "switch off " + where + " in its web interface";
  }

  @Override
  public List<RequestRecord> requests(int limit) throws BackendException {
    int take = Math.max(1, Math.min(limit, 100));
    HttpUrl url = BackendHttp.under(base, "api/v1/request")
        .addEncodedQueryParameter("take", Integer.toString(take))
        .addEncodedQueryParameter("skip", "0")
        .addEncodedQueryParameter("filter", "all")
        .addEncodedQueryParameter("sort", "modified")
        .build();
    JsonNode body = getJson(url, "the request list");
    List<RequestRecord> records = new ArrayList<>();
    for (JsonNode r : body.path("results")) {
      records.add(requestRecord(r, null, 0));
    }
    return records;
  }

  /** Read as after a timed-out request: the title's own requests ({@code mediaInfo.requests}). */
  @Override
  public Optional<RequestRecord> filedRequest(MediaRequest request, Requester requester) throws BackendException {
    return findRequest(request, requester, http.deadline());
  }

  @Override
  public Optional<RequestRecord> existingRequest(dev.overtalkerr.domain.MediaType type, int tmdbId)
      throws BackendException {
    JsonNode title = getJson(detailsUrl(type, tmdbId, null), "the title");
    for (JsonNode r : title.path("mediaInfo").path("requests")) {
      RequestRecord record = requestRecord(r, type, tmdbId);
      if (record.status() != RequestStatus.DECLINED) {
        return Optional.of(record);
      }
    }
    return Optional.empty();
  }

  /**
   * The server's own counters ({@code GET /request/count}). "Available" is Seerr 3's
   * {@code completed} or the older {@code available}, whichever is larger (Jellyseerr 2.7 leaves
   * {@code available} at 0); "processing" is approved and not yet available.
   */
  @Override
  public dev.overtalkerr.domain.RequestCounts requestCounts() throws BackendException {
    JsonNode n = getJson(BackendHttp.under(base, "api/v1/request/count").build(), "the request count");
    return new dev.overtalkerr.domain.RequestCounts(intOf(n, "pending", 0), intOf(n, "processing", 0),
        Math.max(intOf(n, "available", 0), intOf(n, "completed", 0)), intOf(n, "declined", 0), intOf(n, "total", 0));
  }

  @Override
  public Optional<RequestRecord> request(String id) throws BackendException {
    if (id == null || !id.matches("\\d{1,10}")) {
      return Optional.empty();
    }
    BackendHttp.Deadline deadline = http.deadline();
    BackendHttp.Reply reply = http.idempotent(authed(BackendHttp.under(base, "api/v1/request/" + id).build(), null)
        .get().build(), deadline);
    if (reply.code() == 404) {
      return Optional.empty();
    }
    if (!reply.ok()) {
      throw error(reply, "request " + id, Requester.OWNER, deadline);
    }
    return Optional.of(requestRecord(http.parse(reply, "request " + id), null, 0));
  }

  private RequestRecord requestRecord(JsonNode r, dev.overtalkerr.domain.MediaType typeHint, int tmdbHint) {
    JsonNode media = r.path("media");
    dev.overtalkerr.domain.MediaType type = dev.overtalkerr.domain.MediaType.fromWire(firstText(r, "type"))
        .or(() -> dev.overtalkerr.domain.MediaType.fromWire(text(media, "mediaType")))
        .orElse(typeHint == null ? dev.overtalkerr.domain.MediaType.MOVIE : typeHint);
    boolean is4k = bool(r, "is4k");
    List<Integer> seasons = new ArrayList<>();
    for (JsonNode s : r.path("seasons")) {
      seasons.add(intOf(s, "seasonNumber", 0));
    }
    JsonNode by = r.path("requestedBy");
    String requestedBy = by.isObject() ? text(by, "id") : null;
    return new RequestRecord(text(r, "id"), type, intOf(media, "tmdbId", tmdbHint), null,
        requestStatus(intOf(r, "status", 0)), availability(intOf(media, is4k ? "status4k" : "status", 1)), seasons,
        is4k, requestedBy, instant(text(r, "createdAt")));
  }

  // ---------------------------------------------------------------- users

  @Override
  public List<BackendUser> users() throws BackendException {
    BackendHttp.Deadline deadline = http.deadline();
    List<BackendUser> users = new ArrayList<>();
    for (int page = 0; page < MAX_USER_PAGES; page++) {
      HttpUrl url = BackendHttp.under(base, "api/v1/user")
          .addEncodedQueryParameter("take", Integer.toString(USER_PAGE))
          .addEncodedQueryParameter("skip", Integer.toString(page * USER_PAGE))
          .addEncodedQueryParameter("sort", "created")
          .build();
      JsonNode body = getJson(url, "the user list", deadline);
      int count = 0;
      for (JsonNode u : body.path("results")) {
        count++;
        users.add(new BackendUser(text(u, "id"),
            firstText(u, "displayName", "username", "plexUsername", "jellyfinUsername", "email"), text(u, "email")));
      }
      int pages = intOf(body.path("pageInfo"), "pages", 1);
      if (count < USER_PAGE || page + 1 >= pages) {
        break;
      }
    }
    return users;
  }

  // ---------------------------------------------------------------- transport and errors

  private String userHeader(Requester requester) throws BackendException {
    if (requester == null || requester.isOwner()) {
      return null;
    }
    String id = requester.backendUserId().trim();
    if (!id.matches("\\d{1,10}")) {
      throw new BackendException(BackendError.USER_NOT_MAPPED, info.flavour().displayName()
          + " user ids are numbers; \"" + requester.displayName() + "\" is mapped to a non-numeric id");
    }
    return id;
  }

  private Request.Builder authed(HttpUrl url, String userId) {
    Request.Builder b = new Request.Builder().url(url).header("X-Api-Key", apiKey).header("Accept", "application/json");
    if (userId != null) {
      b.header("X-API-User", userId);
    }
    return b;
  }

  private JsonNode getJson(HttpUrl url, String what) throws BackendException {
    return getJson(url, what, http.deadline());
  }

  private JsonNode getJson(HttpUrl url, String what, BackendHttp.Deadline deadline) throws BackendException {
    BackendHttp.Reply reply = http.idempotent(authed(url, null).get().build(), deadline);
    if (!reply.ok()) {
      throw error(reply, what, Requester.OWNER, deadline);
    }
    JsonNode body = http.parse(reply, what);
    if (!body.isObject()) {
      throw new BackendException(BackendError.BAD_RESPONSE,
          info.flavour().displayName() + " answered " + what + " without a JSON object");
    }
    return body;
  }

  /** The backend's own message: {@code message}, or {@code error} for the permission middleware. */
  private String message(BackendHttp.Reply reply, String fallback) {
    JsonNode body = http.parseQuietly(reply.body());
    String text = firstText(body, "message", "error");
    return http.redact(text == null ? fallback : text);
  }

  private BackendException error(BackendHttp.Reply reply, String what, Requester requester,
      BackendHttp.Deadline deadline) {
    String name = info.flavour().displayName();
    String msg = message(reply, "HTTP " + reply.code());
    String lower = msg.toLowerCase(Locale.ROOT);
    String text = name + " refused " + what + " (HTTP " + reply.code() + "): " + msg;
    return switch (reply.code()) {
      case 401 -> new BackendException(BackendError.AUTH_REFUSED, name + " did not accept the API key (HTTP 401)");
      case 403 -> {
        if (lower.contains("csrf")) {
          yield new BackendException(BackendError.CSRF_PROTECTION, csrfAdvice());
        }
        if (lower.contains("quota")) {
          yield new BackendException(BackendError.QUOTA_EXCEEDED, text);
        }
        if (lower.contains("blacklist") || lower.contains("blocklist")) {
          yield new BackendException(BackendError.BLOCKLISTED, text);
        }
        if (lower.contains("access this endpoint")) {
          yield accessRefused(requester, deadline);
        }
        yield new BackendException(BackendError.PERMISSION_DENIED, text);
      }
      case 404 -> new BackendException(BackendError.NOT_FOUND, text);
      case 409 -> new BackendException(BackendError.ALREADY_REQUESTED, text);
      case 400, 405, 415 -> new BackendException(BackendError.BAD_RESPONSE, text);
      default -> {
        if (reply.code() >= 500 && lower.startsWith("unable to retrieve") && !what.equals("search")) {
          yield new BackendException(BackendError.NOT_FOUND, text); // how the API says "no such TMDB id"
        }
        yield new BackendException(reply.code() >= 500 ? BackendError.SERVER_ERROR : BackendError.BAD_RESPONSE, text);
      }
    };
  }

  /**
   * The permission middleware answers the same 403 to a wrong key and to an unknown X-API-User. As
   * the owner it is the key; as a user one GET /auth/me without X-API-User tells the two apart.
   */
  private BackendException accessRefused(Requester requester, BackendHttp.Deadline deadline) {
    String name = info.flavour().displayName();
    if (requester == null || requester.isOwner()) {
      return new BackendException(BackendError.AUTH_REFUSED, name + " refused the API key (HTTP 403)");
    }
    try {
      BackendHttp.Reply me = http.idempotent(authed(BackendHttp.under(base, "api/v1/auth/me").build(), null).get().build(),
          deadline);
      if (me.code() == 401 || me.code() == 403) {
        return new BackendException(BackendError.AUTH_REFUSED, name + " refused the API key (HTTP 403)");
      }
    } catch (BackendException e) {
      log.debug("could not tell a bad key from an unknown user: {}", e.getMessage());
    }
    return new BackendException(BackendError.PERMISSION_DENIED, name + " refused user id "
        + requester.backendUserId() + " (" + requester.displayName() + "): unknown user or no permission");
  }

  @Override
  public String toString() {
    return "SeerrClient[" + info.describe() + " at " + base.redact() + "]";
  }
}
