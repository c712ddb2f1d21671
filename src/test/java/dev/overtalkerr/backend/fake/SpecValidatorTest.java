package dev.overtalkerr.backend.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.domain.BackendFlavour;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The validator behind the fakes must reject what the real servers reject (research note §6.3 and
 * §7), or the client tests' "no violations" checks would prove nothing.
 */
class SpecValidatorTest {
  private static final Headers KEY = Headers.of("X-Api-Key", "k", "Content-Type", "application/json");

  private static RecordedCall post(String path, String body) {
    return new RecordedCall("POST", path, null, KEY, body, 0);
  }

  private static RecordedCall get(String path, String rawQuery) {
    return new RecordedCall("GET", path, rawQuery, Headers.of("X-Api-Key", "k"), "", 0);
  }

  @ParameterizedTest
  @EnumSource(value = BackendFlavour.class, names = {"OVERSEERR", "JELLYSEERR", "SEERR"})
  void badRequestBodiesAreRejected(BackendFlavour flavour) {
    assertThat(SpecValidator.problems(flavour, post("/api/v1/request", "{\"mediaType\":\"music\",\"mediaId\":1}")))
        .isNotEmpty();
    assertThat(SpecValidator.problems(flavour,
        post("/api/v1/request", "{\"mediaType\":\"tv\",\"mediaId\":1399,\"seasons\":\"1,2\"}"))).isNotEmpty();
    assertThat(SpecValidator.problems(flavour, post("/api/v1/request", "{\"mediaType\":\"movie\"}"))).isNotEmpty();
    assertThat(SpecValidator.problems(flavour,
        post("/api/v1/request", "{\"mediaType\":\"tv\",\"mediaId\":1399,\"seasons\":[1,2],\"is4k\":false}")))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = BackendFlavour.class, names = {"OVERSEERR", "JELLYSEERR", "SEERR"})
  void queryEncodingAndUnknownParameters(BackendFlavour flavour) {
    assertThat(SpecValidator.problems(flavour, get("/api/v1/search", "query=The+Matrix"))).isNotEmpty();
    assertThat(SpecValidator.problems(flavour, get("/api/v1/search", "query=It's"))).isNotEmpty();
    assertThat(SpecValidator.problems(flavour, get("/api/v1/search", "query=The%20Matrix&page=1&language=en")))
        .isEmpty();
    assertThat(SpecValidator.problems(flavour, get("/api/v1/search", "query=x&take=5")))
        .anyMatch(p -> p.contains("validation.request.parameter.query.unexpected"));
    assertThat(SpecValidator.problems(flavour, get("/api/v1/search/multi", "query=x")))
        .anyMatch(p -> p.startsWith("validation.request.path.missing"));
  }

  @Test
  void seerrOnlyListParametersAreRejectedByOverseerr() {
    String query = "take=20&skip=0&filter=completed&sort=modified&sortDirection=desc&mediaType=movie";
    assertThat(SpecValidator.problems(BackendFlavour.OVERSEERR, get("/api/v1/request", query))).hasSizeGreaterThan(1);
    assertThat(SpecValidator.problems(BackendFlavour.JELLYSEERR, get("/api/v1/request", query))).isEmpty();
    assertThat(SpecValidator.problems(BackendFlavour.SEERR, get("/api/v1/request", query))).isEmpty();
    assertThat(SpecValidator.problems(BackendFlavour.OVERSEERR, get("/api/v1/user", "take=10&q=alice"))).isNotEmpty();
    assertThat(SpecValidator.problems(BackendFlavour.SEERR, get("/api/v1/user", "take=10&q=alice"))).isEmpty();
  }

  @Test
  void responsesAreCheckedAgainstTheSchemasWithNullsAccepted() {
    RecordedCall status = get("/api/v1/status", null);
    assertThat(SpecValidator.responseProblems(BackendFlavour.SEERR, status, 200,
        "{\"version\":\"3.1.0\",\"commitTag\":\"x\",\"updateAvailable\":false,\"commitsBehind\":0,"
            + "\"restartRequired\":false,\"undocumented\":1}")).isEmpty();
    assertThat(SpecValidator.responseProblems(BackendFlavour.SEERR, status, 200,
        "{\"version\":3,\"commitTag\":\"x\",\"updateAvailable\":\"no\"}")).isNotEmpty();
    RecordedCall list = get("/api/v1/request", "take=10");
    assertThat(SpecValidator.responseProblems(BackendFlavour.OVERSEERR, list, 200,
        "{\"pageInfo\":{\"page\":1,\"pages\":1,\"results\":1},\"results\":[{\"id\":1,\"status\":1,"
            + "\"serverId\":null,\"profileId\":null,\"rootFolder\":null,\"is4k\":false}]}")).isEmpty();
  }

  @Test
  void theFakeAnswers400LikeTheRealServerAndRecordsTheViolation() throws Exception {
    try (FakeSeerr fake = FakeSeerr.overseerr().start()) {
      OkHttpClient http = new OkHttpClient();
      Request bad = new Request.Builder().url(fake.url() + "api/v1/search?query=The+Matrix")
          .header("X-Api-Key", FakeBackendServer.API_KEY).build();
      try (Response r = http.newCall(bad).execute()) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().string()).contains("must be url encoded");
      }
      Request badBody = new Request.Builder().url(fake.url() + "api/v1/request")
          .header("X-Api-Key", FakeBackendServer.API_KEY)
          .post(RequestBody.create("{\"mediaType\":\"tv\",\"mediaId\":1399,\"seasons\":\"1,2\"}",
              okhttp3.MediaType.get("application/json"))).build();
      try (Response r = http.newCall(badBody).execute()) {
        assertThat(r.code()).isEqualTo(400);
      }
      assertThat(fake.violations()).hasSize(2);
      assertThat(fake.filedRequests()).isEmpty();
    }
  }
}
