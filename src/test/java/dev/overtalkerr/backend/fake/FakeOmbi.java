package dev.overtalkerr.backend.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * A fake Ombi v4 (or v3), answering as the research note §4 describes: case-insensitive routes,
 * the {@code ApiKey} header (401 "Invalid API Key" as text), {@code UserName} to act as a user (401
 * "Invalid User" when unknown), request endpoints that always answer HTTP 200 with a
 * RequestEngineResult, series keyed by TMDB id on v4 and by TVDB id on v3, and episodes requested
 * only when listed.
 *
 * <p>There is no Ombi spec to validate against, so the fake checks the bodies itself and keeps
 * problems in {@link #violations()}: unknown or admin-only fields ({@code requestOnBehalf},
 * overrides), a season with an empty episode list, a missing JSON content type.
 *
 * <p>Users: "anna" and "ben" (approval needed); without UserName the call runs as the API user.
 */
public final class FakeOmbi extends FakeBackendServer {
  private static final Set<String> MOVIE_FIELDS_V4 = Set.of("theMovieDbId", "languageCode", "is4kRequest");
  private static final Set<String> MOVIE_FIELDS_V3 = Set.of("theMovieDbId", "languageCode");
  private static final Set<String> TV_FIELDS = Set.of("theMovieDbId", "tvDbId", "languageCode", "requestAll",
      "latestSeason", "firstSeason", "seasons");
  private static final Pattern SEARCH_MULTI = Pattern.compile("/api/v2/search/multi/(.+)");
  private static final Pattern SEARCH_V1 = Pattern.compile("/api/v1/search/(movie|tv)/(.+)");
  private static final Pattern MOVIE_V2 = Pattern.compile("/api/v2/search/movie/(\\d+)");
  private static final Pattern MOVIE_INFO_V1 = Pattern.compile("/api/v1/search/movie/info/(\\d+)");
  private static final Pattern TV_V2 = Pattern.compile("/api/v2/search/tv/moviedb/(\\d+)");
  private static final Pattern TV_INFO_V1 = Pattern.compile("/api/v1/search/tv/info/(\\d+)");

  private final String version;
  private final boolean v3;
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private FakeOmbi(String version) {
    this.version = version;
    this.v3 = version.startsWith("3.");
    addDefaultCatalogue();
    addUser(7, "anna", "anna@example.org", false);
    addUser(8, "ben", "ben@example.org", false);
  }

  /** Ombi 4.59.3. */
  public static FakeOmbi v4() {
    return new FakeOmbi("4.59.3");
  }

  /** Ombi 3.0.5223. */
  public static FakeOmbi v3() {
    return new FakeOmbi("3.0.5223");
  }

  public String version() {
    return version;
  }

