package dev.overtalkerr.backend;

import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.Requester;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.overtalkerr.backend.fake.FakeOmbi;
import dev.overtalkerr.backend.fake.FakeSeerr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API key must not show up in any log line or exception message, whatever goes wrong. */
class SecretsTest {
  private static final String SECRET = "s3cr3t-api-key-do-not-leak";
  private final OkHttpClient http = new OkHttpClient();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> messages = new ArrayList<>();
  private Logger logger;

  @BeforeEach
  void capture() {
    logger = (Logger) LoggerFactory.getLogger("dev.overtalkerr");
    logger.setLevel(Level.DEBUG);
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  private void attempt(Call call) {
    try {
      call.run();
    } catch (BackendException e) {
      messages.add(e.getMessage());
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        messages.add(String.valueOf(c.getMessage()));
      }
    }
  }

  interface Call {
    void run() throws BackendException;
  }

  @Test
  void noFailureRevealsTheKey() {
    Requester anna = new Requester("7", "Anna", false);
    try (FakeSeerr seerr = FakeSeerr.seerr().start(); FakeOmbi ombi = FakeOmbi.v4().start()) {
      seerr.apiKey(SECRET + "-other"); // refused, and the server's key contains ours
      SeerrClient s = new SeerrClient(HttpUrl.get(seerr.url()), SECRET, new BackendInfo(BackendFlavour.SEERR, "3.1.0"),
          http, Backends.lenientMapper(), Duration.ofMillis(800));
      OmbiClient o = new OmbiClient(HttpUrl.get(ombi.url()), SECRET, "alias",
          new BackendInfo(BackendFlavour.OMBI, "4.59.3"), http, Backends.lenientMapper(), Duration.ofMillis(800));
      attempt(() -> s.search("matrix", null));
      attempt(() -> s.request(MediaRequest.movie(550, false), anna));
      attempt(() -> o.search("matrix", null));
      attempt(() -> o.request(MediaRequest.movie(550, false), new Requester("anna", "Anna", false)));
      seerr.apiKey(SECRET);
      seerr.csrf(true);
      attempt(() -> s.request(MediaRequest.movie(550, false), anna));
      seerr.csrf(false);
      seerr.delay("POST", Duration.ofSeconds(2));
      attempt(() -> s.request(MediaRequest.movie(604, false), anna));
      seerr.goDown();
      ombi.goDown();
      attempt(() -> s.users());
      attempt(() -> o.users());
      new BackendDetector(http, Backends.lenientMapper(), Duration.ofMillis(500)).detect(seerr.url(), Optional.empty());
    }
    assertThat(messages).hasSizeGreaterThanOrEqualTo(7).noneMatch(m -> m != null && m.contains(SECRET));
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(SECRET));
  }
}
