package dev.overtalkerr.backend.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.overtalkerr.backend.fake.FakeBackendServer.FakeRequestState;
import mockwebserver3.MockResponse;

/**
 * A fake Overseerr, Jellyseerr or Seerr. Like the real servers it checks every request against its
 * flavour's OpenAPI spec before anything else and answers 400 (404 for an undocumented path) when it
 * breaks it; such calls are also kept in {@link #violations()} so tests can assert there were none.
 * It then applies the API key ({@code X-Api-Key}), the acting user ({@code X-API-User}), CSRF
 * protection when switched on, and answers from its catalogue with real-shaped JSON (nulls,
 * undocumented fields, person results, per-season statuses).
 *
 * <p>Requests change state: a filed title becomes PENDING (its requested seasons too), a repeated
 * film request answers 409, a series request with nothing left answers 202, a user with {@link
 * FakeUser#quotaExceeded(boolean)} gets 403 "Movie Quota exceeded.", a blocklisted title 403.
 *
 * <p>Users: 1 "admin" (the key's owner, auto-approved), 7 "anna" and 8 "ben" (approval needed).
 */
public final class FakeSeerr extends FakeBackendServer {
  private static final Pattern ONE_REQUEST = Pattern.compile("/api/v1/request/(\\d+)");
  private static final Pattern DETAILS = Pattern.compile("/api/v1/(movie|tv)/(\\d+)");
  private static final Pattern CREDITS = Pattern.compile("/api/v1/person/(\\d+)/combined_credits");
  private static final String CSRF_SECRET = "csrf-secret-cookie";
  private static final String CSRF_TOKEN = "csrf-token-value";

  private final BackendFlavour flavour;
  private final String version;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> responseViolations = new CopyOnWriteArrayList<>();
  private RecordedCall current;
  /** This thread's call checked against the spec before the lock; its answer's check after it. */
  private final ThreadLocal<List<String>> requestProblems = new ThreadLocal<>();
  private final ThreadLocal<Runnable> responseCheck = new ThreadLocal<>();
  private volatile boolean specChecks = true;
  private volatile boolean csrf;
  private volatile boolean csrfExchangeWorks;
  private volatile boolean publicSettingsBroken;
  /** Seasons requested and not yet synced by the media server: the real server leaves them out of mediaInfo.seasons. */
  private final java.util.Map<FakeTitle, java.util.Set<Integer>> unsynced = new java.util.concurrent.ConcurrentHashMap<>();

  private FakeSeerr(BackendFlavour flavour, String version) {
    this.flavour = flavour;
    this.version = version;
    SpecValidator.warmUp(flavour);
    addDefaultCatalogue();
    addMovie(10, "Blocked Film", 2020, flavour == BackendFlavour.OVERSEERR ? Availability.UNKNOWN
        : Availability.BLOCKLISTED);
    addUser(1, "admin", "admin@example.org", true);
    addUser(7, "anna", "anna@example.org", false);
    addUser(8, "ben", "ben@example.org", false);
  }

  /** Overseerr 1.34.0. */
  public static FakeSeerr overseerr() {
    return new FakeSeerr(BackendFlavour.OVERSEERR, "1.34.0");
  }

  /** Jellyseerr 2.7.3. */
  public static FakeSeerr jellyseerr() {
    return new FakeSeerr(BackendFlavour.JELLYSEERR, "2.7.3");
  }

  /** Seerr 3.1.0. */
  public static FakeSeerr seerr() {
    return new FakeSeerr(BackendFlavour.SEERR, "3.1.0");
  }

  /** Any flavour and version (e.g. a {@code develop-…} build). */
  public static FakeSeerr of(BackendFlavour flavour, String version) {
    return new FakeSeerr(flavour, version);
  }

  public BackendFlavour flavour() {
    return flavour;
  }

  public String version() {
    return version;
  }

  /** Spec violations and missing API keys seen so far: a correct client leaves this empty. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Answers of this fake that break the spec's response schemas: should stay empty. */
  public List<String> responseViolations() {
    return List.copyOf(responseViolations);
  }

