package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Genre;
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
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.backend.fake.FakeTitle;
import dev.overtalkerr.backend.fake.RecordedCall;
import dev.overtalkerr.backend.fake.SpecValidator;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Seerr-family client against fake Overseerr, Jellyseerr and Seerr servers. Every call the
 * client makes is validated by the fake against the flavour's real OpenAPI spec (400 like the real
 * server), and {@link #noSpecViolations()} fails the test if any call broke it.
 */
class SeerrClientTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final ObjectMapper JSON = Backends.lenientMapper();
  static final Requester ANNA = new Requester("7", "Anna", false);

  private FakeSeerr fake;

  static Stream<FakeSeerr> flavours() {
    return Stream.of(FakeSeerr.overseerr(), FakeSeerr.jellyseerr(), FakeSeerr.seerr());
  }

  SeerrClient client(FakeSeerr server) {
    return client(server, Duration.ofSeconds(3));
  }

  SeerrClient client(FakeSeerr server, Duration budget) {
    fake = server.start();
    return new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY,
        new BackendInfo(fake.flavour(), fake.version()), HTTP, JSON, budget);
  }

  @AfterEach
  void noSpecViolations() {
    if (fake != null) {
      fake.close();
      assertThat(fake.violations()).as("requests the real server would refuse").isEmpty();
      assertThat(fake.responseViolations()).as("fixtures that break the spec").isEmpty();
      for (RecordedCall call : fake.calls()) {
        if (!call.path().equals("/api/v1/status") && !call.path().equals("/api/v1/settings/public")) {
          assertThat(call.header("X-Api-Key")).as("X-Api-Key on " + call).isEqualTo(FakeBackendServer.API_KEY);
        }
      }
    }
  }

  // ------------------------------------------------------------------ search and details

  @ParameterizedTest
  @MethodSource("flavours")
  void searchEncodesTheQueryStrictlyAndSendsOnlySpecParameters(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    String query = "Ach du Scheiße! It's (1999): a+b/c?*&x=y #1";

    assertThat(client.search(query, "de")).isEmpty();

    RecordedCall call = fake.calls("GET", "/api/v1/search").get(0);
    assertThat(call.rawQuery()).doesNotContain("+").contains("%20").contains("%2B").contains("%2A");
    assertThat(call.rawQueryValues()).allMatch(SpecValidator::strictlyEncoded);
    assertThat(call.queryParam("query")).isEqualTo(query);
    assertThat(call.query()).containsOnlyKeys("query", "page", "language");
    assertThat(call.queryParam("language")).isEqualTo("de");
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void searchNormalisesResultsAndDropsPersons(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);

    List<MediaItem> matrix = client.search("matrix", null);
    assertThat(matrix).extracting(MediaItem::title).containsExactly("The Matrix", "The Matrix Reloaded");
    MediaItem first = matrix.get(0);
    assertThat(first.type()).isEqualTo(MediaType.MOVIE);
    assertThat(first.tmdbId()).isEqualTo(603);
    assertThat(first.year()).isEqualTo(1999);
    assertThat(first.status()).isEqualTo(Availability.AVAILABLE);
    assertThat(first.status4k()).isEqualTo(Availability.UNKNOWN);
    assertThat(first.overview()).isEqualTo("About The Matrix.");
    assertThat(first.posterPath()).isEqualTo("/poster603.jpg");
    assertThat(first.originalLanguage()).isEqualTo("en");
    assertThat(first.popularity()).isPositive();
    assertThat(matrix.get(1).status()).isEqualTo(Availability.UNKNOWN); // no mediaInfo at all

    assertThat(client.search("Keanu Reeves", null)).as("person results are dropped").isEmpty();
    MediaItem got = client.search("thrones", "en").get(0);
    assertThat(got.type()).isEqualTo(MediaType.TV);
    assertThat(got.title()).isEqualTo("Game of Thrones");
    assertThat(got.tvdbId()).isEqualTo(121361);
    assertThat(got.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void creditsComeFromThePersonSearchAndCombinedCredits(FakeSeerr server) throws Exception {
    FakeTitle lynchDune = server.addMovie(841, "Dune", 1984, Availability.UNKNOWN);
    FakeTitle twinPeaks = server.addSeries(1920, 70533, "Twin Peaks", 1990, Availability.UNKNOWN);
    server.addMovie(438631, "Dune", 2021, Availability.UNKNOWN);
    server.addPerson(6677, "Kyle MacLachlan", List.of(lynchDune, twinPeaks), List.of());
    server.addPerson(6678, "Kyle MacLachlan Junior", List.of(), List.of());
    server.addPerson(5602, "David Lynch", List.of(twinPeaks), List.of(lynchDune));
    SeerrClient client = client(server);

    Credits kyle = client.credits("kyle maclachlan", "en");
    assertThat(kyle.person()).isEqualTo("Kyle MacLachlan");
    assertThat(kyle.titles()).containsExactlyInAnyOrder(new Credits.Credit(MediaType.MOVIE, 841),
        new Credits.Credit(MediaType.TV, 1920));
    assertThat(fake.calls("GET", "/api/v1/person/6677/combined_credits")).hasSize(1);
    assertThat(client.credits("David Lynch", null).includes(client.search("dune", null).stream()
        .filter(i -> i.year() == 1984).findFirst().orElseThrow())).as("crew counts too").isTrue();

    assertThat(client.credits("nobody of that name", "en").isEmpty()).isTrue();
    assertThat(client.credits(" ", "en").isEmpty()).isTrue();
    assertThat(fake.calls("GET", "/api/v1/person/")).as("no credits call without a person").hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void searchResultsCarryGenresThatTellVersionsApartAndCountriesOfOrigin(FakeSeerr server) throws Exception {
    server.addMovie(10020, "Beauty and the Beast", 1991, Availability.UNKNOWN).genres(16, 10751, 14);
    server.addMovie(321612, "Beauty and the Beast", 2017, Availability.UNKNOWN).genres(10751, 14);
    server.addSeries(2996, 78107, "The Office", 2001, Availability.UNKNOWN).countries("GB");
    SeerrClient client = client(server);

    List<MediaItem> beauty = client.search("beauty and the beast", "en");
    assertThat(beauty).extracting(MediaItem::year, MediaItem::genres)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1991, java.util.Set.of(Genre.ANIMATION)),
            org.assertj.core.groups.Tuple.tuple(2017, java.util.Set.of()));
    assertThat(client.search("the office", "en").get(0).originCountries()).containsExactly("GB");
    assertThat(client.details(MediaType.MOVIE, 10020, "en").genres()).containsExactly(Genre.ANIMATION);
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void seriesDetailsCarryEverySeasonWithItsStatus(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);

    MediaItem got = client.details(MediaType.TV, 1399, "en");

    assertThat(got.tvdbId()).isEqualTo(121361);
    assertThat(got.year()).isEqualTo(2011);
    assertThat(got.seasons()).extracting(Season::number).containsExactly(0, 1, 2, 3);
    assertThat(got.regularSeasons()).extracting(Season::status)
        .containsExactly(Availability.AVAILABLE, Availability.PROCESSING, Availability.UNKNOWN);
    assertThat(got.seasons().get(1).episodeCount()).isEqualTo(10);
    assertThat(got.seasons().get(1).airYear()).isEqualTo(2012);
    assertThat(fake.calls("GET", "/api/v1/tv/1399").get(0).queryParam("language")).isEqualTo("en");
  }

  @Test
  void movieDetailsAndUnknownIds() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    MediaItem matrix = client.details(MediaType.MOVIE, 603, null);
    assertThat(matrix.title()).isEqualTo("The Matrix");
    assertThat(matrix.status()).isEqualTo(Availability.AVAILABLE);
    assertThat(fake.calls("GET", "/api/v1/movie/603").get(0).rawQuery()).isNull();

    assertThatThrownBy(() -> client.details(MediaType.MOVIE, 999999, null))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.NOT_FOUND));
  }

  // ------------------------------------------------------------------ status mapping

  @ParameterizedTest
  @EnumSource(value = BackendFlavour.class, names = {"OVERSEERR", "JELLYSEERR", "SEERR"})
  void mediaStatusNumbersMapPerFlavour(BackendFlavour flavour) {
    assertThat(SeerrClient.availability(1, flavour)).isEqualTo(Availability.UNKNOWN);
    assertThat(SeerrClient.availability(2, flavour)).isEqualTo(Availability.PENDING);
    assertThat(SeerrClient.availability(3, flavour)).isEqualTo(Availability.PROCESSING);
    assertThat(SeerrClient.availability(4, flavour)).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(SeerrClient.availability(5, flavour)).isEqualTo(Availability.AVAILABLE);
    boolean newer = flavour != BackendFlavour.OVERSEERR;
    assertThat(SeerrClient.availability(6, flavour)).isEqualTo(newer ? Availability.BLOCKLISTED : Availability.UNKNOWN);
    assertThat(SeerrClient.availability(7, flavour)).isEqualTo(newer ? Availability.DELETED : Availability.UNKNOWN);
    assertThat(SeerrClient.availability(99, flavour)).isEqualTo(Availability.UNKNOWN);
  }

  @Test
  void blocklistedTitlesReadAsBlocklistedAndCannotBeRequested() throws Exception {
    SeerrClient client = client(FakeSeerr.jellyseerr());
    assertThat(client.details(MediaType.MOVIE, 10, null).status()).isEqualTo(Availability.BLOCKLISTED);
    assertThatThrownBy(() -> client.request(MediaRequest.movie(10, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.BLOCKLISTED));
  }

  @Test
  void deletedTitlesReadAsDeletedOnSeerr() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.addMovie(77, "Gone Film", 2001, Availability.DELETED);
    assertThat(client.details(MediaType.MOVIE, 77, null).status()).isEqualTo(Availability.DELETED);
  }

  // ------------------------------------------------------------------ requests

  @ParameterizedTest
  @MethodSource("flavours")
  void aMovieRequestRunsAsTheUserAndASecondOneIsADuplicate(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);

    RequestRecord record = client.request(MediaRequest.movie(550, false), ANNA);

    assertThat(record.type()).isEqualTo(MediaType.MOVIE);
    assertThat(record.tmdbId()).isEqualTo(550);
    assertThat(record.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    assertThat(record.mediaStatus()).isEqualTo(Availability.PENDING);
    assertThat(record.requestedBy()).isEqualTo("7");
    assertThat(record.createdAt()).isNotNull();
    RecordedCall post = fake.calls("POST", "/api/v1/request").get(0);
    assertThat(post.header("X-API-User")).isEqualTo("7");
    assertThat(post.header("Content-Type")).startsWith("application/json");
    JsonNode body = post.json();
    assertThat(body.path("mediaType").asText()).isEqualTo("movie");
    assertThat(body.path("mediaId").asInt()).isEqualTo(550);
    assertThat(body.path("is4k").asBoolean(true)).isFalse();
    assertThat(body.has("seasons")).isFalse();
    assertThat(body.has("userId")).as("userId would not stop auto-approval").isFalse();
    assertThat(client.details(MediaType.MOVIE, 550, null).status()).isEqualTo(Availability.PENDING);

    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.ALREADY_REQUESTED));
  }

  @Test
  void theOwnerSendsNoUserHeaderAndIsApproved() throws Exception {
    SeerrClient client = client(FakeSeerr.overseerr());
    RequestRecord record = client.request(MediaRequest.movie(604, true), Requester.OWNER);
    assertThat(record.status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(record.is4k()).isTrue();
    RecordedCall post = fake.calls("POST", "/api/v1/request").get(0);
    assertThat(post.header("X-API-User")).isNull();
    assertThat(post.json().path("is4k").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void seriesRequestsSendSeasonListsAndNothingLeftIs202(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);

    RequestRecord record = client.request(MediaRequest.tv(1399, 121361, SeasonSelection.of(3), false), ANNA);

    assertThat(record.type()).isEqualTo(MediaType.TV);
    assertThat(record.seasons()).containsExactly(3);
    JsonNode body = fake.calls("POST", "/api/v1/request").get(0).json();
    assertThat(body.path("seasons").isArray()).isTrue();
    assertThat(body.path("seasons").get(0).asInt()).isEqualTo(3);
    assertThat(body.path("tvdbId").asInt()).isEqualTo(121361);
    assertThat(client.details(MediaType.TV, 1399, null).seasons().get(3).status()).isEqualTo(Availability.PENDING);

    assertThatThrownBy(() -> client.request(MediaRequest.tv(1399, null, SeasonSelection.of(1, 3), false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.NO_SEASONS_LEFT);
          assertThat(e.getMessage()).contains("No seasons available to request");
        });
  }

  @Test
  void allSeasonsIsSentAsTheStringAll() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    RequestRecord record = client.request(MediaRequest.tv(1396, null, SeasonSelection.ALL, false), Requester.OWNER);
    assertThat(record.seasons()).containsExactly(1, 2);
    assertThat(fake.calls("POST", "/api/v1/request").get(0).json().path("seasons").asText()).isEqualTo("all");
    assertThatThrownBy(() -> client.request(MediaRequest.tv(1396, null, SeasonSelection.ALL, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.NO_SEASONS_LEFT));
  }

  @Test
  void allSeasonsOnOverseerrNamesTheRegularSeasonsSoSpecialsStayOut() throws Exception {
    SeerrClient client = client(FakeSeerr.overseerr());
    RequestRecord record = client.request(MediaRequest.tv(1399, null, SeasonSelection.ALL, false), ANNA);
    JsonNode seasons = fake.calls("POST", "/api/v1/request").get(0).json().path("seasons");
    assertThat(seasons).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
    assertThat(record.seasons()).containsExactly(3);
    assertThat(fake.title(MediaType.TV, 1399).orElseThrow().season(0).status()).isEqualTo(Availability.UNKNOWN);
  }

  @Test
  void quotaAndPermissionRefusals() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.user(7).orElseThrow().quotaExceeded(true);
    fake.user(8).orElseThrow().mayRequest(false);

    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.QUOTA_EXCEEDED);
          assertThat(e.getMessage()).contains("Movie Quota exceeded.");
        });
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), new Requester("8", "Ben", false)))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED));
    assertThat(fake.filedRequests()).isEmpty();
  }

  @Test
  void anUnknownUserIdIsAPermissionProblemNotABadKey() throws Exception {
    SeerrClient client = client(FakeSeerr.overseerr());
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), new Requester("99", "Ghost", false)))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.PERMISSION_DENIED);
          assertThat(e.getMessage()).contains("99");
        });
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), new Requester("anna", "Anna", false)))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.USER_NOT_MAPPED));
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void aWrongKeyIsAuthRefusedAndNeverShown(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    fake.apiKey("another-key");

    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class, e -> {
      assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED);
      assertThat(e.getMessage()).doesNotContain(FakeBackendServer.API_KEY);
    });
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.AUTH_REFUSED);
          assertThat(e.getMessage()).doesNotContain(FakeBackendServer.API_KEY);
        });
  }

  // ------------------------------------------------------------------ CSRF

  @Test
  void csrfProtectionTellsTheAdminWhichSettingToSwitchOff() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.csrf(true);

    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.CSRF_PROTECTION);
          assertThat(e.getMessage()).contains("Settings → Network").contains("Enable CSRF Protection");
        });
    List<RecordedCall> posts = fake.calls("POST", "/api/v1/request");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).header("X-XSRF-TOKEN")).as("the token exchange was tried once").isNotNull();
    assertThat(fake.filedRequests()).isEmpty();
  }

  @Test
  void csrfOnOverseerrNamesTheGeneralSettings() throws Exception {
    SeerrClient client = client(FakeSeerr.overseerr());
    fake.csrf(true);
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), Requester.OWNER))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.getMessage()).contains("Settings → General"));
  }

  @Test
  void theCsrfTokenExchangeIsUsedWhenItWorks() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.csrf(true).csrfExchangeWorks(true);

    RequestRecord record = client.request(MediaRequest.movie(550, false), ANNA);

    assertThat(record.tmdbId()).isEqualTo(550);
    assertThat(fake.filedRequests()).hasSize(1);
  }

  // ------------------------------------------------------------------ retries, budget, failures

  @Test
  void aTransientGetFailureIsRetried() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.failNext(1, 503);
    assertThat(client.search("matrix", null)).hasSize(2);
    assertThat(fake.calls("GET", "/api/v1/search")).hasSize(2);
  }

  @Test
  void getRetriesStopAfterThreeAttempts() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.failNext(10, 503);
    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.error()).isEqualTo(BackendError.SERVER_ERROR));
    assertThat(fake.calls("GET", "/api/v1/search")).hasSize(3);
  }

  @Test
  void aServerErrorIsNotRetriedAndReported() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.failNext(1, 500);
    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.error()).isEqualTo(BackendError.SERVER_ERROR));
    assertThat(fake.calls("GET", "/api/v1/search")).hasSize(1);
  }

  @Test
  void aPostIsNeverRetriedOnAServerError() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    fake.failNext(1, 503);
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.error()).isEqualTo(BackendError.SERVER_ERROR));
    assertThat(fake.calls("POST", "/api/v1/request")).hasSize(1);
  }

  @Test
  void aSlowPostThatWasStoredIsFoundInsteadOfRetried() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr(), Duration.ofMillis(900));
    fake.delay("POST", Duration.ofSeconds(3));

    RequestRecord record = client.request(MediaRequest.movie(550, false), ANNA);

    assertThat(record.tmdbId()).isEqualTo(550);
    assertThat(record.requestedBy()).isEqualTo("7");
    assertThat(fake.calls("POST", "/api/v1/request")).hasSize(1);
    assertThat(fake.calls("GET", "/api/v1/movie/550")).hasSize(1);
  }

  @Test
  void theReadBackPicksTheRequestForTheAskedSeasonsNotAnOlderOne() throws Exception {
    SeerrClient client = client(FakeSeerr.jellyseerr(), Duration.ofMillis(900));
    RequestRecord first = client.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), ANNA);
    fake.delay("POST", Duration.ofSeconds(3));

    RequestRecord second = client.request(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA);

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.seasons()).containsExactly(2);
    assertThat(fake.calls("POST", "/api/v1/request")).hasSize(2);
  }

  @Test
  void aSlowPostThatWasNotStoredIsATimeout() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr(), Duration.ofMillis(900));
    fake.delay("POST", Duration.ofSeconds(3));
    fake.user(7).orElseThrow().quotaExceeded(true); // the server refuses, but too late to hear it

    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.TIMEOUT));
    assertThat(fake.calls("POST", "/api/v1/request")).hasSize(1);
  }

  @Test
  void aSlowGetIsATimeoutWithinTheBudget() {
    SeerrClient client = client(FakeSeerr.seerr(), Duration.ofMillis(300));
    fake.delay("GET", Duration.ofSeconds(3));
    long started = System.nanoTime();
    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.error()).isEqualTo(BackendError.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void aBackendThatIsDownIsUnreachable() {
    SeerrClient client = client(FakeSeerr.seerr(), Duration.ofSeconds(1));
    fake.goDown();
    assertThatThrownBy(() -> client.search("matrix", null)).isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.error()).isEqualTo(BackendError.UNREACHABLE));
    assertThatThrownBy(() -> client.request(MediaRequest.movie(550, false), ANNA))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.error()).isEqualTo(BackendError.UNREACHABLE);
          assertThat(e.getMessage()).doesNotContain(FakeBackendServer.API_KEY);
        });
  }

  // ------------------------------------------------------------------ lists and users

  @ParameterizedTest
  @MethodSource("flavours")
  void requestListCountAndExistingRequest(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    client.request(MediaRequest.movie(550, false), ANNA);
    client.request(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), Requester.OWNER);

    List<RequestRecord> list = client.requests(20);
    assertThat(list).extracting(RequestRecord::tmdbId).containsExactly(1396, 550);
    assertThat(list.get(0).seasons()).containsExactly(2);
    assertThat(list.get(0).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(list.get(1).status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    RecordedCall listCall = fake.calls("GET", "/api/v1/request").get(0);
    assertThat(listCall.query()).containsOnlyKeys("take", "skip", "filter", "sort");

    assertThat(client.requestCounts().total()).isEqualTo(2);
    assertThat(client.existingRequest(MediaType.MOVIE, 550)).hasValueSatisfying(
        r -> assertThat(r.requestedBy()).isEqualTo("7"));
    assertThat(client.existingRequest(MediaType.MOVIE, 604)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void filedRequestFindsTheRequestThatFilingCouldHaveMadeAndNoOtherOne(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    RequestRecord film = client.request(MediaRequest.movie(550, false), ANNA);
    client.request(MediaRequest.tv(1396, null, SeasonSelection.of(1), false), ANNA);
    RequestRecord second = client.request(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA);

    assertThat(client.filedRequest(MediaRequest.movie(550, false), ANNA)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(film.id()));
    assertThat(client.filedRequest(MediaRequest.movie(550, false), Requester.OWNER)).as("the owner's filing: anyone's")
        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(film.id()));
    assertThat(client.filedRequest(MediaRequest.movie(550, true), ANNA)).as("not the 4K copy").isEmpty();
    assertThat(client.filedRequest(MediaRequest.movie(550, false), new Requester("8", "Ben", false))).as("not Ben's").isEmpty();
    assertThat(client.filedRequest(MediaRequest.movie(603, false), ANNA)).isEmpty();
    // a series with an older request for another season: the one for the season asked, not the first
    assertThat(client.filedRequest(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA))
        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(second.id()));
    assertThat(client.filedRequest(MediaRequest.tv(1396, null, SeasonSelection.of(3), false), ANNA)).isEmpty();
    assertThat(fake.calls("POST", "/api/v1/request")).as("reads only: the three requests above").hasSize(3);
  }

  @Test
  void usersArePagedThrough() throws Exception {
    SeerrClient client = client(FakeSeerr.seerr());
    for (int id = 20; id < 80; id++) {
      fake.addUser(id, "user" + id, null, false);
    }
    List<BackendUser> users = client.users();
    assertThat(users).hasSize(63);
    assertThat(users.get(1)).isEqualTo(new BackendUser("7", "anna", "anna@example.org"));
    assertThat(fake.calls("GET", "/api/v1/user")).hasSize(2);
  }

  // ------------------------------------------------------------------ a season right after its request (findings §1)

  @ParameterizedTest
  @MethodSource("flavours")
  void aSeasonRequestedMomentsAgoCountsAsRequestedBeforeTheMediaServerSyncs(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    client.request(MediaRequest.tv(1396, null, SeasonSelection.of(2), false), ANNA);

    // like the real server: the season is only in mediaInfo.requests[].seasons, not in mediaInfo.seasons
    JsonNode raw = JSON.readTree(HTTP.newCall(new okhttp3.Request.Builder().url(fake.url() + "api/v1/tv/1396")
        .header("X-Api-Key", FakeBackendServer.API_KEY).build()).execute().body().string());
    assertThat(raw.path("mediaInfo").path("seasons")).isEmpty();
    assertThat(raw.path("mediaInfo").path("requests").get(0).path("seasons").get(0).path("seasonNumber").asInt()).isEqualTo(2);

    MediaItem show = client.details(MediaType.TV, 1396, null);
    assertThat(show.regularSeasons()).extracting(Season::number, Season::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, Availability.UNKNOWN), org.assertj.core.groups.Tuple.tuple(2, Availability.PENDING));

    int id = fake.filedRequests().get(0).id;
    fake.approve(id);
    assertThat(client.details(MediaType.TV, 1396, null).regularSeasons().get(1).status()).isEqualTo(Availability.PROCESSING);
    fake.decline(id);
    assertThat(client.details(MediaType.TV, 1396, null).regularSeasons().get(1).status()).isEqualTo(Availability.UNKNOWN);
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void oneRequestIsReadByIdAsItsStatusChangesAndTheCountersFollow(FakeSeerr server) throws Exception {
    SeerrClient client = client(server);
    RequestRecord filed = client.request(MediaRequest.movie(550, false), ANNA);
    assertThat(client.request(filed.id())).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
      assertThat(dev.overtalkerr.domain.RequestProgress.of(r)).isEqualTo(dev.overtalkerr.domain.RequestProgress.PENDING);
    });
    assertThat(client.requestCounts().pending()).isEqualTo(1);

    fake.approve(Integer.parseInt(filed.id()));
    assertThat(client.request(filed.id()).map(dev.overtalkerr.domain.RequestProgress::of))
        .hasValue(dev.overtalkerr.domain.RequestProgress.APPROVED);
    assertThat(client.requestCounts().processing()).isEqualTo(1);

    fake.available(Integer.parseInt(filed.id()));
    assertThat(client.request(filed.id()).map(dev.overtalkerr.domain.RequestProgress::of))
        .hasValue(dev.overtalkerr.domain.RequestProgress.AVAILABLE);
    assertThat(client.requestCounts()).satisfies(c -> {
      assertThat(c.available()).isEqualTo(1);
      assertThat(c.pending()).isZero();
    });
    assertThat(client.request("99999")).isEmpty();

    RecordedCall list = fake.calls("GET", "/api/v1/request").stream().filter(c -> c.path().equals("/api/v1/request"))
        .findFirst().orElse(null);
    if (list == null) {
      client.requests(5);
      list = fake.calls("GET", "/api/v1/request").stream().filter(c -> c.path().equals("/api/v1/request")).findFirst().orElseThrow();
    }
    assertThat(list.queryParam("sort")).as("tracking reads the most recently changed first").isEqualTo("modified");
  }
}
