package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
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
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client for Ombi v4 (and v3 where it differs). Every call carries the {@code ApiKey} header;
 * a request filed for a household member also carries {@code UserName: <Ombi user name>}
 * ({@link Requester#backendUserId()}), so that the member's roles and quotas apply, and the
 * optional {@code ApiAlias} label.
 *
 * <p>How the versions differ, and what this client does:
 *
 * <ul>
 *   <li>v4 searches with {@code POST /api/v2/Search/multi/{term}} (TMDB ids for films and series,
 *       titles with " (YYYY)" appended, no availability); details come from {@code
 *       /api/v2/Search/movie/{tmdbId}} and {@code /api/v2/Search/tv/moviedb/{tmdbId}}, series
 *       requests go to {@code POST /api/v2/Requests/tv} keyed by TMDB id.
 *   <li>v3 searches films (TMDB) and series (TVMaze) separately; its series are keyed by TVDB id,
 *       so on v3 a series' {@link MediaItem#tmdbId()} carries the TVDB id too (Ombi v3 knows no
 *       other key), and requests go to {@code POST /api/v1/Request/tv} with {@code tvDbId}.
 * </ul>
 *
 * <p>Series requests always name the seasons and list every episode number, as Ombi requests only
 * listed episodes; "all" means every regular season Ombi knows (season 0 is never included, unlike
 * Ombi's own {@code requestAll}). Request endpoints answer HTTP 200 with a RequestEngineResult even
 * on failure, so {@code result}, {@code errorCode} and {@code errorMessage} decide the outcome.
 */
public final class OmbiClient implements MediaBackend {
  private static final Logger log = LoggerFactory.getLogger(OmbiClient.class);
  private static final okhttp3.MediaType JSON = okhttp3.MediaType.get("application/json; charset=utf-8");
  private static final Pattern TITLE_YEAR = Pattern.compile("^(.*\\S)\\s+\\((\\d{4})\\)$");

  private final HttpUrl base;
  private final String apiKey;
  private final String apiAlias;
  private final BackendInfo info;
  private final boolean v3;
  private final BackendHttp http;

  /**
   * @param baseUrl where Ombi answers (including its base URL setting, e.g. {@code /ombi})
   * @param apiKey the API key (Settings → Ombi)
   * @param apiAlias a "requested by" label sent with new requests, or null for none
   * @param info OMBI and the version from {@code /api/v1/Status/info}; a version starting with
   *     "3." selects the v3 API, anything else (or null) v4
   * @param client the shared OkHttp client
   * @param json a Jackson mapper
   * @param budget the time one operation may take, follow-up calls included
   */
  public OmbiClient(HttpUrl baseUrl, String apiKey, String apiAlias, BackendInfo info, OkHttpClient client,
      ObjectMapper json, Duration budget) {
    if (info.flavour() != BackendFlavour.OMBI) {
      throw new IllegalArgumentException("OmbiClient serves Ombi, not " + info.flavour());
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("an API key is required");
    }
    this.base = baseUrl;
    this.apiKey = apiKey;
    this.apiAlias = apiAlias == null || apiAlias.isBlank() ? null : apiAlias;
    this.info = info;
    this.v3 = info.version() != null && info.version().startsWith("3.");
    this.http = new BackendHttp(client, json, budget, apiKey, "Ombi");
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  // ---------------------------------------------------------------- search and details

  /**
   * Always no credits: Ombi's multi search can find a person's TMDB id, but its API has no call for
   * a person's credits, so the ranker decides without them (and says so at DEBUG).
   */
  @Override
  public Credits credits(String personName, String language) {
    log.debug("Ombi cannot look up a person's credits; ranking without them");
    return Credits.none(personName);
  }

  @Override
  public List<MediaItem> search(String query, String language) throws BackendException {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    // '/' and '\' break path routing even when encoded; a space finds the same titles
    String term = BackendHttp.encode(query.replace('/', ' ').replace('\\', ' ').trim());
    BackendHttp.Deadline deadline = http.deadline();
    List<MediaItem> items = new ArrayList<>();
    if (!v3) {
      ObjectNode filter = http.json().createObjectNode()
          .put("movies", true).put("tvShows", true).put("people", false).put("music", false);
      JsonNode results = call(post("api/v2/Search/multi/" + term, filter.toString(), Requester.OWNER), "search",
          deadline);
      for (JsonNode r : results) {
        Optional<MediaType> type = MediaType.fromWire(text(r, "mediaType"));
        if (type.isPresent()) {
          items.add(multiItem(r, type.get()));
        }
      }
    } else {
      for (JsonNode r : call(get("api/v1/Search/movie/" + term), "movie search", deadline)) {
        items.add(movieItem(r));
      }
      for (JsonNode r : call(get("api/v1/Search/tv/" + term), "series search", deadline)) {
        items.add(tvItem(r, List.of()));
      }
    }
    // a hit without a title or an id can be neither offered nor requested
    return items.stream().filter(MediaItem::isComplete).toList();
  }

  /** A v2 multi-search hit: TMDB id as text, title with " (YYYY)" appended, nothing else. */
  private MediaItem multiItem(JsonNode r, MediaType type) {
    String title = text(r, "title");
    LocalDate released = null;
    if (title != null) {
      Matcher m = TITLE_YEAR.matcher(title.trim());
      if (m.matches()) {
        title = m.group(1);
        released = LocalDate.of(Integer.parseInt(m.group(2)), 1, 1); // Ombi gives only the year here
      }
    }
    return new MediaItem(type, intOf(r, "id", 0), null, title, null, List.of(), released, text(r, "overview"),
        text(r, "poster"), null, 0, 0, Availability.UNKNOWN, Availability.UNKNOWN, List.of());
  }

  private MediaItem movieItem(JsonNode r) {
    int tmdbId = intOf(r, "id", 0);
    if (tmdbId == 0) {
      tmdbId = intOf(r, "theMovieDbId", 0);
    }
    Availability status = availability(bool(r, "available"), false, bool(r, "approved"), bool(r, "requested"),
        r.path("denied").asBoolean(false));
    Availability status4k = availability(bool(r, "available4K"), false, bool(r, "approved4K"),
        bool(r, "has4KRequest"), r.path("denied4K").asBoolean(false));
    return new MediaItem(MediaType.MOVIE, tmdbId, null, text(r, "title"), text(r, "originalTitle"), List.of(),
        date(text(r, "releaseDate")), text(r, "overview"), text(r, "posterPath"), text(r, "originalLanguage"),
        doubleOf(r, "popularity"), intOf(r, "voteCount", 0), status, status4k, List.of());
  }

  private MediaItem tvItem(JsonNode r, List<Season> seasons) {
    Integer tvdbId;
    int key;
    if (v3) {
      tvdbId = intOrNull(r, "id"); // v3 (TVMaze): id is the TVDB id
      key = tvdbId == null ? 0 : tvdbId;
    } else {
      tvdbId = intOrNull(r, "theTvDbId");
      key = intOf(r, "id", intOf(r, "theMovieDbId", 0));
    }
    Availability status = availability(bool(r, "fullyAvailable") || bool(r, "available") && !bool(r, "partlyAvailable"),
        bool(r, "partlyAvailable"), bool(r, "approved"), bool(r, "requested"), r.path("denied").asBoolean(false));
    return new MediaItem(MediaType.TV, key, tvdbId, text(r, "title"), null, List.of(),
        date(firstText(r, "firstAired", "releaseDate")), text(r, "overview"), firstText(r, "banner", "posterPath"),
        null, 0, 0, status, Availability.UNKNOWN, seasons);
  }

  /**
   * Ombi's flags as an availability: available, then partly available, then approved
   * (processing), then requested and not denied (pending); a denial reads as unknown, since the
   * title may be asked for again.
   */
  static Availability availability(boolean available, boolean partly, boolean approved, boolean requested,
      boolean denied) {
    if (available) {
      return Availability.AVAILABLE;
    }
    if (partly) {
      return Availability.PARTIALLY_AVAILABLE;
    }
    if (denied) {
      return Availability.UNKNOWN;
    }
    if (approved) {
      return Availability.PROCESSING;
    }
    return requested ? Availability.PENDING : Availability.UNKNOWN;
  }

  @Override
  public MediaItem details(MediaType type, int tmdbId, String language) throws BackendException {
    BackendHttp.Deadline deadline = http.deadline();
    if (type == MediaType.MOVIE) {
      String path = v3 ? "api/v1/Search/movie/info/" + tmdbId : "api/v2/Search/movie/" + tmdbId;
      return movieItem(object(call(get(path), "film details", deadline), "film " + tmdbId));
    }
    return tvDetails(tmdbId, deadline);
  }

  private MediaItem tvDetails(int key, BackendHttp.Deadline deadline) throws BackendException {
    String path = v3 ? "api/v1/Search/tv/info/" + key : "api/v2/Search/tv/moviedb/" + key;
    JsonNode show = object(call(get(path), "series details", deadline), "series " + key);
    List<Season> seasons = new ArrayList<>();
    for (JsonNode s : show.path("seasonRequests")) {
      seasons.add(season(s));
    }
    seasons.sort(Comparator.comparingInt(Season::number));
    return tvItem(show, seasons);
  }

  private static Season season(JsonNode s) {
    int episodes = 0;
    int available = 0;
    int approved = 0;
    int requested = 0;
    Integer airYear = null;
    for (JsonNode e : s.path("episodes")) {
      episodes++;
      if (bool(e, "available")) {
        available++;
      } else if (bool(e, "approved")) {
        approved++;
      } else if (bool(e, "requested") && !e.path("denied").asBoolean(false)) {
        requested++;
      }
      LocalDate aired = date(text(e, "airDate"));
      if (airYear == null && aired != null) {
        airYear = aired.getYear();
      }
    }
    Availability status;
    if (episodes > 0 && available == episodes || episodes == 0 && bool(s, "seasonAvailable")) {
      status = Availability.AVAILABLE;
    } else if (available > 0) {
      status = Availability.PARTIALLY_AVAILABLE;
    } else if (approved > 0 && approved + requested == episodes) {
      status = Availability.PROCESSING;
    } else if (requested > 0 && approved + requested == episodes) {
      status = Availability.PENDING;
    } else {
      status = Availability.UNKNOWN; // nothing, or only some episodes asked for: more can be requested
    }
    return new Season(intOf(s, "seasonNumber", 0), episodes, airYear, status, Availability.UNKNOWN);
  }

  // ---------------------------------------------------------------- requests

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    BackendHttp.Deadline deadline = http.deadline();
    if (request.is4k() && (v3 || request.type() == MediaType.TV)) {
      // Ombi v4 has 4K requests for films only, v3 none; never report a 4K request that was not made
      throw new BackendException(BackendError.PERMISSION_DENIED,
          "Ombi " + (v3 ? "v3 cannot request 4K copies" : "requests 4K copies of films only"));
    }
    ObjectNode body = http.json().createObjectNode();
    String path;
    List<Integer> seasonNumbers = List.of();
    if (request.type() == MediaType.MOVIE) {
      path = "api/v1/Request/movie";
      body.put("theMovieDbId", request.tmdbId());
      if (!v3) {
        body.put("is4kRequest", request.is4k());
      }
    } else {
      int key = v3 && request.tvdbId() != null ? request.tvdbId() : request.tmdbId();
      MediaItem show = tvDetails(key, deadline);
      List<Season> chosen = new ArrayList<>();
      for (Season s : show.regularSeasons()) {
        if (request.seasons().all() || request.seasons().numbers().contains(s.number())) {
          chosen.add(s);
        }
      }
      if (chosen.isEmpty()) {
        throw new BackendException(BackendError.NOT_FOUND, "Ombi lists no season " + request.seasons().numbers()
            + " for series " + key);
      }
      if (v3) {
        path = "api/v1/Request/tv";
        body.put("tvDbId", key);
      } else {
        path = "api/v2/Requests/tv";
        body.put("theMovieDbId", key);
      }
      body.put("requestAll", false).put("latestSeason", false).put("firstSeason", false);
      ArrayNode seasons = body.putArray("seasons");
      for (Season s : chosen) {
        ObjectNode season = seasons.addObject().put("seasonNumber", s.number());
        ArrayNode episodes = season.putArray("episodes");
        for (int e = 1; e <= s.episodeCount(); e++) {
          episodes.addObject().put("episodeNumber", e);
        }
      }
      seasonNumbers = chosen.stream().map(Season::number).toList();
    }
    Request post = post(path, body.toString(), requester);
    BackendHttp.PostOutcome outcome = http.postOnce(post, deadline, () -> findRequest(request, requester, deadline));
    if (outcome.stored() != null) {
      return outcome.stored();
    }
    if (!outcome.reply().ok()) {
      throw error(outcome.reply(), "the request", requester);
    }
    JsonNode result = http.parse(outcome.reply(), "the request");
    if (!bool(result, "result") || bool(result, "isError")) {
      throw engineError(result, request.type());
    }
    RequestStatus status = requester.isOwner() ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL;
    RequestRecord record = new RequestRecord(text(result, "requestId"), request.type(), request.tmdbId(), null, status,
        Availability.PENDING, seasonNumbers, request.is4k(), requester.isOwner() ? null : requester.backendUserId(),
        null);
    log.info("filed {} request {} for {} as {}", request.type().wire(), record.id(), request.tmdbId(),
        requester.displayName());
    return record;
  }

  /** Reads a failed RequestEngineResult: errorCode where Ombi sets one, else the message text. */
  private BackendException engineError(JsonNode result, MediaType type) {
    String code = text(result, "errorCode");
    String message = http.redact(firstText(result, "errorMessage", "message"));
    String text = "Ombi did not file the request: " + (message == null ? "no reason given" : message);
    String probe = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
    BackendError error;
    if (probe.contains("quota")) {
      error = BackendError.QUOTA_EXCEEDED;
    } else if (probe.contains("permission")) {
      error = BackendError.PERMISSION_DENIED;
    } else if (probe.contains("already")) {
      // a series with nothing new left reads like Seerr's 202; a film like its 409
      error = type == MediaType.TV ? BackendError.NO_SEASONS_LEFT : BackendError.ALREADY_REQUESTED;
    } else if (probe.contains("doesnotexist")) {
      error = BackendError.NOT_FOUND;
    } else {
      error = BackendError.SERVER_ERROR;
    }
    return new BackendException(error, text);
  }

  private Optional<RequestRecord> findRequest(MediaRequest request, Requester requester,
      BackendHttp.Deadline deadline) throws BackendException {
    int key = request.type() == MediaType.TV && v3 && request.tvdbId() != null ? request.tvdbId() : request.tmdbId();
    List<RequestRecord> same = readRequests(request.type(), deadline).stream().filter(r -> r.tmdbId() == key)
        .toList();
    return RequestRecord.newestFiled(same, request, requester);
  }

  /** Read as after a timed-out request: the request list of the title's kind (series by TVDB id on v3). */
  @Override
  public Optional<RequestRecord> filedRequest(MediaRequest request, Requester requester) throws BackendException {
    return findRequest(request, requester, http.deadline());
  }

  @Override
  public List<RequestRecord> requests(int limit) throws BackendException {
    BackendHttp.Deadline deadline = http.deadline();
    List<RequestRecord> all = new ArrayList<>(readRequests(MediaType.MOVIE, deadline));
    all.addAll(readRequests(MediaType.TV, deadline));
    all.sort(Comparator.comparing(RequestRecord::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return all.subList(0, Math.min(Math.max(limit, 0), all.size()));
  }

  private List<RequestRecord> readRequests(MediaType type, BackendHttp.Deadline deadline) throws BackendException {
    JsonNode list = call(get(type == MediaType.MOVIE ? "api/v1/Request/movie" : "api/v1/Request/tv"),
        "the request list", deadline);
    List<RequestRecord> records = new ArrayList<>();
    for (JsonNode r : list) {
      if (type == MediaType.MOVIE) {
        records.add(new RequestRecord(text(r, "id"), type, intOf(r, "theMovieDbId", 0), text(r, "title"),
            requestStatus(r), requestAvailability(r), List.of(), bool(r, "is4kRequest"),
            userName(r.path("requestedUser")), instant(text(r, "requestedDate"))));
        continue;
      }
      int key = v3 ? intOf(r, "tvDbId", 0) : intOf(r, "externalProviderId", intOf(r, "tvDbId", 0));
      for (JsonNode child : r.path("childRequests")) {
        List<Integer> seasons = new ArrayList<>();
        for (JsonNode s : child.path("seasonRequests")) {
          seasons.add(intOf(s, "seasonNumber", 0));
        }
        records.add(new RequestRecord(text(child, "id"), type, key, text(r, "title"), requestStatus(child),
            requestAvailability(child), seasons, false, userName(child.path("requestedUser")),
            instant(text(child, "requestedDate"))));
      }
    }
    return records;
  }

  private static RequestStatus requestStatus(JsonNode r) {
    if (r.path("denied").asBoolean(false)) {
      return RequestStatus.DECLINED;
    }
    if (bool(r, "available")) {
      return RequestStatus.COMPLETED;
    }
    return bool(r, "approved") ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL;
  }

  private static Availability requestAvailability(JsonNode r) {
    return availability(bool(r, "available"), false, bool(r, "approved"), true, r.path("denied").asBoolean(false));
  }

  private static String userName(JsonNode user) {
    return user.isObject() ? firstText(user, "userName", "alias") : null;
  }

  // ---------------------------------------------------------------- users

  @Override
  public List<BackendUser> users() throws BackendException {
    List<BackendUser> users = new ArrayList<>();
    for (JsonNode u : call(get("api/v1/Identity/Users"), "the user list", http.deadline())) {
      String name = text(u, "userName");
      if (name != null) {
        users.add(new BackendUser(name, firstText(u, "alias", "userName"), text(u, "emailAddress")));
      }
    }
    return users;
  }

  // ---------------------------------------------------------------- transport and errors

  private Request get(String path) {
    return new Request.Builder().url(BackendHttp.under(base, path).build()).header("ApiKey", apiKey)
        .header("Accept", "application/json").get().build();
  }

  private Request post(String path, String body, Requester requester) {
    Request.Builder b = new Request.Builder().url(BackendHttp.under(base, path).build()).header("ApiKey", apiKey)
        .header("Accept", "application/json").post(RequestBody.create(body, JSON));
    if (requester != null && !requester.isOwner()) {
      b.header("UserName", requester.backendUserId());
    }
    if (apiAlias != null && path.contains("Request")) {
      b.header("ApiAlias", apiAlias);
    }
    return b.build();
  }

  /** Runs a call (GETs retried, the search POST is idempotent too) and reads its JSON body. */
  private JsonNode call(Request request, String what, BackendHttp.Deadline deadline) throws BackendException {
    BackendHttp.Reply reply = http.idempotent(request, deadline);
    if (reply.code() == 204) {
      throw new BackendException(BackendError.NOT_FOUND, "Ombi knows no such title (" + what + ")");
    }
    if (!reply.ok()) {
      throw error(reply, what, Requester.OWNER);
    }
    return http.parse(reply, what);
  }

  private JsonNode object(JsonNode node, String what) throws BackendException {
    if (!node.isObject()) {
      throw new BackendException(BackendError.BAD_RESPONSE, "Ombi answered " + what + " without a JSON object");
    }
    return node;
  }

  private BackendException error(BackendHttp.Reply reply, String what, Requester requester) {
    String body = http.redact(reply.body() == null ? "" : reply.body().trim());
    JsonNode json = http.parseQuietly(body);
    String message = json.isObject() ? firstText(json, "error", "title", "message") : body;
    String text = "Ombi refused " + what + " (HTTP " + reply.code() + ")"
        + (message == null || message.isEmpty() ? "" : ": " + abbreviate(message));
    return switch (reply.code()) {
      case 401 -> body.toLowerCase(Locale.ROOT).contains("invalid user")
          ? new BackendException(BackendError.PERMISSION_DENIED, "Ombi knows no user named \""
              + (requester == null || requester.isOwner() ? "?" : requester.backendUserId()) + "\"")
          : new BackendException(BackendError.AUTH_REFUSED, "Ombi did not accept the API key (HTTP 401)");
      case 403 -> new BackendException(BackendError.PERMISSION_DENIED, text);
      case 404 -> new BackendException(BackendError.NOT_FOUND, text);
      default -> new BackendException(reply.code() >= 500 ? BackendError.SERVER_ERROR : BackendError.BAD_RESPONSE,
          text);
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  @Override
  public String toString() {
    return "OmbiClient[" + info.describe() + " at " + base.redact() + "]";
  }
}
