package dev.overtalkerr;

import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.mqtt.BrokerComponent;
import dev.overtalkerr.mqtt.MqttConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the application plus one broker connection with its channels. With the
 * protocol set to {@code auto} it connects with MQTT 5 and, when the broker refuses 5, builds a new
 * broker component for 3.1.1.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  private final AppComponent app;
  private volatile BrokerComponent broker;

  public Daemon(AppComponent app) {
    this.app = app;
  }

  /** Starts; the future completes when first connected (it keeps retrying while the broker is down). */
  public CompletableFuture<Void> start() {
    var settings = app.settings();
    buildAheadOfTheConnection();
    log.info("Overtalkerr {} starting: backend {}, broker {}, base topic {}", Version.current(),
        settings.backend().demo() ? "demo catalogue" : settings.backend().url(), settings.mqtt().url(), settings.mqtt().baseTopic());
    app.workers().execute(() -> {
      try {
        log.info("Media backend: {}", app.backend().info().describe());
      } catch (RuntimeException e) {
        log.warn("Could not identify the media backend yet: {}", e.getMessage());
      }
    });
    resolvePeople();
    return MqttConnection.connect(settings.mqtt().protocol(), this::component, BrokerComponent::connection, refused -> {
      refused.homeAssistant().stop();
      refused.connection().close();
    }).thenAccept(b -> {
      b.assistChannel().clearLeftovers();
      // tracking starts once connected, so that what changed while we were down reaches Home Assistant
      app.tracker().start();
      app.webhook().start();
    });
  }

  /**
   * Builds the conversation (parser, ranker, backend client, request record, tracker) on a second
   * thread while this one builds the MQTT client: the two share nothing until the assist channel
   * needs the dialog, and on two cores this halves the time to {@code online} (BENCHMARKS.md).
   * Dagger's singletons are built once whichever thread asks first; a failure here is thrown again
   * where the channel asks for the same object.
   */
  private void buildAheadOfTheConnection() {
    Thread ahead = new Thread(() -> {
      try {
        app.dialog();
        app.tracker();
      } catch (RuntimeException e) {
        log.debug("Building ahead failed; the connection builds it again: {}", e.toString());
      }
    }, "overtalkerr-start");
    ahead.setDaemon(true);
    ahead.start();
  }

  /** Looks the configured backend users up by name (and logs them); retried every minute until it works. */
  private void resolvePeople() {
    try {
      app.workers().execute(() -> {
        try {
          if (app.requesters().namesResolved()) {
            return;
          }
          app.requesters().resolveAll();
        } catch (BackendException | java.io.IOException | RuntimeException e) {
          log.warn("Cannot read the user list to map people yet ({}); trying again in a minute", e.getMessage());
          try {
            app.scheduler().schedule(this::resolvePeople, 1, TimeUnit.MINUTES);
          } catch (RejectedExecutionException stopping) {
            // shutting down
          }
        }
      });
    } catch (RejectedExecutionException stopping) {
      // shutting down
    }
  }

  /** A broker component for one protocol, its channels subscribed once it connects. */
  private BrokerComponent component(Protocol protocol) {
    BrokerComponent component = app.broker().create(protocol);
    component.connection(); // the MQTT client first: the dialog is being built meanwhile
    broker = component;
    component.assistChannel().start();
    component.homeAssistant().start();
    component.dashboard().start();
    return component;
  }

  /** The protocol in use (after any fallback). */
  public Protocol protocol() {
    return broker.connection().protocol();
  }

  public boolean isConnected() {
    BrokerComponent b = broker;
    return b != null && b.connection().isConnected();
  }

  /**
   * Stops in the order that loses nothing: take no new requests, let running turns finish and
   * publish their replies, clear old retained replies, publish {@code offline} and disconnect.
   */
  @Override
  public void close() {
    BrokerComponent b = broker;
    if (b != null) {
      b.assistChannel().stopAccepting();
      b.homeAssistant().stop();
    }
    app.webhook().close();
    app.tracker().close();
    app.workers().shutdown();
    try {
      long wait = app.settings().mqtt().replyDeadline().toMillis() + 1000;
      if (!app.workers().awaitTermination(wait, TimeUnit.MILLISECONDS)) {
        log.warn("Turns still running after {} ms; stopping anyway", wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (b != null) {
      // MQTT 5 expires the young ones itself; a 3.1.1 broker would keep them for ever
      b.assistChannel().clearPendingReplies(b.connection().protocol() == Protocol.V5 ? Duration.ofSeconds(10) : Duration.ZERO);
      b.connection().close();
    }
    app.scheduler().shutdown();
    log.info("Overtalkerr stopped");
  }
}