  /**
   * For the benchmark only: answers without checking calls and answers against the spec (tests
   * never turn this off). On a 2-core machine the checks took a core's worth of time from the
   * daemon being measured; the benchmark's client is checked by the tests that run it.
   */
  public FakeSeerr withoutSpecChecks() {
    this.specChecks = false;
    return this;
  }

  /** Switches CSRF protection on: state-changing calls need the csurf token. */
  public FakeSeerr csrf(boolean on) {
    this.csrf = on;
    return this;
  }

  /** Whether echoing the XSRF-TOKEN cookie (token exchange) satisfies the CSRF check. */
  public FakeSeerr csrfExchangeWorks(boolean works) {
    this.csrfExchangeWorks = works;
    return this;
  }

  /** Makes {@code /settings/public} answer 500 (for detection fallbacks). */
  public FakeSeerr publicSettingsBroken(boolean broken) {
    this.publicSettingsBroken = broken;
    return this;
  }

  /**
   * Like the real server right after a series request: the requested seasons are only in
   * {@code mediaInfo.requests[].seasons}, while {@code mediaInfo.seasons} leaves them out until the
   * media server syncs ({@link #sync()}, or the request becoming available).
   */
  @Override
  protected synchronized FiledRequest file(FakeTitle title, FakeUser user, List<Integer> seasons, boolean is4k) {
    FiledRequest r = super.file(title, user, seasons, is4k);
    if (!is4k && !seasons.isEmpty()) {
      unsynced.computeIfAbsent(title, t -> java.util.concurrent.ConcurrentHashMap.newKeySet()).addAll(seasons);
    }
    return r;
  }

  @Override
  protected void synced(FiledRequest r) {
    java.util.Set<Integer> left = unsynced.get(r.title);
    if (left != null) {
      left.removeAll(r.seasons);
    }
  }

  /** The media server has synced: every requested season now shows in mediaInfo.seasons. */
  public FakeSeerr sync() {
    unsynced.clear();
    return this;
  }

  // ---------------------------------------------------------------- dispatch

  @Override
  protected MockResponse handle(RecordedCall call) {
    String path = call.path();
    boolean stateChanging = !call.method().equals("GET") && !call.method().equals("HEAD");
    if (csrf && stateChanging && !csrfSatisfied(call)) {
      return json(403, "{\"message\":\"invalid csrf token\"}");
    }
    List<String> problems = requestProblems.get(); // checked before the lock (beforeLock)
    if (!problems.isEmpty()) {
      violations.add(call.method() + " " + path + ": " + problems);
      boolean missingPath = problems.stream().anyMatch(p -> p.startsWith("validation.request.path.missing"));
      ObjectNode err = JSON.createObjectNode().put("message", missingPath ? "not found" : problems.get(0));
      err.putArray("errors").addObject().put("path", path).put("message", problems.get(0));
      return withCsrfCookies(json(missingPath ? 404 : 400, err));
    }
    if (path.equals("/api/v1/status")) {
      current = call;
      return withCsrfCookies(ok(200, status()));
    }
    if (path.equals("/api/v1/settings/public")) {
      return publicSettingsBroken ? json(500, "{\"message\":\"boom\"}") : withCsrfCookies(okAt(call, publicSettings()));
    }
    String key = call.header("X-Api-Key");
    if (key == null) {
      violations.add(call.method() + " " + path + ": no X-Api-Key header");
      return json(401, "{\"message\":\"cookie 'connect.sid' required\",\"errors\":[{\"path\":\"" + path
          + "\",\"message\":\"cookie 'connect.sid' required\"}]}");
    }
    FakeUser caller = caller(call, key);
    if (caller == null) {
      return json(403, "{\"status\":403,\"error\":\"You do not have permission to access this endpoint\"}");
    }
    current = call;
    MockResponse answer = route(call, caller);
    return withCsrfCookies(answer);
  }

