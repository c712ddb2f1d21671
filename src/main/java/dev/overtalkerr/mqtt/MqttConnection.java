package dev.overtalkerr.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilderBase;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the broker, over MQTT 5 or 3.1.1, with the availability will ({@code
 * <base>/status} = {@code offline}, retained, QoS 1), {@code online} published on every (re)connect,
 * reconnection with back-off that re-subscribes, and a clean shutdown that publishes {@code offline}.
 *
 * <p>Reconnecting is ours rather than the client's default so that a broker which refuses MQTT 5
 * on the very first connect fails fast ({@link ProtocolRefusedException}) and the caller can fall
 * back to 3.1.1, while a broker that is merely down is retried for ever.
 */
public final class MqttConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
  static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);
  static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);
  private static final long MAX_BACKOFF_MS = 30_000;
  /**
   * How long the broker keeps the daemon's MQTT 5 session (and queues requests for it) after the
   * connection drops. Short on purpose: a request older than Home Assistant's wait is stale.
   */
  static final long SESSION_EXPIRY_SECONDS = 30;

  /** A message received on a subscribed topic. */
  public record Message(String topic, byte[] payload) {}

  /** The broker answered the first CONNECT but refused the protocol version. */
  public static final class ProtocolRefusedException extends Exception {
    ProtocolRefusedException(Throwable cause) {
      super("the broker refused MQTT 5: " + cause.getMessage(), cause);
    }
  }

  private final Settings.Mqtt settings;
  private final Protocol protocol;
  private final String statusTopic;
  private final Map<String, Consumer<Message>> handlers = new ConcurrentHashMap<>();
  private final java.util.List<Runnable> onOnline = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicBoolean everConnected = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();
  private final boolean availability;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Client client;

  /**
   * @param settings broker address, credentials and topics
   * @param protocol {@link Protocol#V5} or {@link Protocol#V3_1_1} (AUTO is resolved by the caller)
   * @param availability true for the daemon (will and {@code online} on {@code <base>/status});
   *     false for a console client such as {@code say}
   */
  public MqttConnection(Settings.Mqtt settings, Protocol protocol, boolean availability) {
    if (protocol == Protocol.AUTO) {
      throw new IllegalArgumentException("resolve AUTO before connecting");
    }
    this.settings = settings;
    this.protocol = protocol;
    this.availability = availability;
    this.statusTopic = settings.baseTopic() + "/status";
    this.client = protocol == Protocol.V5 ? new V5() : new V3();
  }

  public Protocol protocol() {
    return protocol;
  }


  /** Registers a handler for a topic filter; subscribed now if connected, and after every reconnect. */
  public void subscribe(String filter, Consumer<Message> handler) {
    handlers.put(filter, handler);
    if (client.isConnected()) {
      client.subscribe(filter).whenComplete((v, e) -> {
        if (e != null) {
          log.warn("Could not subscribe to {}: {}", filter, e.getMessage());
        }
      });
    }
  }


  /** Runs {@code action} after every (re)connect, once subscribed and {@code online} is published. */
  public void whenOnline(Runnable action) {
    onOnline.add(action);
  }

  /**
   * Connects. The future completes once first connected and subscribed, with {@code online}
   * published (retrying while the broker is unreachable), or fails with {@link ProtocolRefusedException} when the broker refuses MQTT 5, or
   * with the broker's refusal (bad credentials, not authorized).
   */
  public CompletableFuture<Void> connect() {
    log.info("Connecting to {} with MQTT {} as {}", settings.url(), protocol == Protocol.V5 ? "5" : "3.1.1", settings.clientId());
    return client.connect().exceptionallyCompose(e -> {
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      return CompletableFuture.failedFuture(isVersionRefusal(cause) ? new ProtocolRefusedException(cause) : cause);
    }).thenCompose(connected -> ready);
  }

  /**
   * Publishes with QoS 1.
   *
   * @param expiry MQTT 5 message expiry, or null for none (ignored on 3.1.1)
   */
  public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, Duration expiry) {
    return client.publish(topic, payload, retain, expiry);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * A console client's connection (no will, no {@code online}) under its own client id; with the
   * protocol set to {@code auto}, MQTT 5 falling back to 3.1.1 when the broker refuses 5.
   */
  public static MqttConnection console(Settings.Mqtt settings, String clientId, Duration timeout) throws Exception {
    Settings.Mqtt own = new Settings.Mqtt(settings.host(), settings.port(), settings.tls(), settings.username(), settings.password(),
        settings.protocol(), settings.baseTopic(), settings.discoveryPrefix(), clientId, settings.caFile(), settings.replyExpiry(),
        settings.replyDeadline());
    Protocol first = settings.protocol() == Protocol.AUTO ? Protocol.V5 : settings.protocol();
    MqttConnection connection = new MqttConnection(own, first, false);
    try {
      connection.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return connection;
    } catch (java.util.concurrent.ExecutionException e) {
      connection.close();
      if (e.getCause() instanceof ProtocolRefusedException && settings.protocol() == Protocol.AUTO) {
        MqttConnection fallback = new MqttConnection(own, Protocol.V3_1_1, false);
        fallback.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return fallback;
      }
      throw e;
    } catch (java.util.concurrent.TimeoutException e) {
      connection.close();
      throw e;
    }
  }

  /** Publishes {@code offline} (retained) and disconnects; the will is not sent. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      if (availability && client.isConnected()) {
        client.publish(statusTopic, OFFLINE, true, null).get(3, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      log.debug("Could not publish offline before disconnecting: {}", e.toString());
    }
    try {
      client.disconnect().get(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.debug("Disconnect did not complete cleanly: {}", e.toString());
    }
  }

  /**
   * After every (re)connect: subscribe to every registered filter, then publish {@code online}, so
   * that whoever sees us online can talk to us at once.
   */
  private void connected() {
    boolean first = everConnected.compareAndSet(false, true);
    attempts.set(0);
    log.info("{} to {} as {}", first ? "Connected" : "Reconnected", settings.url(), settings.clientId());
    CompletableFuture<?>[] subscriptions = handlers.keySet().stream()
        .map(filter -> client.subscribe(filter).whenComplete((v, e) -> {
          if (e != null) {
            log.warn("Could not subscribe to {}: {}", filter, e.getMessage());
          }
        }))
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(subscriptions)
        .handle((v, e) -> null)
        .thenCompose(v -> availability ? client.publish(statusTopic, ONLINE, true, null) : CompletableFuture.completedFuture(null))
        .whenComplete((v, e) -> {
          for (Runnable action : onOnline) {
            try {
              action.run();
            } catch (RuntimeException failure) {
              log.warn("An after-connect action failed: {}", failure.toString());
            }
          }
          ready.complete(null);
        });
  }

  private void disconnected(MqttClientDisconnectedContext context) {
    if (closing.get() || context.getSource() == MqttDisconnectSource.USER) {
      return;
    }
    Throwable cause = context.getCause();
    if (!everConnected.get() && isVersionRefusal(cause)) {
      context.getReconnector().reconnect(false);
      return;
    }
    if (!everConnected.get() && isAuthRefusal(cause)) {
      log.error("The broker at {} refused the connection: {}. Check MQTT_USERNAME and MQTT_PASSWORD.", settings.url(), cause.getMessage());
      context.getReconnector().reconnect(false);
      return;
    }
    int attempt = attempts.incrementAndGet();
    long delay = Math.min(MAX_BACKOFF_MS, 500L * (1L << Math.min(attempt - 1, 6)));
    delay += (long) (delay * 0.2 * Math.random());
    if (attempt == 1 || attempt % 10 == 0) {
      log.warn("{} {} ({}): {}; retrying in {} ms", everConnected.get() ? "Lost the connection to" : "Cannot reach", settings.url(),
          settings.clientId(), cause == null ? "closed" : cause.getMessage(), delay);
    }
    context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    if (availability && everConnected.get() && context instanceof Mqtt5ClientDisconnectedContext v5) {
      // resume the session, so that requests sent during a short outage are delivered now
      v5.getReconnector().connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS).keepAlive(30)
          .applyConnect();
    }
  }

  /**
   * True when a broker that was reached refused our first MQTT 5 CONNECT: with the reason code
   * for an unsupported version, or (3.1.1-only brokers such as Moquette) with a 3.1.1 CONNACK the
   * client cannot decode. Anything else (credentials, a dropped socket) is reported as it is.
   */
  private boolean isVersionRefusal(Throwable cause) {
    if (protocol != Protocol.V5 || cause == null || isAuthRefusal(cause)) {
      return false;
    }
    if (cause instanceof Mqtt5ConnAckException e) {
      return e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.UNSUPPORTED_PROTOCOL_VERSION;
    }
    // a 3.1.1-only broker answers with a 3.1.1 CONNACK ("refused: unacceptable protocol version"),
    // which an MQTT 5 client cannot decode
    String message = String.valueOf(cause.getMessage());
    return message.contains("CONNACK") && (message.contains("decod") || message.contains("protocol"));
  }

  private static boolean isAuthRefusal(Throwable cause) {
    if (cause instanceof Mqtt5ConnAckException e) {
      var code = e.getMqttMessage().getReasonCode();
      return code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED;
    }
    if (cause instanceof Mqtt3ConnAckException e) {
      var code = e.getMqttMessage().getReturnCode();
      return code == com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
          || code == com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode.NOT_AUTHORIZED;
    }
    return false;
  }

  private MqttClientSslConfig sslConfig() {
    var builder = MqttClientSslConfig.builder();
    if (settings.caFile().isPresent()) {
      try (InputStream in = Files.newInputStream(settings.caFile().get())) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("ca" + i++, cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        builder.trustManagerFactory(tmf);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot load the MQTT CA file " + settings.caFile().get() + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }

  private void deliver(String topic, byte[] payload) {
    for (var entry : handlers.entrySet()) {
      if (matches(entry.getKey(), topic)) {
        entry.getValue().accept(new Message(topic, payload));
      }
    }
  }

  /** MQTT topic filter matching with + and #. */
  static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }

  /** Address, TLS and our lifecycle listeners: the same for both versions' builders. */
  private <B extends MqttClientBuilderBase<B>> B transport(B builder) {
    B b = builder.identifier(settings.clientId()).serverHost(settings.host()).serverPort(settings.port())
        .addConnectedListener(ctx -> connected())
        .addDisconnectedListener(this::disconnected);
    return settings.tls() ? b.sslConfig(sslConfig()) : b;
  }

  /** The two client flavours behind one small surface. */
  private interface Client {
    CompletableFuture<Void> connect();

    CompletableFuture<Void> subscribe(String filter);

    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, Duration expiry);

    CompletableFuture<Void> disconnect();

    boolean isConnected();
  }

  private final class V5 implements Client {
    private final Mqtt5AsyncClient c;

    V5() {
      var b = transport(Mqtt5Client.builder());
      if (availability) {
        b = b.willPublish().topic(statusTopic).payload(OFFLINE).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
      }
      if (!settings.username().isEmpty()) {
        b = b.simpleAuth().username(settings.username()).password(settings.password().reveal().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
      }
      c = b.buildAsync();
      c.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> deliver(p.getTopic().toString(), p.getPayloadAsBytes()));
    }

    @Override
    public CompletableFuture<Void> connect() {
      // a new process starts clean (nothing stale from before); reconnects resume (see disconnected)
      return c.connectWith().cleanStart(true).sessionExpiryInterval(availability ? SESSION_EXPIRY_SECONDS : 0).keepAlive(30)
          .send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
      return c.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().thenApply(a -> null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, Duration expiry) {
      var p = c.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain);
      if (expiry != null) {
        p.messageExpiryInterval(Math.max(1, expiry.toSeconds()));
      }
      return p.send().thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
      return c.disconnect();
    }

    @Override
    public boolean isConnected() {
      return c.getState().isConnected();
    }
  }

  private final class V3 implements Client {
    private final Mqtt3AsyncClient c;

    V3() {
      var b = transport(Mqtt3Client.builder());
      if (availability) {
        b = b.willPublish().topic(statusTopic).payload(OFFLINE).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
      }
      if (!settings.username().isEmpty()) {
        b = b.simpleAuth().username(settings.username()).password(settings.password().reveal().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
      }
      c = b.buildAsync();
      c.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> deliver(p.getTopic().toString(), p.getPayloadAsBytes()));
    }

    @Override
    public CompletableFuture<Void> connect() {
      return c.connectWith().cleanSession(true).keepAlive(30).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
      return c.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().thenApply(a -> null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, Duration expiry) {
      return c.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send().thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
      return c.disconnect();
    }

    @Override
    public boolean isConnected() {
      return c.getState().isConnected();
    }
  }
}
