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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** Process-wide infrastructure: JSON, HTTP, threads, the parser and the ranker. */
@Module(subcomponents = BrokerComponent.class)
interface AppModule {
  /** Turns that may wait per worker thread; each waiting turn holds its payload (at most 64 KiB). */
  int QUEUED_PER_THREAD = 16;

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

  /**
   * The one HTTP client. It speaks TLS only when an address it is given needs it (an {@code
   * https} backend or {@code HA_URL}): setting TLS up loads the JDK's trust store, a third of a
   * second of every start on a small machine (BENCHMARKS.md), and a LAN Seerr is mostly plain HTTP.
   * It keeps as many idle connections as turns may run at once (OkHttp's default of 5 made 20
   * simultaneous turns open and close 15 connections each time: half the throughput), for 4 s, just
   * under the 5 s after which Node's HTTP server (Seerr) closes an idle connection itself.
   */
  @Provides
  @Singleton
  static OkHttpClient okHttpClient(Settings settings) {
    boolean tls = https(settings.backend().url()) || https(System.getenv("HA_URL"));
    return new OkHttpClient.Builder()
        .connectionSpecs(tls ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT) : List.of(ConnectionSpec.CLEARTEXT))
        .connectTimeout(settings.backend().connectTimeout())
        .readTimeout(settings.backend().timeout())
        .writeTimeout(settings.backend().timeout())
        .callTimeout(settings.backend().timeout())
        .connectionPool(new okhttp3.ConnectionPool(settings.mqtt().maxConcurrentTurns(), 4, TimeUnit.SECONDS))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  private static boolean https(String url) {
    return url != null && url.regionMatches(true, 0, "https:", 0, 6);
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

  /**
   * Dialog turns run here, off the MQTT client's threads: each on a thread of its own up to {@code
   * mqtt.max-concurrent-turns} (so a slow backend for one satellite never holds up another), then
   * up to {@link #QUEUED_PER_THREAD} times as many waiting (a burst of 500 quick turns fits), then refused (the channel answers "busy"). Threads are
   * small (256 KiB stacks) and end after 30 s idle, so an idle daemon keeps none.
   */
  @Provides
  @Singleton
  @Named("workers")
  static ExecutorService workers(Settings settings) {
    int cap = settings.mqtt().maxConcurrentTurns();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(cap, cap, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(cap * QUEUED_PER_THREAD),
        daemonThreads("overtalkerr-turn-", 256 * 1024), new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Provides
  @Singleton
  static ScheduledExecutorService scheduler() {
    return Executors.newSingleThreadScheduledExecutor(daemonThreads("overtalkerr-timer-", 0));
  }

  private static ThreadFactory daemonThreads(String prefix, long stackSize) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, prefix + n.incrementAndGet(), stackSize);
      t.setDaemon(true);
      return t;
    };
  }
}
