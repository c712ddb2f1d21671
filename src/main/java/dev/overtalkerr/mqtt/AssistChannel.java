package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.DialogEngine;
import dev.overtalkerr.conversation.Languages;
import dev.overtalkerr.conversation.Replies;
import dev.overtalkerr.conversation.StructuredCommands;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.domain.TurnBudget;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Assist request/reply channel and the structured commands, exactly as the Assist contract
 * says: requests on {@code <base>/assist/request}, {@code <base>/command/search} and {@code
 * <base>/command/request}; one reply per id on {@code .../reply/<id>}, QoS 1, retained with a
 * message expiry and a clearing publish after it; a repeated id gets the same reply and no backend
 * call; every request is answered within the reply deadline whatever the backend does.
 */
@BrokerScope
public final class AssistChannel {
  private static final Logger log = LoggerFactory.getLogger(AssistChannel.class);
  /** How far the caller's clock may be off before a request counts as stale. */
  static final java.time.Duration CLOCK_TOLERANCE = java.time.Duration.ofSeconds(10);
  /** Payloads larger than this are refused unread. */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
  /** Retained replies waiting for their clearing publish, at most; beyond it the oldest is cleared early. */
  static final int MAX_PENDING_CLEARS = 4096;

  private final MqttConnection connection;
  private final DialogEngine dialog;
  private final StructuredCommands commands;
  private final Replies replies;
  private final Languages languages;
  private final ObjectMapper json;
  private final Settings.Mqtt settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService scheduler;
  private final ReplyEncoder codec;
  private final Clock clock;
  /** Turns being worked on, by reply key: a repeat waits for the same reply. Removed when answered. */
  private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
  /** Replies sent, in memory and on disk (see {@link AnsweredIds}). */
  private final AnsweredIds answered;
  /** Retained replies still on the broker, oldest first, and the latest send per reply key. */
  private final java.util.Deque<Pending> pending = new java.util.ArrayDeque<>();
  private final Map<String, java.time.Instant> latest = new java.util.HashMap<>();
  private volatile ScheduledFuture<?> sweeper;
  private volatile boolean accepting = true;

  private record Pending(String key, java.time.Instant sentAt) {}

  @Inject
  AssistChannel(
      MqttConnection connection,
      DialogEngine dialog,
      StructuredCommands commands,
      Replies replies,
      Languages languages,
      ObjectMapper json,
      Settings settings,
      @Named("workers") ExecutorService workers,
      ScheduledExecutorService scheduler,
      AnsweredIds answered,
      Clock clock) {
    this.answered = answered;
    this.clock = clock;
    this.connection = connection;
    this.dialog = dialog;
    this.commands = commands;
    this.replies = replies;
    this.languages = languages;
    this.json = json;
    this.settings = settings.mqtt();
    this.workers = workers;
    this.scheduler = scheduler;
    this.codec = new ReplyEncoder(json);
  }

