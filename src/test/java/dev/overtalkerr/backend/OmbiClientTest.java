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
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.RecordedCall;
import dev.overtalkerr.backend.fake.SpecValidator;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ombi client against fake Ombi v4 and v3 servers (research note §4). */
class OmbiClientTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final Requester ANNA = new Requester("anna", "Anna", false);

  private FakeOmbi fake;

  OmbiClient client(FakeOmbi server) {
    return client(server, Duration.ofSeconds(3), null);
  }

  OmbiClient client(FakeOmbi server, Duration budget, String alias) {
    fake = server.start();
    return new OmbiClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY, alias,
        new BackendInfo(BackendFlavour.OMBI, fake.version()), HTTP, Backends.lenientMapper(), budget);
  }

  @AfterEach
  void checks() {
    if (fake != null) {
      fake.close();
      assertThat(fake.violations()).as("requests Ombi would mishandle").isEmpty();
      for (RecordedCall call : fake.calls()) {
        assertThat(call.header("ApiKey")).as("ApiKey on " + call).isEqualTo(FakeBackendServer.API_KEY);
      }
    }
  }

  @Test
  void v4SearchUsesTheMultiEndpointWithAnEncodedPathAndSplitsTheYear() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());

    List<MediaItem> items = client.search("matrix", "en");

    assertThat(items).extracting(MediaItem::title).containsExactly("The Matrix", "The Matrix Reloaded");
    assertThat(items.get(0).tmdbId()).isEqualTo(603);
    assertThat(items.get(0).year()).isEqualTo(1999);
    assertThat(items.get(0).type()).isEqualTo(MediaType.MOVIE);
    RecordedCall call = fake.calls("POST", "/api/v2/Search/multi/").get(0);
    JsonNode filter = call.json();
    assertThat(filter.path("movies").asBoolean()).isTrue();
    assertThat(filter.path("tvShows").asBoolean()).isTrue();
    assertThat(filter.path("people").asBoolean(true)).isFalse();

    client.search("Face/Off: it's (1997) a+b?", null);
    String segment = fake.calls("POST", "/api/v2/Search/multi/").get(1).path().substring("/api/v2/Search/multi/".length());
    assertThat(SpecValidator.strictlyEncoded(segment)).as(segment).isTrue();
    assertThat(segment).startsWith("Face%20Off%3A%20it%27s%20%281997%29%20a%2Bb%3F");
  }

  @Test
  void v4DetailsGiveAvailabilityAndPerSeasonStatus() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());

    assertThat(client.details(MediaType.MOVIE, 603, null).status()).isEqualTo(Availability.AVAILABLE);
    MediaItem got = client.details(MediaType.TV, 1399, null);

    assertThat(got.tvdbId()).isEqualTo(121361);
    assertThat(got.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(got.seasons()).extracting(Season::number).containsExactly(1, 2, 3);
    assertThat(got.seasons()).extracting(Season::status)
        .containsExactly(Availability.AVAILABLE, Availability.PROCESSING, Availability.UNKNOWN);
    assertThat(got.seasons().get(0).episodeCount()).isEqualTo(10);
    assertThat(fake.calls("GET", "/api/v2/Search/tv/moviedb/1399")).hasSize(1);

    assertThatThrownBy(() -> client.details(MediaType.MOVIE, 424242, null))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.NOT_FOUND));
  }

  @Test
  void aMovieRequestActsAsTheUserWithAliasAndReadsTheEngineResult() throws Exception {
    OmbiClient client = client(FakeOmbi.v4(), Duration.ofSeconds(3), "Overtalkerr");

    RequestRecord record = client.request(MediaRequest.movie(550, false), ANNA);

    assertThat(record.id()).isNotEqualTo("0");
    assertThat(record.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    assertThat(record.requestedBy()).isEqualTo("anna");
    RecordedCall post = fake.calls("POST", "/api/v1/Request/movie").get(0);
    assertThat(post.header("UserName")).isEqualTo("anna");
    assertThat(post.header("ApiAlias")).isEqualTo("Overtalkerr");
    assertThat(post.json().path("theMovieDbId").asInt()).isEqualTo(550);
    assertThat(post.json().has("requestOnBehalf")).isFalse();
    assertThat(fake.title(MediaType.MOVIE, 550).orElseThrow().status()).isEqualTo(Availability.PENDING);

    // HTTP 200 with result:false is a failure
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.ALREADY_REQUESTED);
          assertThat(e.getMessage()).contains("has already been requested");
        });
  }

  @Test
  void quotaAndPermissionsComeBackIn200Answers() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());
    fake.user("anna").orElseThrow().quotaExceeded(true);
    fake.user("ben").orElseThrow().mayRequest(false);

    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.QUOTA_EXCEEDED));
    assertThatThrownBy(() -> client.request(MediaRequest.tv(1396, null, SeasonSelection.ALL, false), ANNA))
        .as("TV quota failures carry no errorCode, only text")
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.QUOTA_EXCEEDED));
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), new Requester("ben", "Ben", false)))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED));
    assertThat(fake.filedRequests()).isEmpty();
  }

  @Test
  void aSeasonRequestListsEveryEpisodeAndNothingNewIsNoSeasonsLeft() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());

    RequestRecord record = client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), false), ANNA);

    assertThat(record.seasons()).containsExactly(3);
    JsonNode body = fake.calls("POST", "/api/v2/Requests/tv").get(0).json();
    assertThat(body.path("theMovieDbId").asInt()).isEqualTo(1399);
    assertThat(body.path("requestAll").asBoolean(true)).isFalse();
    assertThat(body.path("seasons")).hasSize(1);
    assertThat(body.path("seasons").get(0).path("seasonNumber").asInt()).isEqualTo(3);
    assertThat(body.path("seasons").get(0).path("episodes")).hasSize(10);
    assertThat(body.path("seasons").get(0).path("episodes").get(9).path("episodeNumber").asInt()).isEqualTo(10);

    assertThatThrownBy(() -> client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(1, 3), false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.NO_SEASONS_LEFT));
    assertThatThrownBy(() -> client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(9), false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.NOT_FOUND));
  }

  @Test
  void allSeasonsNamesEveryRegularSeasonButNeverSpecials() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());
    client.request(MediaRequest.tv(1396, null, SeasonSelection.ALL, false), Requester.OWNER);
    JsonNode body = fake.calls("POST", "/api/v2/Requests/tv").get(0).json();
    assertThat(body.path("requestAll").asBoolean(true)).isFalse();
    assertThat(body.path("seasons")).extracting(s -> s.path("seasonNumber").asInt()).containsExactly(1, 2);
    assertThat(fake.calls("POST", "/api/v2/Requests/tv").get(0).header("UserName")).isNull();
  }

  @Test
  void wrongKeyAndUnknownUser() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), new Requester("nobody", "N", false)))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED);
          assertThat(e.getMessage()).contains("nobody");
        });
    fake.apiKey("another-key");
    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class, e -> {
      assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED);
      assertThat(e.getMessage()).doesNotContain(FakeBackendServer.API_KEY);
    });
  }

  @Test
  void aSlowRequestThatWasStoredIsFoundInsteadOfRetried() throws Exception {
    OmbiClient client = client(FakeOmbi.v4(), Duration.ofMillis(900), null);
    fake.delay("POST", Duration.ofSeconds(3));

    RequestRecord record = client.request(MediaRequest.movie(550, false), ANNA);

    assertThat(record.tmdbId()).isEqualTo(550);
    assertThat(record.requestedBy()).isEqualTo("anna");
    assertThat(fake.calls("POST", "/api/v1/Request/movie")).hasSize(1);
  }

  @Test
  void aSlowSeasonRequestIsFoundByItsSeasons() throws Exception {
    OmbiClient client = client(FakeOmbi.v4(), Duration.ofMillis(900), null);
    client.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), ANNA);
    fake.delay("POST", Duration.ofSeconds(3));

    RequestRecord record = client.request(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA);

    assertThat(record.seasons()).containsExactly(2);
    assertThat(fake.calls("POST", "/api/v2/Requests/tv")).hasSize(2);
  }

  @Test
  void downIsUnreachableAndServerErrorsAreReported() {
    OmbiClient client = client(FakeOmbi.v4(), Duration.ofSeconds(1), null);
    fake.failNext(1, 500);
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.SERVER_ERROR));
    assertThat(fake.calls("POST", "/api/v1/Request/movie")).hasSize(1);
    fake.goDown();
    assertThatThrownBy(() -> client.details(MediaType.MOVIE, 603, null))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.UNREACHABLE));
  }

  @Test
  void requestListsAndUsers() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());
    client.request(MediaRequest.movie(550, false), ANNA);
    client.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), Requester.OWNER);

    List<RequestRecord> requests = client.requests(10);
    assertThat(requests).extracting(RequestRecord::tmdbId).containsExactly(1396, 550);
    assertThat(requests.get(0).seasons()).containsExactly(1);
    assertThat(requests.get(0).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(requests.get(1).requestedBy()).isEqualTo("anna");
    assertThat(client.existingRequest(MediaType.MOVIE, 550)).isPresent();

    assertThat(client.users()).containsExactly(new BackendUser("anna", "Anna", "anna@example.org"),
        new BackendUser("ben", "Ben", "ben@example.org"));
  }

  @Test
  void filedRequestFindsTheRequestThatFilingCouldHaveMade() throws Exception {
    OmbiClient client = client(FakeOmbi.v4());
    RequestRecord film = client.request(MediaRequest.movie(550, false), ANNA);
    RequestRecord show = client.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), Requester.OWNER);

    assertThat(client.filedRequest(MediaRequest.movie(550, false), ANNA)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(film.id()));
    assertThat(client.filedRequest(MediaRequest.movie(550, false), new Requester("ben", "Ben", false))).isEmpty();
    assertThat(client.filedRequest(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), Requester.OWNER))
        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(show.id()));
    assertThat(client.filedRequest(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), Requester.OWNER)).isEmpty();
    assertThat(client.filedRequest(MediaRequest.movie(603, false), ANNA)).isEmpty();
  }

  @Test
  void v3FindsAFiledSeriesByItsTvdbKey() throws Exception {
    OmbiClient client = client(FakeOmbi.v3());
    RequestRecord tv = client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), false), ANNA);
    assertThat(client.filedRequest(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), false), ANNA))
        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(tv.id()));
  }

  // ------------------------------------------------------------------ v3

  @Test
  void v3SearchesFilmsAndSeriesSeparatelyAndKeysSeriesByTvdb() throws Exception {
    OmbiClient client = client(FakeOmbi.v3());

    List<MediaItem> items = client.search("thrones", null);

    assertThat(items).hasSize(1);
    assertThat(items.get(0).type()).isEqualTo(MediaType.TV);
    assertThat(items.get(0).tvdbId()).isEqualTo(121361);
    assertThat(items.get(0).tmdbId()).as("v3's only series key").isEqualTo(121361);
    assertThat(fake.calls("GET", "/api/v1/Search/movie/thrones")).hasSize(1);
    assertThat(fake.calls("GET", "/api/v1/Search/tv/thrones")).hasSize(1);
    assertThat(fake.calls("POST", "/api/v2/")).isEmpty();
  }

  @Test
  void fourKIsRefusedWhereOmbiHasNoneRatherThanReportedAsMade() throws Exception {
    OmbiClient v3 = client(FakeOmbi.v3());
    assertThatThrownBy(() -> v3.request(MediaRequest.movie(550, true), ANNA)).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.PERMISSION_DENIED);
    fake.close();
    OmbiClient v4 = client(FakeOmbi.v4());
    assertThatThrownBy(() -> v4.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), true), ANNA))
        .isInstanceOf(BackendException.class).extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.PERMISSION_DENIED);
    assertThat(fake.filedRequests()).isEmpty();
  }

  @Test
  void v3RequestsUseTheV1EndpointsWithoutV4Fields() throws Exception {
    OmbiClient client = client(FakeOmbi.v3());

    client.request(MediaRequest.movie(550, false), ANNA);
    RequestRecord tv = client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), false), ANNA);

    assertThat(fake.calls("POST", "/api/v1/Request/movie").get(0).json().has("is4kRequest")).isFalse();
    JsonNode body = fake.calls("POST", "/api/v1/Request/tv").get(0).json();
    assertThat(body.path("tvDbId").asInt()).isEqualTo(121361);
    assertThat(body.has("theMovieDbId")).isFalse();
    assertThat(body.path("seasons").get(0).path("episodes")).hasSize(10);
    assertThat(tv.seasons()).containsExactly(3);
    assertThat(fake.calls("GET", "/api/v1/Search/tv/info/121361")).hasSize(1);
  }

  @Test
  void v3FailuresWithoutErrorCodeAreReadFromTheText() throws Exception {
    OmbiClient client = client(FakeOmbi.v3());
    client.request(MediaRequest.movie(550, false), ANNA);
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.ALREADY_REQUESTED));
  }
}
