package dev.overtalkerr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.backend.Backends;
import dev.overtalkerr.backend.SeerrClient;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.MediaType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seerr's webhook makes the tracker look at once; without the shared secret it is refused. */
class SeerrWebhookTest {
  private static final String SECRET = "a-shared-secret-of-some-length";

  @TempDir
  Path data;

  @Test
  void aWebhookWithTheSecretMakesTheTrackerLookAtOnceAndOthersAreRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Settings settings = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString(),
        "TRACKING_POLL_INTERVAL", "1h", "SEERR_WEBHOOK_PORT", Integer.toString(port), "SEERR_WEBHOOK_SECRET", SECRET))
        .load(Optional.empty(), Optional.empty(), true);
    try (FakeSeerr fake = FakeSeerr.seerr().start()) {
      SeerrClient backend = new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY,
          new BackendInfo(fake.flavour(), fake.version()), new OkHttpClient(), Backends.lenientMapper(), Duration.ofSeconds(3));
      RequestTracker tracker = new RequestTracker(backend, settings, RequestTrackerTest.JSON, Clock.systemUTC());
      LinkedBlockingQueue<RequestTracker.Event> events = new LinkedBlockingQueue<>();
      tracker.listen(new RequestTracker.Listener() {
        @Override
        public void event(RequestTracker.Event event) {
          events.add(event);
        }
      });
      var made = backend.request(MediaRequest.movie(550, false), new Requester("7", "Anna", false));
      tracker.filing(new dev.overtalkerr.domain.RequestEvents.Filing(dev.overtalkerr.domain.RequestEvents.Outcome.FILED,
          backend.details(MediaType.MOVIE, 550, null), MediaRequest.movie(550, false), made, new Requester("7", "Anna", false),
          "assist_satellite.kitchen", null));
      assertThat(events.poll(5, TimeUnit.SECONDS).type()).isEqualTo(RequestTracker.EventType.REQUESTED);

      try (SeerrWebhook webhook = new SeerrWebhook(settings, tracker, RequestTrackerTest.JSON)) {
        tracker.start(); // polls once now, then only in an hour
        webhook.start();
        for (int i = 0; i < 200 && tracker.snapshot() == null; i++) {
          Thread.sleep(50); // the first poll, before anything changes
        }
        assertThat(tracker.snapshot()).as("the first poll").isNotNull();
        assertThat(webhook.port()).isEqualTo(port);
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"notification_type\":\"MEDIA_APPROVED\",\"request\":{\"request_id\":\"" + made.id() + "\"}}";
        fake.approve(Integer.parseInt(made.id()));

        assertThat(post(http, port, "/webhook", "wrong", body)).isEqualTo(401);
        assertThat(post(http, port, "/webhook", null, body)).isEqualTo(401);
        assertThat(post(http, port, "/other", SECRET, body)).isEqualTo(404);
        assertThat(post(http, port, "/webhook", SECRET, "x".repeat(70_000))).isEqualTo(413);
        assertThat(events.poll(1, TimeUnit.SECONDS)).as("refused calls change nothing before the next poll (in an hour)").isNull();

        assertThat(post(http, port, "/webhook", SECRET, body)).isEqualTo(204);
        RequestTracker.Event approved = events.poll(10, TimeUnit.SECONDS);
        assertThat(approved).as("the webhook made the tracker look").isNotNull();
        assertThat(approved.type()).isEqualTo(RequestTracker.EventType.APPROVED);
      } finally {
        tracker.close();
      }
    }
  }

  private static int post(HttpClient http, int port, String path, String auth, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