  private FakeUser caller(RecordedCall call, String key) {
    if (!key.equals(acceptedApiKey())) {
      return null;
    }
    String as = call.header("X-API-User");
    if (as == null) {
      return user(1).orElse(null);
    }
    try {
      return user(Integer.parseInt(as.trim())).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private boolean csrfSatisfied(RecordedCall call) {
    String cookie = call.header("Cookie");
    return csrfExchangeWorks && CSRF_TOKEN.equals(call.header("X-XSRF-TOKEN")) && cookie != null
        && cookie.contains("_csrf=" + CSRF_SECRET);
  }

  private MockResponse withCsrfCookies(MockResponse response) {
    if (!csrf) {
      return response;
    }
    return response.newBuilder()
        .addHeader("Set-Cookie", "_csrf=" + CSRF_SECRET + "; Path=/; HttpOnly")
        .addHeader("Set-Cookie", "XSRF-TOKEN=" + CSRF_TOKEN + "; Path=/")
        .build();
  }

  private MockResponse route(RecordedCall call, FakeUser caller) {
    String path = call.path();
    if (call.method().equals("GET")) {
      if (path.equals("/api/v1/search")) {
        return ok(200, search(call.queryParam("query")));
      }
      Matcher m = DETAILS.matcher(path);
      if (m.matches()) {
        MediaType type = m.group(1).equals("movie") ? MediaType.MOVIE : MediaType.TV;
        Optional<FakeTitle> t = title(type, Integer.parseInt(m.group(2)));
        if (t.isEmpty()) {
          return json(500, "{\"message\":\"Unable to retrieve " + (type == MediaType.MOVIE ? "movie" : "series")
              + ".\"}");
        }
        return ok(200, details(t.get()));
      }
      Matcher c = CREDITS.matcher(path);
      if (c.matches()) {
        int id = Integer.parseInt(c.group(1));
        Optional<FakePerson> person = people().stream().filter(p -> p.id() == id).findFirst();
        if (person.isEmpty()) {
          return json(500, "{\"message\":\"Unable to retrieve combined credits.\"}");
        }
        return ok(200, combinedCredits(person.get()));
      }
      if (path.equals("/api/v1/request")) {
        return ok(200, requestList(call));
      }
      if (path.equals("/api/v1/request/count")) {
        return ok(200, requestCount());
      }
      Matcher one = ONE_REQUEST.matcher(path);
      if (one.matches()) {
        int id = Integer.parseInt(one.group(1));
        return filed.stream().filter(r -> r.id == id).findFirst().map(r -> ok(200, mediaRequest(r)))
            .orElseGet(() -> json(404, "{\"message\":\"Request not found.\"}"));
      }
      if (path.equals("/api/v1/user")) {
        return ok(200, userList(call));
      }
      if (path.equals("/api/v1/auth/me")) {
        return ok(200, user(caller));
      }
    }
    if (call.method().equals("POST") && path.equals("/api/v1/request")) {
      return fileRequest(call.json(), caller);
    }
    return json(404, "{\"message\":\"not found\"}");
  }

  // ---------------------------------------------------------------- requests

  private MockResponse fileRequest(JsonNode body, FakeUser caller) {
    MediaType type = body.path("mediaType").asText().equals("tv") ? MediaType.TV : MediaType.MOVIE;
    boolean is4k = body.path("is4k").asBoolean(false);
    String kind = type == MediaType.MOVIE ? "movie" : "series";
    if (!caller.mayRequest()) {
      return json(403, "{\"message\":\"You do not have permission to make " + kind + " requests.\"}");
    }
    if (caller.quotaExceeded()) {
      return json(403, "{\"message\":\"" + (type == MediaType.MOVIE ? "Movie" : "Series") + " Quota exceeded.\"}");
    }
    Optional<FakeTitle> found = title(type, body.path("mediaId").asInt());
    if (found.isEmpty()) {
      return json(500, "{\"message\":\"Unable to retrieve " + kind + ".\"}");
    }
    FakeTitle title = found.get();
    if (title.status() == Availability.BLOCKLISTED) {
      return json(403, "{\"message\":\"This media is "
          + (flavour == BackendFlavour.SEERR ? "blocklisted" : "blacklisted") + ".\"}");
    }
    if (type == MediaType.MOVIE) {
      boolean duplicate = filed.stream().anyMatch(r -> r.title == title && r.is4k == is4k)
          || !title.status(is4k).isRequestable();
      if (duplicate) {
        return json(409, "{\"message\":\"Request for this media already exists.\"}");
      }
      return ok(201, mediaRequest(file(title, caller, List.of(), is4k)));
    }
    if (!body.has("seasons")) {
      return json(500, "{\"message\":\"Cannot read properties of undefined (reading 'filter')\"}");
    }
    List<Integer> asked = new ArrayList<>();
    JsonNode seasons = body.path("seasons");
    if (seasons.isTextual()) { // "all"
      for (FakeTitle.FakeSeason s : title.seasons()) {
        if (s.number() > 0 || flavour == BackendFlavour.OVERSEERR) { // Overseerr's "all" includes specials
          asked.add(s.number());
        }
      }
    } else {
      seasons.forEach(n -> asked.add(n.asInt()));
    }
    List<Integer> left = new ArrayList<>();
    for (int n : asked) {
      FakeTitle.FakeSeason s = title.season(n);
      if (s != null && (s.status() == Availability.UNKNOWN || s.status() == Availability.DELETED)) {
        left.add(n);
      }
    }
    if (left.isEmpty()) {
      return json(202, "{\"message\":\"No seasons available to request\"}");
    }
    return ok(201, mediaRequest(file(title, caller, left, is4k)));
  }

  private MockResponse okAt(RecordedCall call, JsonNode body) {
    current = call;
    return ok(200, body);
  }

  /** A success answer, checked against the spec's response schema (after the lock, see {@link #afterLock}). */
  private MockResponse ok(int status, JsonNode body) {
    String text = body.toString();
    RecordedCall call = current;
    if (!specChecks) {
      return json(status, text);
    }
    responseCheck.set(() -> {
      List<String> problems = SpecValidator.responseProblems(flavour, call, status, text);
      if (!problems.isEmpty()) {
        responseViolations.add(call.method() + " " + call.path() + " -> " + status + ": " + problems);
      }
    });
    return json(status, text);
  }

  /** The spec checks need none of the fake's state: done outside its lock, in parallel for parallel calls. */
  @Override
  protected void beforeLock(RecordedCall call) {
    requestProblems.set(specChecks ? SpecValidator.problems(flavour, call) : List.of());
  }

  @Override
  protected void afterLock() {
    requestProblems.remove();
    Runnable check = responseCheck.get();
    responseCheck.remove();
    if (check != null) {
      check.run();
    }
  }

  // ---------------------------------------------------------------- JSON shapes

  private ObjectNode status() {
    return JSON.createObjectNode().put("version", version)
        .put("commitTag", "94a70bb5fc9a4486857071a6fc048c8081fa7ca9").put("updateAvailable", false)
        .put("commitsBehind", 0).put("restartRequired", false);
  }

  private ObjectNode publicSettings() {
    ObjectNode s = JSON.createObjectNode().put("initialized", true)
        .put("applicationTitle", flavour.displayName()).put("applicationUrl", "").put("hideAvailable", false)
        .put("localLogin", true).put("movie4kEnabled", false).put("series4kEnabled", false)
        .put("originalLanguage", "").put("partialRequestsEnabled", true).put("cacheImages", false)
        .put("vapidPublic", "BExample").put("enablePushRegistration", false).put("locale", "en")
        .put("emailEnabled", false).put("newPlexLogin", true);
    if (flavour == BackendFlavour.OVERSEERR) {
      s.put("region", "");
    } else {
      s.put("mediaServerType", 2).put("mediaServerLogin", true).put("discoverRegion", "").put("streamingRegion", "")
          .put("enableSpecialEpisodes", false).put("youtubeUrl", "").put("jellyfinExternalHost", "");
      s.put(flavour == BackendFlavour.SEERR ? "hideBlocklisted" : "hideBlacklisted", false);
    }
    return s;
  }

  private static int code(Availability a) {
    return switch (a) {
      case UNKNOWN -> 1;
      case PENDING -> 2;
      case PROCESSING -> 3;
      case PARTIALLY_AVAILABLE -> 4;
      case AVAILABLE -> 5;
      case BLOCKLISTED -> 6;
      case DELETED -> 7;
    };
  }

  private boolean known(FakeTitle t) {
    return t.status() != Availability.UNKNOWN || t.status4k() != Availability.UNKNOWN
        || filed.stream().anyMatch(r -> r.title == t);
  }

  private ObjectNode search(String query) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    ArrayNode results = JSON.createArrayNode();
    for (FakeTitle t : titles()) {
      if (t.title().toLowerCase(Locale.ROOT).contains(q)) {
        ObjectNode r = results.addObject();
        common(r, t);
        if (known(t)) {
          ObjectNode info = mediaInfo(t);
          if (flavour == BackendFlavour.OVERSEERR) {
            seasonStatuses(info, t);
          } else {
            info.putArray("watchlists");
          }
          r.set("mediaInfo", info);
        }
      }
    }
    if ("keanu reeves".contains(q) || q.contains("keanu")) {
      ObjectNode p = results.addObject().put("id", 6384).put("mediaType", "person").putNull("profilePath")
          .put("adult", false).put("name", "Keanu Reeves").put("popularity", 50.0);
      ObjectNode known = p.putArray("knownFor").addObject().put("id", 603).put("mediaType", "movie")
          .put("title", "The Matrix").put("releaseDate", "1999-03-31").put("adult", false).put("video", false);
      known.putArray("genreIds").add(28);
    }
    for (FakePerson person : people()) {
      if (!q.isBlank() && person.name().toLowerCase(Locale.ROOT).contains(q)) {
        ObjectNode p = results.addObject().put("id", person.id()).put("mediaType", "person").putNull("profilePath")
            .put("adult", false).put("name", person.name()).put("popularity", 20.0);
        ArrayNode knownFor = p.putArray("knownFor");
        person.cast().stream().limit(1).forEach(t -> common(knownFor.addObject(), t));
      }
    }
    ObjectNode page = JSON.createObjectNode().put("page", 1).put("totalPages", 1).put("totalResults", results.size());
    page.set("results", results);
    return page;
  }

  /** {@code /person/{id}/combined_credits}: cast and crew entries shaped like the real answer. */
  private ObjectNode combinedCredits(FakePerson person) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode cast = body.putArray("cast");
    for (FakeTitle t : person.cast()) {
      ObjectNode c = cast.addObject();
      common(c, t);
      c.put("creditId", "c" + person.id() + "-" + t.tmdbId()).put("character", "Someone");
    }
    ArrayNode crew = body.putArray("crew");
    for (FakeTitle t : person.crew()) {
      ObjectNode c = crew.addObject();
      common(c, t);
      c.put("creditId", "d" + person.id() + "-" + t.tmdbId()).put("department", "Directing").put("job", "Director");
    }
    body.put("id", person.id());
    return body;
  }

