package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.SeasonSelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.backend.fake.RecordedCall;
import dev.overtalkerr.backend.fake.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The research note's real-shaped examples ({@code src/test/resources/fixtures/}, copied from
 * {@code shared/research/examples}): their requests and answers must agree with the specs under the
 * validator settings the fakes use, and the clients must read the answers as served verbatim
 * (nulls, undocumented fields and all).
 */
class ResearchFixturesTest {
  private static final ObjectMapper JSON = Backends.lenientMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();
  private final MockWebServer server = new MockWebServer();
  private final Map<String, JsonNode> served = new HashMap<>();

  static List<JsonNode> fixtures(String file) throws IOException {
    try (InputStream in = ResearchFixturesTest.class.getResourceAsStream("/fixtures/" + file)) {
      List<JsonNode> list = new ArrayList<>();
      JSON.readTree(in).forEach(list::add);
      return list;
    }
  }

  static JsonNode fixture(String file, String name) throws IOException {
    return fixtures(file).stream().filter(f -> f.path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  private static BackendFlavour flavour(String spec) {
    return BackendFlavour.valueOf(spec.toUpperCase(Locale.ROOT));
  }

  private static RecordedCall call(JsonNode f) {
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, JsonNode> h : f.path("headers").properties()) {
      headers.add(h.getKey(), h.getValue().asText());
    }
    String body = f.path("body").isNull() || f.path("body").isMissingNode() ? "" : f.path("body").toString();
    if (!body.isEmpty()) {
      headers.add("Content-Type", "application/json");
    }
    String query = f.path("query").isTextual() ? f.path("query").asText() : null;
    return new RecordedCall(f.path("method").asText(), f.path("path").asText(), query, headers.build(), body, 0);
  }

  @Test
  void seerrFixtureRequestsAndAnswersAgreeWithTheirSpecs() throws IOException {
    List<JsonNode> all = new ArrayList<>(fixtures("seerr-examples.json"));
    all.addAll(fixtures("realistic.json"));
    for (JsonNode f : all) {
      RecordedCall call = call(f);
      int status = f.path("status").asInt();
      for (JsonNode spec : f.path("specs")) {
        List<String> problems = SpecValidator.problems(flavour(spec.asText()), call);
        // the note lists this example under all three specs, but says Overseerr answers it with 400
        boolean refused = status == 400
            || f.path("name").asText().equals("request-list-seerr-extras") && spec.asText().equals("overseerr");
        if (refused) {
          assertThat(problems).as(f.path("name").asText() + " must be refused by " + spec).isNotEmpty();
        } else {
          assertThat(problems).as(f.path("name").asText() + " against " + spec).isEmpty();
        }
        if (status >= 200 && status < 300 && f.path("response").isObject()) {
          assertThat(SpecValidator.responseProblems(flavour(spec.asText()), call, status,
              f.path("response").toString())).as("answer of " + f.path("name").asText()).isEmpty();
        }
      }
    }
  }

  // ------------------------------------------------------------------ serving fixtures verbatim

  private String serve(String file, String... names) throws IOException {
    for (String name : names) {
      JsonNode f = fixture(file, name);
      served.put(f.path("method").asText() + " " + f.path("path").asText().toLowerCase(Locale.ROOT), f);
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        JsonNode f = served.get(request.getMethod() + " " + request.getUrl().encodedPath().toLowerCase(Locale.ROOT));
        if (f == null) {
          return new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build();
        }
        String body = f.path("raw").isTextual() ? f.path("raw").asText() : f.path("response").toString();
        return new MockResponse.Builder().code(f.path("status").asInt()).body(body).build();
      }
    });
    if (!server.getStarted()) {
      server.start();
    }
    return server.url("/").toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SeerrClient seerr(String url) {
    return new SeerrClient(HttpUrl.get(url), "k", new BackendInfo(BackendFlavour.SEERR, "3.1.0"), HTTP, JSON,
        Duration.ofSeconds(2));
  }

  private OmbiClient ombi(String url) {
    return new OmbiClient(HttpUrl.get(url), "k", null, new BackendInfo(BackendFlavour.OMBI, "4.59.3"), HTTP, JSON,
        Duration.ofSeconds(2));
  }

  private OmbiClient ombiV3(String url) {
    return new OmbiClient(HttpUrl.get(url), "k", null, new BackendInfo(BackendFlavour.OMBI, "3.0.5223"), HTTP, JSON,
        Duration.ofSeconds(2));
  }

