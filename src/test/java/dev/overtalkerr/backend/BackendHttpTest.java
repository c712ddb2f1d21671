package dev.overtalkerr.backend;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class BackendHttpTest {
  @Test
  void encodingLeavesOnlyUnreservedCharacters() {
    assertThat(BackendHttp.encode("The Matrix")).isEqualTo("The%20Matrix");
    assertThat(BackendHttp.encode(":/?#[]@!$&'()*+,;=")).isEqualTo(
        "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
    assertThat(BackendHttp.encode("A-z_0.9~")).isEqualTo("A-z_0.9~");
    assertThat(BackendHttp.encode("Amélie ß")).isEqualTo("Am%C3%A9lie%20%C3%9F");
    assertThat(BackendHttp.encode("100%")).isEqualTo("100%25");
  }

  @Test
  void pathsGoBelowASubPathBase() {
    assertThat(BackendHttp.under(HttpUrl.get("http://h:5055"), "api/v1/status").build().toString())
        .isEqualTo("http://h:5055/api/v1/status");
    assertThat(BackendHttp.under(HttpUrl.get("http://h/seerr/"), "api/v1/status").build().encodedPath())
        .isEqualTo("/seerr/api/v1/status");
    assertThat(BackendHttp.under(HttpUrl.get("http://h/seerr"), "api/v1/status").build().encodedPath())
        .isEqualTo("/seerr/api/v1/status");
  }

  @Test
  void datesAreReadLeniently() {
    assertThat(BackendHttp.date("1999-03-31")).isEqualTo(LocalDate.of(1999, 3, 31));
    assertThat(BackendHttp.date("1999-03-31T00:00:00")).isEqualTo(LocalDate.of(1999, 3, 31));
    assertThat(BackendHttp.date("0001-01-01T00:00:00")).as("Ombi's 'unset'").isNull();
    assertThat(BackendHttp.date("")).isNull();
    assertThat(BackendHttp.date("soon")).isNull();
  }

  private static final String KEY = "key-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  /** The transport as the daemon builds it, on a client that would follow redirects by default. */
  private static BackendHttp http() {
    return new BackendHttp(new OkHttpClient(), new ObjectMapper(), Duration.ofSeconds(3), KEY, "Seerr");
  }

  private static Request post(MockWebServer server) {
    return new Request.Builder().url(server.url("/api/v1/request")).header("X-Api-Key", KEY)
        .post(RequestBody.create("{\"mediaType\":\"movie\",\"mediaId\":438631}", MediaType.get("application/json"))).build();
  }

  @Test
  void aRedirectedPostIsAClearErrorNeverARepliedGet() throws Exception {
    for (int code : new int[] {301, 302, 303, 307, 308}) {
      try (MockWebServer server = new MockWebServer()) {
        server.start();
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Location", "/api/v1/request?page=1").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"pageInfo\":{},\"results\":[]}").build());
        BackendHttp http = http();
        assertThatThrownBy(() -> http.postOnce(post(server), http.deadline(), Optional::empty))
            .as("HTTP %d", code).isInstanceOf(BackendException.class)
            .satisfies(e -> assertThat(((BackendException) e).error()).isEqualTo(BackendError.REDIRECTED))
            .hasMessageContaining(String.valueOf(code)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(server.getRequestCount()).as("nothing followed the %d", code).isEqualTo(1);
      }
    }
  }

  @Test
  void theKeyNeverGoesToAnotherOrigin() throws Exception {
    try (MockWebServer seerr = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
      seerr.start();
      elsewhere.start();
      for (int i = 0; i < 6; i++) {
        seerr.enqueue(new MockResponse.Builder().code(i % 2 == 0 ? 307 : 302)
            .addHeader("Location", elsewhere.url("/steal").toString()).build());
      }
      BackendHttp http = http();
      Request get = new Request.Builder().url(seerr.url("/api/v1/status")).header("X-Api-Key", KEY).get().build();
      assertThatThrownBy(() -> http.idempotent(get, http.deadline())).isInstanceOf(BackendException.class)
          .satisfies(e -> assertThat(((BackendException) e).error()).isEqualTo(BackendError.REDIRECTED));
      assertThatThrownBy(() -> http.postOnce(post(seerr), http.deadline(), Optional::empty)).isInstanceOf(BackendException.class)
          .satisfies(e -> assertThat(((BackendException) e).error()).isEqualTo(BackendError.REDIRECTED));
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(seerr.getRequestCount()).as("a redirect is not retried").isEqualTo(2);
    }
  }

  @Test
  void anOversizedBodyIsABadResponseReadNoFurther() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String big = "[" + "\"x\",".repeat(BackendHttp.MAX_BODY_BYTES / 4 + 10) + "\"x\"]";
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(big).build());
      BackendHttp http = http();
      Request get = new Request.Builder().url(server.url("/api/v1/search")).get().build();
      assertThatThrownBy(() -> http.idempotent(get, http.deadline())).isInstanceOf(BackendException.class)
          .satisfies(e -> assertThat(((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE))
          .hasMessageContaining("larger than");
    }
  }
}
