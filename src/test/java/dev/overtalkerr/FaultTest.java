package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.LogCapture;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.MqttProbe.Received;
import dev.overtalkerr.testing.TestBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Faults with real parts: a real Mosquitto (restarted under the daemon), the spec-validated Seerr
 * fake over HTTP, a backend answering garbage or too late, and a broker's QoS 1 redelivery of a
 * confirmation. Each turn must get exactly one honest reply and nothing may be filed twice.
 */
class FaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String DEN = "assist_satellite.den";

  private static Settings settings(TestBroker broker, String backendUrl, String base, String hocon) {
    return DaemonHarness.settings(broker, hocon, Map.of("MOCK_BACKEND", "false", "MEDIA_BACKEND_URL", backendUrl,
        "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY, "MQTT_BASE_TOPIC", base));
  }

  private static String turn(String id, String text) {
    return turn(id, text, DEN);
  }

  private static String turn(String id, String text, String satellite) {
    return JSON.createObjectNode().put("id", id).put("text", text).put("satellite_id", satellite).toString();
  }

  /** Publishes a turn and returns its reply (the first non-empty one on its reply topic). */
  private static JsonNode ask(MqttProbe ha, String base, String id, String text) throws Exception {
    return ask(ha, base, id, text, DEN);
  }

  private static JsonNode ask(MqttProbe ha, String base, String id, String text, String satellite) throws Exception {
    ha.publish(base + "/assist/request", turn(id, text, satellite));
    Received r = ha.next(base + "/assist/reply/" + id, WAIT);
    assertThat(r).as("a reply to %s (%s)", id, text).isNotNull();
    return JSON.readTree(r.payload());
  }

  /** Every non-empty reply that arrives for {@code id} within {@code window}. */
  private static List<Received> moreReplies(MqttProbe ha, String base, String id, Duration window) throws InterruptedException {
    return ha.drain(window).stream().filter(r -> r.topic().equals(base + "/assist/reply/" + id) && !r.payload().isEmpty()).toList();
  }

  @Test
  void theBrokerRestartedMidDialogTheYesIsStillFiledOnceAndAnswered() throws Exception {
    String base = "fbr";
    try (TestBroker broker = TestBroker.start(); FakeSeerr fake = FakeSeerr.seerr().start();
        DaemonHarness daemon = DaemonHarness.start(settings(broker, fake.url(), base, ""))) {
      try (MqttProbe ha = MqttProbe.connect(broker)) {
        ha.subscribe(base + "/#");
        JsonNode offer = ask(ha, base, "br-1", "download fight club");
        assertThat(offer.path("state").asText()).as(offer.toString()).isEqualTo("offer");
        assertThat(offer.path("speech").asText()).contains("Fight Club");
      }

      broker.restart(); // same port, nothing retained, every session gone

      try (MqttProbe ha = MqttProbe.connect(broker)) {
        ha.subscribe(base + "/#");
        Received online = ha.next(base + "/status", Duration.ofSeconds(20));
        assertThat(online).as("the daemon is back on the restarted broker").isNotNull();
        assertThat(online.payload()).isEqualTo("online");
        JsonNode requested = ask(ha, base, "br-2", "yes");
        assertThat(requested.path("state").asText()).as("the offer survived the broker restart: " + requested).isEqualTo("requested");
        assertThat(requested.path("request").path("id").asText()).isNotBlank();
        assertThat(moreReplies(ha, base, "br-2", Duration.ofMillis(500))).as("one reply").isEmpty();
      }
      assertThat(fake.filedRequests()).hasSize(1);
      assertThat(fake.filedRequests().get(0).title.title()).isEqualTo("Fight Club");
      assertThat(fake.calls("POST", "/api/v1/request")).hasSize(1);
      assertThat(fake.violations()).isEmpty();
    }
  }

  @Test
  void aConfirmationRedeliveredWhileItIsBeingFiledFilesOnceAndGetsTheSameReplyTwice() throws Exception {
    String base = "fqos";
    try (TestBroker broker = TestBroker.start(); FakeSeerr fake = FakeSeerr.seerr().start();
        DaemonHarness daemon = DaemonHarness.start(settings(broker, fake.url(), base, ""));
        MqttProbe ha = MqttProbe.connect(broker);
        LogCapture logs = LogCapture.start(Level.DEBUG)) {
      ha.subscribe(base + "/#");
      assertThat(ask(ha, base, "q-1", "download fight club").path("state").asText()).isEqualTo("offer");
      fake.delay("POST", Duration.ofMillis(1500)); // the first delivery is still being filed when the second arrives
      String yes = turn("q-2", "yes");
      ha.publish(base + "/assist/request", yes); // QoS 1, as Home Assistant sends it
      ha.publish(base + "/assist/request", yes); // the broker's redelivery: the same id and payload

      Received first = ha.next(base + "/assist/reply/q-2", WAIT);
      assertThat(first).as("a reply").isNotNull();
      Received second = ha.next(base + "/assist/reply/q-2", WAIT);
      assertThat(second).as("the redelivery is answered too").isNotNull();
      assertThat(JSON.readTree(first.payload()).path("state").asText()).as(first.payload()).isEqualTo("requested");
      assertThat(JSON.readTree(second.payload())).as("the same reply").isEqualTo(JSON.readTree(first.payload()));
      assertThat(moreReplies(ha, base, "q-2", Duration.ofMillis(500))).as("no third reply").isEmpty();
      assertThat(logs.text()).as("the second delivery came while the first was still being answered")
          .contains("Request q-2 is being answered");
      assertThat(fake.calls("POST", "/api/v1/request")).as("one request reached the backend").hasSize(1);
      assertThat(fake.filedRequests()).hasSize(1);
      assertThat(fake.violations()).isEmpty();
    }
  }

  /**
   * In front of a {@link FakeSeerr}: passes every call through, except while {@link #garbage} is
   * set, when every call gets that answer instead (HTML, truncated JSON, a wrong shape, or late).
   */
  private static final class GarbageProxy implements AutoCloseable {
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final MockWebServer server = new MockWebServer();
    private final FakeSeerr fake;
    volatile MockResponse garbage;

    GarbageProxy(FakeSeerr fake) throws IOException {
      this.fake = fake;
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          MockResponse g = garbage;
          return g != null ? g : forward(request);
        }
      });
      server.start();
    }

    String url() {
      return server.url("/").toString();
    }

    private MockResponse forward(RecordedRequest in) {
      String target = fake.url().replaceAll("/$", "") + in.getUrl().encodedPath()
          + (in.getUrl().encodedQuery() == null ? "" : "?" + in.getUrl().encodedQuery());
      byte[] body = in.getBody() == null ? new byte[0] : in.getBody().toByteArray();
      String type = in.getHeaders().get("Content-Type");
      RequestBody rb = in.getMethod().equals("GET") || in.getMethod().equals("HEAD") ? null
          : RequestBody.create(body, type == null ? null : MediaType.parse(type));
      Request.Builder out = new Request.Builder().url(target).method(in.getMethod(), rb);
      in.getHeaders().forEach(h -> {
        if (!h.getFirst().equalsIgnoreCase("Host") && !h.getFirst().equalsIgnoreCase("Content-Length")
            && !h.getFirst().equalsIgnoreCase("Accept-Encoding") && !h.getFirst().equalsIgnoreCase("Connection")) {
          out.header(h.getFirst(), h.getSecond());
        }
      });
      try (Response r = http.newCall(out.build()).execute()) {
        MockResponse.Builder b = new MockResponse.Builder().code(r.code()).body(r.body().string());
        r.headers().forEach(h -> {
          if (!h.getFirst().equalsIgnoreCase("Content-Length") && !h.getFirst().equalsIgnoreCase("Transfer-Encoding")) {
            b.addHeader(h.getFirst(), h.getSecond());
          }
        });
        return b.build();
      } catch (IOException e) {
        return new MockResponse.Builder().code(502).body("proxy: " + e.getMessage()).build();
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private static MockResponse answer(String contentType, String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build();
  }

  @Test
  void garbageAndLateBackendAnswersGetOneReplyEachWithTheirErrorCodeAndTheDaemonGoesOn() throws Exception {
    String base = "fgb";
    try (TestBroker broker = TestBroker.start(); FakeSeerr fake = FakeSeerr.seerr().start(); GarbageProxy backend = new GarbageProxy(fake);
        DaemonHarness daemon = DaemonHarness.start(settings(broker, backend.url(), base, "overtalkerr.mqtt.reply-deadline = 1500ms"));
        MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe(base + "/#");
      assertThat(ask(ha, base, "g-0", "download fight club").path("state").asText()).as("healthy before").isEqualTo("offer");

      Map<String, MockResponse> garbage = new java.util.LinkedHashMap<>();
      garbage.put("html", answer("text/html", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));
      garbage.put("truncated", answer("application/json", "{\"page\":1,\"totalPages\":1,\"totalResults\":1,\"results\":[{\"id\":550,\"med"));
      garbage.put("not-an-object", answer("application/json", "42"));
      int n = 0;
      for (var g : garbage.entrySet()) {
        backend.garbage = g.getValue();
        String id = "g-" + (++n);
        JsonNode reply = ask(ha, base, id, "download the matrix");
        assertThat(reply.path("state").asText()).as(g.getKey() + ": " + reply).isEqualTo("error");
        assertThat(reply.path("error").path("code").asText()).as(g.getKey() + ": " + reply).isEqualTo("bad_response");
        assertThat(reply.path("speech").asText()).as(g.getKey()).isNotBlank();
        assertThat(moreReplies(ha, base, id, Duration.ofMillis(200))).as(g.getKey() + ": one reply").isEmpty();
      }

      // JSON of the wrong shape: not "nothing found", and no title invented from it
      backend.garbage = answer("application/json", "{\"page\":\"one\",\"results\":\"none\",\"totalResults\":[]}");
      JsonNode shaped = ask(ha, base, "g-shape", "download the matrix");
      assertThat(shaped.path("state").asText()).as(shaped.toString()).isEqualTo("error");
      assertThat(shaped.path("error").path("code").asText()).as(shaped.toString()).isEqualTo("bad_response");
      assertThat(shaped.path("candidate").isNull()).as(shaped.toString()).isTrue();

      // late: the backend answers well after the reply deadline
      backend.garbage = answer("application/json", "{\"page\":1,\"totalPages\":0,\"totalResults\":0,\"results\":[]}").newBuilder()
          .headersDelay(4, TimeUnit.SECONDS).build();
      ha.publish(base + "/assist/request", turn("g-slow", "download the matrix"));
      Received late = ha.next(base + "/assist/reply/g-slow", Duration.ofMillis(3500));
      assertThat(late).as("answered at the 1.5 s deadline, before the backend's 4 s answer").isNotNull();
      JsonNode timeout = JSON.readTree(late.payload());
      assertThat(timeout.path("state").asText()).as(timeout.toString()).isEqualTo("error");
      assertThat(timeout.path("error").path("code").asText()).as(timeout.toString()).isEqualTo("timeout");
      assertThat(timeout.path("speech").asText()).isNotBlank();

      backend.garbage = null;
      // another satellite is answered at once, while the abandoned call still waits for the backend
      JsonNode other = ask(ha, base, "g-other", "download fight club", "assist_satellite.kitchen");
      assertThat(other.path("state").asText()).as("still answering: " + other).isEqualTo("offer");
      // the same satellite: once the abandoned call has ended (its turns run one at a time), a whole dialog works
      assertThat(moreReplies(ha, base, "g-slow", Duration.ofSeconds(3))).as("the late turn got one reply only").isEmpty();
      JsonNode after = ask(ha, base, "g-after", "download fight club");
      assertThat(after.path("state").asText()).as("still answering afterwards: " + after).isEqualTo("offer");
      JsonNode yes = ask(ha, base, "g-yes", "yes");
      assertThat(yes.path("state").asText()).as(yes.toString()).isEqualTo("requested");
      assertThat(fake.filedRequests()).hasSize(1);
      assertThat(fake.violations()).isEmpty();
    }
  }
}