  private void common(ObjectNode r, FakeTitle t) {
    r.put("id", t.tmdbId()).put("mediaType", t.type().wire()).put("popularity", 40.5 + t.tmdbId() % 7)
        .put("posterPath", "/poster" + t.tmdbId() + ".jpg").putNull("backdropPath").put("voteCount", 1200)
        .put("voteAverage", 7.9).put("overview", t.overview()).put("originalLanguage", "en").put("adult", false);
    ArrayNode genres = r.putArray("genreIds");
    t.genreIds().forEach(genres::add);
    if (t.type() == MediaType.MOVIE) {
      r.put("title", t.title()).put("originalTitle", t.title()).put("releaseDate", t.releaseDate())
          .put("video", false);
    } else {
      r.put("name", t.title()).put("originalName", t.title()).put("firstAirDate", t.releaseDate());
      ArrayNode countries = r.putArray("originCountry");
      t.originCountries().forEach(countries::add);
    }
  }

  private ObjectNode mediaInfo(FakeTitle t) {
    ObjectNode info = JSON.createObjectNode().put("id", 10_000 + t.tmdbId()).put("mediaType", t.type().wire())
        .put("tmdbId", t.tmdbId());
    if (t.tvdbId() == null) {
      info.putNull("tvdbId");
    } else {
      info.put("tvdbId", t.tvdbId());
    }
    info.putNull("imdbId").put("status", code(t.status())).put("status4k", code(t.status4k()))
        .put("createdAt", "2024-01-05T10:00:00.000Z").put("updatedAt", "2024-02-01T08:30:00.000Z")
        .putNull("mediaAddedAt").putNull("serviceId").putNull("externalServiceSlug").putNull("ratingKey");
    return info;
  }