  /** Body and header problems seen so far: a correct client leaves this empty. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  // ---------------------------------------------------------------- dispatch

  @Override
  protected MockResponse handle(RecordedCall call) {
    String path = call.path().toLowerCase(Locale.ROOT);
    if (path.equals("/api/v1/status")) {
      return json(200, "200");
    }
    if (path.equals("/api/v1/status/info")) {
      return json(200, quote(version));
    }
    if (!path.startsWith("/api/")) {
      return text(404, "");
    }
    String key = call.header("ApiKey");
    if (key == null) {
      violations.add(call.method() + " " + call.path() + ": no ApiKey header");
      return new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Bearer").build();
    }
    if (!key.equalsIgnoreCase(acceptedApiKey())) {
      return text(401, "Invalid API Key");
    }
    FakeUser user = null;
    String userName = call.header("UserName");
    if (userName != null) {
      user = user(userName).orElse(null);
      if (user == null) {
        return text(401, "Invalid User");
      }
    }
    if (call.method().equals("POST") && (call.header("Content-Type") == null
        || !call.header("Content-Type").startsWith("application/json"))) {
      violations.add(call.method() + " " + call.path() + ": body without a JSON content type");
      return json(415, "{\"title\":\"Unsupported Media Type\",\"status\":415}");
    }
    return route(call, path, user);
  }

  private MockResponse route(RecordedCall call, String path, FakeUser user) {
    Matcher m;
    if (call.method().equals("POST")) {
      if (!v3 && (m = SEARCH_MULTI.matcher(path)).matches()) {
        return json(200, multiSearch(decode(call.path().substring("/api/v2/Search/multi/".length())), call.json()));
      }
      if (path.equals("/api/v1/request/movie")) {
        return json(200, requestMovie(call.json(), user));
      }
      if (!v3 && path.equals("/api/v2/requests/tv")) {
        return json(200, requestTv(call.json(), user, false));
      }
      if (path.equals("/api/v1/request/tv")) {
        return json(200, requestTv(call.json(), user, true));
      }
      return text(404, "");
    }
    if ((m = SEARCH_V1.matcher(path)).matches() && !path.contains("/info/")) {
      String term = decode(call.path().substring(call.path().lastIndexOf('/') + 1)).toLowerCase(Locale.ROOT);
      MediaType type = m.group(1).equals("movie") ? MediaType.MOVIE : MediaType.TV;
      ArrayNode results = JSON.createArrayNode();
      for (FakeTitle t : titles()) {
        if (t.type() == type && t.title().toLowerCase(Locale.ROOT).contains(term)
            && (type == MediaType.MOVIE || t.tvdbId() != null)) {
          results.add(type == MediaType.MOVIE ? movie(t) : show(t, true));
        }
      }
      return json(200, results);
    }
    if ((!v3 && (m = MOVIE_V2.matcher(path)).matches()) || (m = MOVIE_INFO_V1.matcher(path)).matches()) {
      Optional<FakeTitle> t = title(MediaType.MOVIE, Integer.parseInt(m.group(1)));
      return t.isPresent() ? json(200, movie(t.get())) : new MockResponse.Builder().code(204).build();
    }
    if (!v3 && (m = TV_V2.matcher(path)).matches()) {
      Optional<FakeTitle> t = title(MediaType.TV, Integer.parseInt(m.group(1)));
      return t.isPresent() ? json(200, show(t.get(), false)) : new MockResponse.Builder().code(204).build();
    }
    if ((m = TV_INFO_V1.matcher(path)).matches()) {
      int tvdb = Integer.parseInt(m.group(1));
      Optional<FakeTitle> t = titles().stream().filter(x -> x.type() == MediaType.TV && Integer.valueOf(tvdb)
          .equals(x.tvdbId())).findFirst();
      return t.isPresent() ? json(200, show(t.get(), true)) : new MockResponse.Builder().code(204).build();
    }
    if (path.equals("/api/v1/request/movie")) {
      return json(200, movieRequests());
    }
    if (path.equals("/api/v1/request/tv")) {
      return json(200, tvRequests());
    }
    if (path.equals("/api/v1/identity/users")) {
      ArrayNode users = JSON.createArrayNode();
      for (FakeUser u : users()) {
        ObjectNode n = users.addObject().put("id", "0000000" + u.id() + "-guid").put("userName", u.name())
            .put("alias", u.name().substring(0, 1).toUpperCase(Locale.ROOT) + u.name().substring(1))
            .put("emailAddress", u.email()).put("userType", 2).putNull("language");
        n.putArray("claims").addObject().put("value", "RequestMovie").put("enabled", true);
      }
      return json(200, users);
    }
    return text(404, "");
  }

  // ---------------------------------------------------------------- requests

  private ObjectNode result(boolean ok, String message, String error, String code, int requestId) {
    ObjectNode r = JSON.createObjectNode().put("result", ok);
    put(r, "message", message);
    r.put("isError", error != null || code != null);
    put(r, "errorMessage", error);
    if (!v3) {
      put(r, "errorCode", code);
    }
    return r.put("requestId", requestId);
  }

  private static void put(ObjectNode n, String field, String value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }

  private void checkFields(JsonNode body, Set<String> allowed, String what) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        violations.add(what + ": unexpected field '" + f + "'");
      }
    }
  }

  private ObjectNode requestMovie(JsonNode body, FakeUser user) {
    checkFields(body, v3 ? MOVIE_FIELDS_V3 : MOVIE_FIELDS_V4, "POST Request/movie");
    if (user != null && !user.mayRequest()) {
      return result(false, null, "You do not have permissions to Request a Movie", "NoPermissionsRequestMovie", 0);
    }
    if (user != null && user.quotaExceeded()) {
      return result(false, null, "You have exceeded your Movie request quota!", "MovieRequestQuotaExceeded", 0);
    }
    Optional<FakeTitle> found = title(MediaType.MOVIE, body.path("theMovieDbId").asInt());
    if (found.isEmpty()) {
      return result(false, "There was an issue adding this movie!", "Please try again later", null, 0);
    }
    FakeTitle t = found.get();
    boolean is4k = body.path("is4kRequest").asBoolean(false);
    if (t.status(is4k) == Availability.AVAILABLE) {
      return result(false, null, "This movie is already available.", "AlreadyRequested", 0);
    }
    if (filed.stream().anyMatch(r -> r.title == t && r.is4k == is4k) || !t.status(is4k).isRequestable()) {
      return result(false, null, "\"" + t.title() + "\" has already been requested", "AlreadyRequested", 0);
    }
    FiledRequest r = file(t, user, List.of(), is4k);
    return result(true, t.title() + " (" + t.year() + ") has been successfully added!", null, null, r.id);
  }

  private ObjectNode requestTv(JsonNode body, FakeUser user, boolean byTvdb) {
    checkFields(body, TV_FIELDS, "POST " + (byTvdb ? "Request/tv" : "Requests/tv"));
    Optional<FakeTitle> found;
    if (byTvdb) {
      int tvdb = body.path("tvDbId").asInt();
      found = titles().stream().filter(x -> x.type() == MediaType.TV && Integer.valueOf(tvdb).equals(x.tvdbId()))
          .findFirst();
    } else {
      found = title(MediaType.TV, body.path("theMovieDbId").asInt());
    }
    if (found.isEmpty()) {
      return result(false, null, "Could not find the show", null, 0);
    }
    if (user != null && !user.mayRequest()) {
      return result(false, null, "You do not have permissions to Request a TV Show", null, 0);
    }
    if (user != null && user.quotaExceeded()) {
      return result(false, null, "You have exceeded your Episode request quota!", null, 0);
    }
    FakeTitle t = found.get();
    List<Integer> asked = new ArrayList<>();
    if (body.path("requestAll").asBoolean(false)) {
      t.seasons().forEach(s -> asked.add(s.number())); // Ombi's requestAll includes specials
    } else {
      for (JsonNode s : body.path("seasons")) {
        if (s.path("episodes").size() == 0) {
          violations.add("season " + s.path("seasonNumber").asInt() + " sent without episodes: requests nothing");
          continue;
        }
        FakeTitle.FakeSeason season = t.season(s.path("seasonNumber").asInt());
        if (season != null && s.path("episodes").size() < season.episodes()) {
          violations.add("season " + season.number() + " sent with only " + s.path("episodes").size() + " of "
              + season.episodes() + " episodes");
        }
        asked.add(s.path("seasonNumber").asInt());
      }
    }
    List<Integer> fresh = new ArrayList<>();
    for (int n : asked) {
      FakeTitle.FakeSeason s = t.season(n);
      if (s != null && s.status().isRequestable()) {
        fresh.add(n);
      }
    }
    if (fresh.isEmpty()) {
      return result(false, null, "This has already been requested", "AlreadyRequested", 0);
    }
    FiledRequest r = file(t, user, fresh, false);
    return result(true, null, null, null, r.id);
  }

  // ---------------------------------------------------------------- JSON shapes

  private ArrayNode multiSearch(String term, JsonNode filter) {
    ArrayNode results = JSON.createArrayNode();
    String q = term.toLowerCase(Locale.ROOT);
    for (FakeTitle t : titles()) {
      boolean wanted = t.type() == MediaType.MOVIE ? filter.path("movies").asBoolean(false)
          : filter.path("tvShows").asBoolean(false);
      if (wanted && t.title().toLowerCase(Locale.ROOT).contains(q)) {
        results.addObject().put("id", Integer.toString(t.tmdbId())).put("mediaType", t.type().wire())
            .put("title", t.title() + " (" + t.year() + ")").put("poster", "/poster" + t.tmdbId() + ".jpg")
            .put("overview", t.overview());
      }
    }
    if (filter.path("people").asBoolean(false) && q.contains("keanu")) {
      results.addObject().put("id", "6384").put("mediaType", "person").put("title", "Keanu Reeves")
          .putNull("poster").putNull("overview");
    }
    return results;
  }

  private ObjectNode flags(ObjectNode n, Availability a) {
    return n.put("requested", a != Availability.UNKNOWN && a != Availability.DELETED)
        .put("approved", a == Availability.PROCESSING || a == Availability.AVAILABLE
            || a == Availability.PARTIALLY_AVAILABLE)
        .put("denied", false).putNull("deniedReason").put("available", a == Availability.AVAILABLE);
  }

  private ObjectNode movie(FakeTitle t) {
    ObjectNode n = JSON.createObjectNode().put("id", t.tmdbId()).put("theMovieDbId", Integer.toString(t.tmdbId()))
        .put("imdbId", "tt" + t.tmdbId()).putNull("theTvDbId").put("title", t.title())
        .put("originalTitle", t.title()).put("overview", t.overview()).put("releaseDate", t.releaseDate() + "T00:00:00")
        .put("posterPath", "/poster" + t.tmdbId() + ".jpg").put("originalLanguage", "en").put("popularity", 42.0)
        .put("voteAverage", 7.5).put("voteCount", 900).put("type", 1).put("requestId", 0);
    flags(n, t.status());
    n.put("has4KRequest", t.status4k() != Availability.UNKNOWN).put("approved4K", false)
        .put("available4K", t.status4k() == Availability.AVAILABLE).putNull("denied4K");
    return n;
  }

  private ObjectNode show(FakeTitle t, boolean tvmaze) {
    ObjectNode n = JSON.createObjectNode();
    if (tvmaze) {
      n.put("id", t.tvdbId()).put("theMovieDbId", Integer.toString(t.tvdbId())).putNull("theTvDbId")
          .put("seriesId", 82);
    } else {
      n.put("id", t.tmdbId()).put("theMovieDbId", Integer.toString(t.tmdbId()))
          .put("theTvDbId", t.tvdbId() == null ? null : Integer.toString(t.tvdbId()));
    }
    n.put("title", t.title()).put("status", "Ended").put("firstAired", t.releaseDate()).put("overview", t.overview())
        .put("type", 0).put("requestId", 0);
    flags(n, t.status());
    n.put("fullyAvailable", t.status() == Availability.AVAILABLE)
        .put("partlyAvailable", t.status() == Availability.PARTIALLY_AVAILABLE);
    ArrayNode seasons = n.putArray("seasonRequests");
    for (FakeTitle.FakeSeason s : t.seasons()) {
      if (s.number() == 0) {
        continue; // Ombi never lists specials here
      }
      ObjectNode season = seasons.addObject().put("seasonNumber", s.number()).put("overview", "")
          .put("seasonAvailable", s.status() == Availability.AVAILABLE).put("id", 0);
      ArrayNode episodes = season.putArray("episodes");
      for (int e = 1; e <= s.episodes(); e++) {
        Availability a = s.status() == Availability.PARTIALLY_AVAILABLE
            ? (e <= s.episodes() / 2 ? Availability.AVAILABLE : Availability.UNKNOWN) : s.status();
        ObjectNode ep = episodes.addObject().put("episodeNumber", e).put("title", "Episode " + e)
            .put("airDate", (t.year() + s.number() - 1) + "-04-17T00:00:00");
        flags(ep, a);
        ep.put("requestStatus", a == Availability.AVAILABLE ? "Common.Available"
            : a == Availability.PENDING ? "Common.PendingApproval"
            : a == Availability.PROCESSING ? "Common.ProcessingRequest" : "").putNull("url");
      }
    }
    return n;
  }

  private ObjectNode requestedUser(FakeUser u) {
    ObjectNode n = JSON.createObjectNode();
    return u == null ? n.put("userName", "Api").put("alias", "Api") : n.put("userName", u.name()).putNull("alias");
  }

  private ArrayNode movieRequests() {
    ArrayNode list = JSON.createArrayNode();
    for (FiledRequest r : filed) {
      if (r.title.type() == MediaType.MOVIE) {
        ObjectNode n = list.addObject().put("id", r.id).put("theMovieDbId", r.title.tmdbId())
            .put("title", r.title.title()).put("approved", approved(r)).put("available", available(r)).put("denied", denied(r))
            .put("requestedDate", r.createdAt.toString()).put("is4kRequest", r.is4k);
        n.set("requestedUser", requestedUser(r.user));
      }
    }
    return list;
  }

  private ArrayNode tvRequests() {
    ArrayNode list = JSON.createArrayNode();
    for (FiledRequest r : filed) {
      if (r.title.type() == MediaType.TV) {
        ObjectNode n = list.addObject().put("id", r.id).put("tvDbId", r.title.tvdbId() == null ? 0 : r.title.tvdbId())
            .put("externalProviderId", r.title.tmdbId()).put("title", r.title.title());
        ObjectNode child = n.putArray("childRequests").addObject().put("id", r.id).put("approved", approved(r))
            .put("available", available(r)).put("denied", denied(r)).put("requestedDate", r.createdAt.toString());
        child.set("requestedUser", requestedUser(r.user));
        ArrayNode seasons = child.putArray("seasonRequests");
        r.seasons.forEach(s -> seasons.addObject().put("seasonNumber", s));
      }
    }
    return list;
  }

  private static boolean approved(FiledRequest r) {
    return r.state() == FakeBackendServer.FakeRequestState.APPROVED || r.state() == FakeBackendServer.FakeRequestState.COMPLETED;
  }

  private static boolean available(FiledRequest r) {
    return r.state() == FakeBackendServer.FakeRequestState.COMPLETED;
  }

  private static boolean denied(FiledRequest r) {
    return r.state() == FakeBackendServer.FakeRequestState.DECLINED;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
