package dev.overtalkerr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dagger.Module;
import dagger.Provides;
import dev.overtalkerr.configuration.HomeAssistantPeople;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.understanding.Interpreter;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.mqtt.BrokerComponent;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;
import okhttp3.OkHttpClient;

/** Process-wide infrastructure: JSON, HTTP, threads, the parser and the ranker. */
@Module(subcomponents = BrokerComponent.class)
interface AppModule {

  /** The request desk tells the tracker what became of each filing. */
  @dagger.Binds
  dev.overtalkerr.domain.RequestEvents requestEvents(dev.overtalkerr.tracking.RequestTracker tracker);

  @Provides
  @Singleton
  static Interpreter interpreter(UtteranceParser parser) {
    return new Interpreter(parser);
  }

  @Provides
  @Singleton
  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Provides
  @Singleton
  static OkHttpClient okHttpClient(Settings settings) {
    return new OkHttpClient.Builder()
        .connectTimeout(settings.backend().connectTimeout())
        .readTimeout(settings.backend().timeout())
        .writeTimeout(settings.backend().timeout())
        .callTimeout(settings.backend().timeout())
        .retryOnConnectionFailure(false)
        .build();
  }

  /** Home Assistant's people, when the app's Supervisor token (or HA_URL and HA_TOKEN) is there. */
  @Provides
  @Singleton
  static Optional<HomeAssistantPeople> people(OkHttpClient http, ObjectMapper json) {
    return HomeAssistantPeople.fromEnvironment(System.getenv(), http, json);
  }

  /** The version of this build, as Home Assistant shows it. */
  @Provides
  @Named("version")
  static String version() {
    return Version.current();
  }

  @Provides
  @Singleton
  static UtteranceParser parser(Clock clock) {
    return new UtteranceParser(clock);
  }

  @Provides
  @Singleton
  static Ranker ranker(Clock clock) {
    return new Ranker(clock);
  }

  /** Dialog turns run here, off the MQTT client's threads; four are plenty for a household. */
  @Provides
  @Singleton
  @Named("workers")
  static ExecutorService workers() {
    return Executors.newFixedThreadPool(4, daemonThreads("overtalkerr-turn-"));
  }

  @Provides
  @Singleton
  static ScheduledExecutorService scheduler() {
    return Executors.newSingleThreadScheduledExecutor(daemonThreads("overtalkerr-timer-"));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