  private void seasonStatuses(ObjectNode info, FakeTitle t) {
    ArrayNode seasons = info.putArray("seasons");
    java.util.Set<Integer> notYet = unsynced.getOrDefault(t, java.util.Set.of());
    for (FakeTitle.FakeSeason s : t.seasons()) {
      if (s.status() != Availability.UNKNOWN && !notYet.contains(s.number())) {
        seasons.addObject().put("id", 500 + s.number()).put("seasonNumber", s.number()).put("status", code(s.status()))
            .put("status4k", 1).put("createdAt", "2024-03-01T12:00:00.000Z")
            .put("updatedAt", "2024-03-10T12:00:00.000Z");
      }
    }
  }

  private ObjectNode details(FakeTitle t) {
    ObjectNode d = JSON.createObjectNode();
    common(d, t);
    d.remove("mediaType");
    d.put("status", t.type() == MediaType.MOVIE ? "Released" : "Ended");
    if (t.type() == MediaType.TV) {
      d.put("numberOfSeasons", t.seasons().size()).put("inProduction", false);
      ObjectNode ids = d.putObject("externalIds");
      if (t.tvdbId() != null) {
        ids.put("tvdbId", t.tvdbId());
      }
      ArrayNode seasons = d.putArray("seasons");
      for (FakeTitle.FakeSeason s : t.seasons()) {
        seasons.addObject().put("id", 3600 + s.number()).put("airDate", (t.year() + s.number()) + "-04-01")
            .put("episodeCount", s.episodes()).put("name", s.number() == 0 ? "Specials" : "Season " + s.number())
            .put("overview", "").putNull("posterPath").put("seasonNumber", s.number());
      }
    } else {
      d.put("runtime", 136).putObject("externalIds").put("imdbId", "tt0133093");
    }
    if (known(t)) {
      ObjectNode info = mediaInfo(t);
      seasonStatuses(info, t);
      ArrayNode requests = info.putArray("requests");
      for (FiledRequest r : filed) {
        if (r.title == t) {
          requests.add(mediaRequest(r).without("media"));
        }
      }
      info.putArray("issues");
      d.set("mediaInfo", info);
    }
    return d;
  }