  /** Subscribes to the request topics (again after every reconnect). */
  public void start() {
    String base = settings.baseTopic();
    connection.subscribe(base + "/assist/request", m -> receive(Kind.ASSIST, m));
    connection.subscribe(base + "/command/search", m -> receive(Kind.SEARCH, m));
    connection.subscribe(base + "/command/request", m -> receive(Kind.REQUEST, m));
    long every = Math.max(50, Math.min(1000, settings.replyExpiry().toMillis() / 4));
    sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Clears the retained replies an earlier run left on the broker (a crash skips the clearing
   * publish, and an MQTT 3.1.1 broker keeps them for ever): those older than the expiry at once, the
   * younger ones at their expiry. Called once connected.
   */
  public void clearLeftovers() {
    int now = 0;
    java.time.Instant cutoff = clock.instant().minus(settings.replyExpiry());
    for (var e : answered.uncleared()) {
      if (e.getValue().sentAt().isBefore(cutoff)) {
        clear(e.getKey());
        now++;
      } else {
        remember(e.getKey(), e.getValue().sentAt());
      }
    }
    if (now > 0) {
      log.info("Cleared {} retained replies an earlier run left on the broker", now);
    }
  }

  private void clear(String key) {
    connection.publish(settings.baseTopic() + "/" + key, new byte[0], true, null);
    answered.cleared(key);
  }

  /** Notes a retained reply for its clearing publish; over the cap the oldest is cleared now. */
  private synchronized void remember(String key, java.time.Instant sentAt) {
    pending.addLast(new Pending(key, sentAt));
    latest.put(key, sentAt);
    while (latest.size() > MAX_PENDING_CLEARS && !pending.isEmpty()) {
      Pending oldest = pending.pollFirst();
      if (latest.remove(oldest.key(), oldest.sentAt())) {
        clear(oldest.key());
      }
    }
  }

  /** Clears every retained reply older than the expiry. */
  private void sweep() {
    java.time.Instant cutoff = clock.instant().minus(settings.replyExpiry());
    try {
      takeOlderThan(cutoff).forEach(this::clear);
    } catch (RuntimeException e) {
      log.warn("Could not clear expired replies: {}", e.toString());
    }
  }

  private synchronized java.util.List<String> takeOlderThan(java.time.Instant cutoff) {
    java.util.List<String> due = new java.util.ArrayList<>();
    while (!pending.isEmpty() && !pending.peekFirst().sentAt().isAfter(cutoff)) {
      Pending p = pending.pollFirst();
      if (latest.remove(p.key(), p.sentAt())) {
        due.add(p.key());
      }
    }
    return due;
  }

  /** Takes no new requests (on shutdown); turns already running still get their reply. */
  public void stopAccepting() {
    accepting = false;
  }

  /**
   * Clears the retained replies that are still on the broker and older than {@code minAge} (on
   * shutdown, so that none is left behind on an MQTT 3.1.1 broker, which has no expiry). Younger
   * ones are left for a Home Assistant that may be about to read them; MQTT 5 expires them.
   */
  public void clearPendingReplies(java.time.Duration minAge) {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    java.time.Instant cutoff = clock.instant().minus(minAge);
    java.util.List<String> due = minAge.isZero() ? takeOlderThan(java.time.Instant.MAX) : takeOlderThan(cutoff);
    due.forEach(this::clear);
  }

  /** The three request topics and where each one's replies go. */
  enum Kind {
    ASSIST("assist/reply/"),
    SEARCH("command/reply/"),
    REQUEST("command/reply/");

    final String replyPath;

    Kind(String replyPath) {
      this.replyPath = replyPath;
    }
  }

  private void receive(Kind kind, MqttConnection.Message message) {
    if (!accepting) {
      log.info("Shutting down: not taking the request on {}", message.topic());
      return;
    }
    JsonNode root = readObject(message.topic(), message.payload());
    String id = root == null ? null : WireDecoder.id(root);
    if (root != null && id == null) {
      log.warn("Ignored a request on {} without a valid id (1-64 of A-Z a-z 0-9 _ . -)", message.topic());
    }
    if (id == null) {
      return;
    }
    String key = kind.replyPath + id;
    CompletableFuture<byte[]> fresh = new CompletableFuture<>();
    CompletableFuture<byte[]> existing = inFlight.putIfAbsent(key, fresh);
    if (existing != null) {
      log.debug("Request {} is being answered; sending the same reply again when it is", id);
      existing.thenAccept(bytes -> publishReply(key, bytes));
      return;
    }
    var before = answered.get(key);
    if (before.isPresent()) {
      log.debug("Request {} was answered before; sending the same reply again", id);
      inFlight.remove(key, fresh);
      fresh.complete(before.get().reply());
      publishReply(key, before.get().reply());
      return;
    }
    String language = WireDecoder.language(root);
    Function<Reply, byte[]> encode = reply -> codec.encode(id, reply);
    AtomicBoolean abandoned = new AtomicBoolean();
    TurnBudget budget = new TurnBudget(deadline(id, root), abandoned::get, clock);
    CompletableFuture<byte[]> work;
    try {
      work = CompletableFuture.supplyAsync(() -> process(kind, id, root, budget), workers);
    } catch (RejectedExecutionException e) {
      log.warn("Request {}: {} turns are running and more are waiting; answering that Overtalkerr is busy",
          id, settings.maxConcurrentTurns());
      work = CompletableFuture.completedFuture(encode.apply(busyReply(language)));
    }
    work
        .completeOnTimeout(null, settings.replyDeadline().toMillis(), TimeUnit.MILLISECONDS)
        .handle((bytes, failure) -> {
          if (failure != null) {
            log.error("Request {} failed", id, failure);
            return encode.apply(replies.internalError(language));
          }
          if (bytes == null) {
            abandoned.set(true);
            log.warn("Request {} was not answered within {} ms; replying with an apology", id, settings.replyDeadline().toMillis());
            return encode.apply(replies.timeout(language));
          }
          return bytes;
        })
        .thenAccept(bytes -> {
          answered.sent(key, bytes, clock.instant());
          fresh.complete(bytes);
          inFlight.remove(key, fresh);
          publishReply(key, bytes);
        });
  }

  /** The answer when more turns arrive than are worked on and wait together. */
  private Reply busyReply(String language) {
    return replies.error(languages.of(language), "busy", "error.busy", "too many requests at once; try again in a moment", null);
  }

  /** The payload as a JSON object, or null (with a log line) when it is too large, not JSON or not an object. */
  private JsonNode readObject(String topic, byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      log.warn("Refused a {}-byte payload on {}: the limit is {} bytes", payload.length, topic, MAX_PAYLOAD_BYTES);
      return null;
    }
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (Exception e) {
      log.warn("Ignored a payload on {} that is not JSON ({} bytes)", topic, payload.length);
      return null;
    }
    if (root == null || !root.isObject()) {
      log.warn("Ignored a payload on {} that is not a JSON object", topic);
      return null;
    }
    return root;
  }

