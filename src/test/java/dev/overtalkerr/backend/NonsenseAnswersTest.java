package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that answers nonsense gets a clear error, never a crash or a made-up title. */
class NonsenseAnswersTest {
  private static final ObjectMapper JSON = Backends.lenientMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private String serve(int code, String contentType, String body) throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build();
      }
    });
    server.start();
    return server.url("/").toString();
  }

  private SeerrClient seerr(String url) {
    return new SeerrClient(HttpUrl.get(url), "k-123456", new BackendInfo(BackendFlavour.SEERR, "3.1.0"), HTTP, JSON,
        Duration.ofSeconds(2));
  }

  private OmbiClient ombi(String url) {
    return new OmbiClient(HttpUrl.get(url), "k-123456", null, new BackendInfo(BackendFlavour.OMBI, "4.59.3"), HTTP, JSON,
        Duration.ofSeconds(2));
  }

  @Test
  void anHtmlPageInsteadOfJsonIsABadResponse() throws Exception {
    String url = serve(200, "text/html", "<html><body>Welcome to nginx!</body></html>");
    assertThatThrownBy(() -> seerr(url).search("dune", "en")).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE);
    assertThatThrownBy(() -> seerr(url).details(MediaType.MOVIE, 438631, "en")).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE);
    assertThatThrownBy(() -> ombi(url).search("dune", "en")).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE);
  }

  @Test
  void jsonOfTheWrongShapeIsABadResponseRatherThanNothingFound() throws Exception {
    String url = serve(200, "application/json", "{\"page\":\"one\",\"results\":\"none\",\"totalResults\":[]}");
    assertThatThrownBy(() -> seerr(url).search("dune", "en")).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE);
  }

  @Test
  void aSearchAnswerWithoutResultsIsABadResponse() throws Exception {
    String url = serve(200, "application/json", "{\"message\":\"ok\"}");
    assertThatThrownBy(() -> seerr(url).search("dune", "en")).isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).error()).isEqualTo(BackendError.BAD_RESPONSE);
  }

  @Test
  void anEmptyResultListIsNothingFound() throws Exception {
    String url = serve(200, "application/json", "{\"page\":1,\"totalPages\":0,\"totalResults\":0,\"results\":[]}");
    assertThat(seerr(url).search("dune", "en")).isEmpty();
  }

  @Test
  void resultsWithoutIdsOrTitlesAreSkipped() throws Exception {
    String url = serve(200, "application/json",
        "{\"page\":1,\"totalPages\":1,\"totalResults\":3,\"results\":[{\"mediaType\":\"movie\"},{\"id\":\"x\",\"mediaType\":\"tv\"},"
            + "{\"id\":603,\"mediaType\":\"movie\",\"title\":\"The Matrix\",\"releaseDate\":\"1999-03-30\"}]}");
    assertThat(seerr(url).search("matrix", "en")).extracting(MediaItem::title).containsExactly("The Matrix");
  }

  @Test
  void ombiHitsWithoutIdsOrTitlesAreSkipped() throws Exception {
    String url = serve(200, "application/json",
        "[{\"mediaType\":\"movie\"},{\"id\":\"603\",\"mediaType\":\"movie\",\"title\":\"The Matrix (1999)\"}]");
    assertThat(ombi(url).search("matrix", "en")).extracting(MediaItem::title).containsExactly("The Matrix");
  }
}