  private ObjectNode user(FakeUser u) {
    ObjectNode n = JSON.createObjectNode().put("id", u.id()).put("email", u.email()).put("displayName", u.name())
        .put("plexUsername", u.name()).putNull("username").put("userType", 1).put("permissions", u.admin() ? 2 : 32)
        .put("avatar", "/avatarproxy/" + u.id()).put("requestCount", 0)
        .put("createdAt", "2023-01-01T00:00:00.000Z").put("updatedAt", "2023-01-01T00:00:00.000Z");
    return n;
  }

  private int requestCode(FiledRequest r) {
    return switch (r.state()) {
      case PENDING -> 1;
      case APPROVED -> 2;
      case DECLINED -> 3;
      case FAILED -> 4;
      case COMPLETED -> flavour == BackendFlavour.OVERSEERR ? 2 : 5;
    };
  }

  private ObjectNode mediaRequest(FiledRequest r) {
    int code = requestCode(r);
    ObjectNode n = JSON.createObjectNode().put("id", r.id).put("status", code)
        .put("type", r.title.type().wire()).put("is4k", r.is4k).put("isAutoRequest", false)
        .putNull("languageProfileId").putNull("tags").putNull("serverId").putNull("profileId").putNull("rootFolder")
        .put("seasonCount", r.seasons.size()).put("createdAt", r.createdAt.toString())
        .put("updatedAt", r.updatedAt().toString());
    ArrayNode seasons = n.putArray("seasons");
    for (int s : r.seasons) {
      seasons.addObject().put("id", 300 + s).put("seasonNumber", s).put("status", code)
          .put("createdAt", r.createdAt.toString()).put("updatedAt", r.updatedAt().toString());
    }
    n.set("requestedBy", user(r.user));
    n.putNull("modifiedBy");
    n.set("media", mediaInfo(r.title));
    if (flavour == BackendFlavour.SEERR) {
      n.put("profileName", "HD-1080p").put("canRemove", true);
    }
    return n;
  }