  @Test
  void seerrSearchDetailsAndRequestsReadAsServed() throws Exception {
    SeerrClient client = seerr(serve("seerr-examples.json", "search", "tv", "movie"));

    List<MediaItem> found = client.search("The Matrix", "en");
    assertThat(found).extracting(MediaItem::title).containsExactly("The Matrix", "Game of Thrones");
    assertThat(found.get(0).status()).isEqualTo(Availability.AVAILABLE);
    assertThat(found.get(1).status()).isEqualTo(Availability.UNKNOWN);

    MediaItem got = client.details(MediaType.TV, 1399, "en");
    assertThat(got.tvdbId()).isEqualTo(121361);
    assertThat(got.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(got.seasons()).extracting(Season::status)
        .containsExactly(Availability.UNKNOWN, Availability.AVAILABLE, Availability.PROCESSING);
    assertThat(client.details(MediaType.MOVIE, 603, "en").status()).isEqualTo(Availability.PROCESSING);
    assertThat(client.existingRequest(MediaType.MOVIE, 603)).hasValueSatisfying(r -> {
      assertThat(r.id()).isEqualTo("40");
      assertThat(r.requestedBy()).isEqualTo("5");
      assertThat(r.status()).isEqualTo(RequestStatus.APPROVED);
    });
  }

  @Test
  void seerrRealisticNullsAreReadLeniently() throws Exception {
    String url = serve("realistic.json", "request-movie-realistic-nulls", "request-list-realistic-nulls",
        "users-realistic-nulls");
    SeerrClient client = seerr(url);

    RequestRecord made = client.request(MediaRequest.movie(550, false), new Requester("5", "alice", false));
    assertThat(made.id()).isEqualTo("42");
    assertThat(made.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    assertThat(made.mediaStatus()).isEqualTo(Availability.PENDING);
    assertThat(client.requests(10)).isNotEmpty().allSatisfy(r -> assertThat(r.tmdbId()).isPositive());
    assertThat(client.users()).isNotEmpty().allSatisfy(u -> assertThat(u.displayName()).isNotBlank());
  }

  @Test
  void seerrErrorAnswersMapToStableCodes() throws Exception {
    assertThatThrownBy(() -> seerr(serve("seerr-examples.json", "request-409"))
        .request(MediaRequest.movie(550, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.ALREADY_REQUESTED));
    assertThatThrownBy(() -> seerr(serve("seerr-examples.json", "request-403-quota"))
        .request(MediaRequest.movie(550, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.QUOTA_EXCEEDED));
    assertThatThrownBy(() -> seerr(serve("seerr-examples.json", "request-403-perm"))
        .request(MediaRequest.movie(550, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED));
    assertThatThrownBy(() -> seerr(serve("seerr-examples.json", "request-202-noseasons"))
        .request(MediaRequest.tv(1399, null, SeasonSelection.of(1), false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.NO_SEASONS_LEFT));
    assertThatThrownBy(() -> seerr(serve("seerr-examples.json", "user-403")).users())
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED));
  }

  @Test
  void ombiAnswersReadAsServed() throws Exception {
    OmbiClient client = ombi(serve("ombi-examples.json", "ombi-v2-multi", "ombi-v2-tv-info", "ombi-v2-movie-info",
        "ombi-users"));

    List<MediaItem> found = client.search("The Matrix", null);
    assertThat(found).extracting(MediaItem::title).containsExactly("The Matrix", "Game of Thrones");
    assertThat(found.get(0).year()).isEqualTo(1999);
    assertThat(found.get(1).year()).isNull();
    MediaItem got = client.details(MediaType.TV, 1399, null);
    assertThat(got.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(got.seasons()).extracting(Season::status)
        .containsExactly(Availability.AVAILABLE, Availability.UNKNOWN);
    assertThat(client.details(MediaType.MOVIE, 603, null).status()).isEqualTo(Availability.PROCESSING);
    assertThat(client.users()).containsExactly(new BackendUser("alice", "Alice", "alice@example.org"));
  }

  @Test
  void ombiEngineFailuresIn200AnswersMapToStableCodes() throws Exception {
    assertThatThrownBy(() -> ombi(serve("ombi-examples.json", "ombi-request-movie-dup"))
        .request(MediaRequest.movie(603, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.ALREADY_REQUESTED));
    assertThatThrownBy(() -> ombi(serve("ombi-examples.json", "ombi-request-movie-quota"))
        .request(MediaRequest.movie(550, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.QUOTA_EXCEEDED));
    assertThatThrownBy(() -> ombiV3(serve("ombi-examples.json", "ombi-bad-key")).search("matrix", null))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED));
    assertThatThrownBy(() -> ombiV3(serve("ombi-examples.json", "ombi-unknown-user")).search("matrix", null))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED));
    assertThatThrownBy(() -> ombiV3(serve("ombi-examples.json", "ombi-no-auth")).search("matrix", null))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED));
  }
}