  /**
   * The reply to one payload worked out on the calling thread, without the broker and without the
   * record of answered ids: what {@link #receive} sends for a first request, or null where it only
   * logs. For the contract's golden files and the payload fuzzer.
   */
  byte[] answerNow(Kind kind, byte[] payload) {
    JsonNode root = readObject(kind.name(), payload);
    String id = root == null ? null : WireDecoder.id(root);
    if (id == null) {
      return null;
    }
    return process(kind, id, root, new TurnBudget(clock.instant().plus(settings.replyDeadline()), () -> false, clock));
  }

  /**
   * When this request's reply is due. A request that says it was sent longer ago than Home
   * Assistant waits for a reply (plus {@link #CLOCK_TOLERANCE} for clocks that differ), e.g. after
   * the process was paused, is answered but does nothing: Home Assistant gave up on it, so a "yes"
   * in it must not file anything.
   */
  private java.time.Instant deadline(String id, JsonNode root) {
    java.time.Instant now = clock.instant();
    java.util.Optional<java.time.Instant> sent = WireDecoder.sentAt(root);
    if (sent.isPresent() && sent.get().plus(settings.replyDeadline()).plus(CLOCK_TOLERANCE).isBefore(now)) {
      log.warn("Request {} was sent {} s ago, longer than its reply is waited for; it is answered but not acted on", id,
          java.time.Duration.between(sent.get(), now).toSeconds());
      return now;
    }
    return now.plus(settings.replyDeadline());
  }

  private byte[] process(Kind kind, String id, JsonNode root, TurnBudget budget) {
    WireDecoder reader = new WireDecoder(root);
    try {
      return switch (kind) {
        case ASSIST -> {
          yield codec.encode(id, dialog.handle(reader.assist(), budget));
        }
        case SEARCH -> {
          yield codec.encodeSearch(id, commands.search(reader.search(), budget));
        }
        case REQUEST -> {
          yield codec.encode(id, commands.request(reader.request(), budget));
        }
      };
    } catch (WireDecoder.InvalidRequestException e) {
      log.warn("Request {} is invalid: {}", id, e.getMessage());
      return codec.encode(id, replies.invalidRequest(WireDecoder.language(root), e.getMessage()));
    }
  }

  /** Publishes a reply on {@code <base>/<key>}, retained with the expiry, and notes it for clearing. */
  private void publishReply(String key, byte[] bytes) {
    String topic = settings.baseTopic() + "/" + key;
    connection.publish(topic, bytes, true, settings.replyExpiry()).whenComplete((v, e) -> {
      if (e != null) {
        log.warn("Could not publish the reply on {}: {}", topic, e.getMessage());
      }
    });
    remember(key, clock.instant());
  }
}