  private ObjectNode requestList(RecordedCall call) {
    int take = parse(call.queryParam("take"), 10);
    int skip = parse(call.queryParam("skip"), 0);
    List<FiledRequest> newestFirst = new ArrayList<>(filed);
    java.util.Collections.reverse(newestFirst);
    if ("modified".equals(call.queryParam("sort"))) {
      // updatedAt has one-second resolution on the real server; ours is finer, ties keep id order
      newestFirst.sort(java.util.Comparator.comparing(FiledRequest::updatedAt).reversed());
    }
    ArrayNode results = JSON.createArrayNode();
    newestFirst.stream().skip(skip).limit(take).forEach(r -> results.add(mediaRequest(r)));
    ObjectNode page = JSON.createObjectNode();
    page.putObject("pageInfo").put("pages", Math.max(1, (filed.size() + take - 1) / take)).put("pageSize", take)
        .put("results", filed.size()).put("page", skip / take + 1);
    page.set("results", results);
    if (flavour == BackendFlavour.SEERR) {
      ObjectNode errors = page.putObject("serviceErrors");
      errors.putArray("radarr");
      errors.putArray("sonarr");
    }
    return page;
  }

  private ObjectNode requestCount() {
    long movies = filed.stream().filter(r -> r.title.type() == MediaType.MOVIE).count();
    long pending = filed.stream().filter(r -> r.state() == FakeRequestState.PENDING).count();
    long declined = filed.stream().filter(r -> r.state() == FakeRequestState.DECLINED).count();
    long completed = filed.stream().filter(r -> r.state() == FakeRequestState.COMPLETED).count();
    long approved = filed.stream().filter(r -> r.state() == FakeRequestState.APPROVED).count();
    long available = filed.stream().filter(r -> r.title.status(r.is4k) == Availability.AVAILABLE).count();
    long processing = filed.stream().filter(r -> r.state() == FakeRequestState.APPROVED
        && r.title.status(r.is4k) != Availability.AVAILABLE).count();
    ObjectNode n = JSON.createObjectNode().put("total", filed.size()).put("movie", movies)
        .put("tv", filed.size() - movies).put("pending", pending)
        .put("approved", flavour == BackendFlavour.OVERSEERR ? approved + completed : approved)
        .put("declined", declined).put("processing", processing)
        .put("available", flavour == BackendFlavour.SEERR ? 0 : available);
    if (flavour == BackendFlavour.SEERR) {
      n.put("completed", completed);
    }
    return n;
  }

  private ObjectNode userList(RecordedCall call) {
    int take = parse(call.queryParam("take"), 10);
    int skip = parse(call.queryParam("skip"), 0);
    List<FakeUser> all = users();
    ArrayNode results = JSON.createArrayNode();
    all.stream().skip(skip).limit(take).forEach(u -> results.add(user(u)));
    ObjectNode page = JSON.createObjectNode();
    page.putObject("pageInfo").put("pages", Math.max(1, (all.size() + take - 1) / take)).put("pageSize", take)
        .put("results", all.size()).put("page", skip / take + 1);
    page.set("results", results);
    return page;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
