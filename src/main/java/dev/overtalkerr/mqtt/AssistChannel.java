package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.Commands;
import dev.overtalkerr.conversation.DialogEngine;
import dev.overtalkerr.conversation.Replies;
import dev.overtalkerr.conversation.StructuredCommands;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.conversation.Turn;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.understanding.Hint;
import dev.overtalkerr.logging.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
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
  /** Payloads larger than this are refused unread. */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
  private static final int REMEMBERED_IDS = 4096;

  private final MqttConnection connection;
  private final DialogEngine dialog;
  private final StructuredCommands commands;
  private final Replies replies;
  private final ObjectMapper json;
  private final Settings.Mqtt settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService scheduler;
  private final ReplyCodec codec;
  private final Clock clock;
  private final Map<String, CompletableFuture<byte[]>> answered =
      Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<byte[]>> eldest) {
          return size() > REMEMBERED_IDS;
        }
      });
  /** Retained replies still on the broker: their clearing publish and when they were sent. */
  private final Map<String, Pending> clears = new ConcurrentHashMap<>();
  private volatile boolean accepting = true;

  private record Pending(ScheduledFuture<?> clear, java.time.Instant sentAt) {}

  @Inject
  AssistChannel(
      MqttConnection connection,
      DialogEngine dialog,
      StructuredCommands commands,
      Replies replies,
      ObjectMapper json,
      Settings settings,
      @Named("workers") ExecutorService workers,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.clock = clock;
    this.connection = connection;
    this.dialog = dialog;
    this.commands = commands;
    this.replies = replies;
    this.json = json;
    this.settings = settings.mqtt();
    this.workers = workers;
    this.scheduler = scheduler;
    this.codec = new ReplyCodec(json);
  }

  /** Subscribes to the request topics (again after every reconnect). */
  public void start() {
    String base = settings.baseTopic();
    connection.subscribe(base + "/assist/request", m -> receive(Kind.ASSIST, m));
    connection.subscribe(base + "/command/search", m -> receive(Kind.SEARCH, m));
    connection.subscribe(base + "/command/request", m -> receive(Kind.REQUEST, m));
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
    java.time.Instant cutoff = clock.instant().minus(minAge);
    for (var entry : clears.entrySet()) {
      Pending p = entry.getValue();
      if (p.sentAt().isBefore(cutoff) && clears.remove(entry.getKey(), p) && p.clear().cancel(false)) {
        connection.publish(entry.getKey(), new byte[0], true, null);
      }
    }
  }

  private enum Kind {
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
    byte[] payload = message.payload();
    if (payload.length > MAX_PAYLOAD_BYTES) {
      log.warn("Refused a {}-byte payload on {}: the limit is {} bytes", payload.length, message.topic(), MAX_PAYLOAD_BYTES);
      return;
    }
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (Exception e) {
      log.warn("Ignored a payload on {} that is not JSON ({} bytes)", message.topic(), payload.length);
      return;
    }
    if (root == null || !root.isObject()) {
      log.warn("Ignored a payload on {} that is not a JSON object", message.topic());
      return;
    }
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isTextual() || !RequestReader.ID.matcher(idNode.asText()).matches()) {
      log.warn("Ignored a request on {} without a valid id (1-64 of A-Z a-z 0-9 _ . -)", message.topic());
      return;
    }
    String id = idNode.asText();
    String replyTopic = settings.baseTopic() + "/" + kind.replyPath + id;
    String key = kind.replyPath + id;
    CompletableFuture<byte[]> fresh = new CompletableFuture<>();
    CompletableFuture<byte[]> existing = answered.putIfAbsent(key, fresh);
    if (existing != null) {
      log.debug("Request {} was seen before; sending the same reply again", id);
      existing.thenAccept(bytes -> publishReply(replyTopic, bytes));
      return;
    }
    String language = RequestReader.language(root);
    Function<Reply, byte[]> encode = reply -> codec.encode(id, reply);
    AtomicBoolean abandoned = new AtomicBoolean();
    TurnBudget budget = new TurnBudget(clock.instant().plus(settings.replyDeadline()), abandoned::get, clock);
    CompletableFuture.supplyAsync(() -> process(kind, id, root, budget), workers)
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
          fresh.complete(bytes);
          publishReply(replyTopic, bytes);
        });
  }

  private byte[] process(Kind kind, String id, JsonNode root, TurnBudget budget) {
    RequestReader reader = new RequestReader(root);
    try {
      return switch (kind) {
        case ASSIST -> {
          Turn turn = reader.turn();
          yield codec.encode(id, dialog.handle(turn, budget));
        }
        case SEARCH -> {
          Commands.Search search = reader.search();
          yield codec.encodeSearch(id, commands.search(search, budget));
        }
        case REQUEST -> {
          Commands.Request request = reader.request();
          yield codec.encode(id, commands.request(request, budget));
        }
      };
    } catch (RequestReader.InvalidRequestException e) {
      log.warn("Request {} is invalid: {}", id, e.getMessage());
      return codec.encode(id, replies.invalidRequest(RequestReader.language(root), e.getMessage()));
    }
  }

  private void publishReply(String topic, byte[] bytes) {
    connection.publish(topic, bytes, true, settings.replyExpiry()).whenComplete((v, e) -> {
      if (e != null) {
        log.warn("Could not publish the reply on {}: {}", topic, e.getMessage());
      }
    });
    ScheduledFuture<?> clear = scheduler.schedule(() -> {
      clears.remove(topic);
      connection.publish(topic, new byte[0], true, null);
    }, settings.replyExpiry().toMillis(), TimeUnit.MILLISECONDS);
    Pending previous = clears.put(topic, new Pending(clear, clock.instant()));
    if (previous != null) {
      previous.clear().cancel(false);
    }
  }

  /** Reads and checks the fields of a request object. */
  static final class RequestReader {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final int MAX_TEXT = 500;
    private final JsonNode root;

    static final class InvalidRequestException extends Exception {
      InvalidRequestException(String message) {
        super(message);
      }
    }

    RequestReader(JsonNode root) {
      this.root = root;
    }

    /** The request's language if it names a valid one, else null (the default applies). */
    static String language(JsonNode root) {
      JsonNode l = root.get("language");
      return l != null && l.isTextual() && l.asText().length() <= 35 ? l.asText() : null;
    }

    Turn turn() throws InvalidRequestException {
      String text = optionalText("text", MAX_TEXT);
      String intent = optionalText("intent", 32);
      if (intent != null && Hint.of(intent).isEmpty()) {
        throw new InvalidRequestException("intent '" + intent + "' is not one of "
            + String.join(", ", java.util.Arrays.stream(Hint.values()).map(Hint::wire).sorted().toList()));
      }
      String slotTitle = null;
      String slotSeason = null;
      JsonNode slots = root.get("slots");
      if (slots != null && !slots.isNull()) {
        if (!slots.isObject()) {
          throw new InvalidRequestException("slots must be an object");
        }
        JsonNode t = slots.get("title");
        if (t != null && !t.isNull()) {
          // Home Assistant templates turn a title such as "1917" into a number: take it as text
          if (!(t.isTextual() || t.isIntegralNumber()) || t.asText().length() > MAX_TEXT) {
            throw new InvalidRequestException("slots.title must be a string of at most " + MAX_TEXT + " characters");
          }
          slotTitle = t.asText();
        }
        JsonNode s = slots.get("season");
        if (s != null && !s.isNull()) {
          if (s.isIntegralNumber() && s.asInt() >= 0 && s.asInt() < 1000) {
            slotSeason = Integer.toString(s.asInt());
          } else if (s.isTextual() && s.asText().length() <= 40) {
            slotSeason = s.asText();
          } else {
            throw new InvalidRequestException("slots.season must be a number or a short string");
          }
        }
      }
      if ((text == null || text.isBlank()) && (slotTitle == null || slotTitle.isBlank()) && intent == null) {
        throw new InvalidRequestException("text is required unless slots.title or intent is given");
      }
      return new Turn(text, intent, slotTitle, slotSeason, optionalText("language", 35), optionalText("satellite_id", 255),
          optionalText("device_id", 255), optionalText("user_id", 255), optionalText("conversation_id", 255));
    }

    Commands.Search search() throws InvalidRequestException {
      String query = optionalText("query", MAX_TEXT);
      if (query == null || query.isBlank()) {
        throw new InvalidRequestException("query is required");
      }
      return new Commands.Search(query, mediaType(), year(), limit(), context());
    }

    Commands.Request request() throws InvalidRequestException {
      String query = optionalText("query", MAX_TEXT);
      Integer tmdbId = null;
      JsonNode t = root.get("tmdb_id");
      if (t != null && !t.isNull()) {
        if (!t.isIntegralNumber() || t.asLong() <= 0 || t.asLong() > Integer.MAX_VALUE) {
          throw new InvalidRequestException("tmdb_id must be a positive whole number");
        }
        tmdbId = t.asInt();
      }
      var type = mediaType();
      if (tmdbId != null && type == null) {
        throw new InvalidRequestException("media_type (movie or tv) is required with tmdb_id");
      }
      if (tmdbId == null && (query == null || query.isBlank())) {
        throw new InvalidRequestException("tmdb_id and media_type, or query, is required");
      }
      java.util.List<Integer> seasons = null;
      boolean all = false;
      JsonNode s = root.get("seasons");
      if (s != null && !s.isNull()) {
        if (s.isTextual() && s.asText().equals("all")) {
          all = true;
        } else if (s.isArray() && s.size() > 0 && s.size() <= 100) {
          seasons = new java.util.ArrayList<>();
          for (JsonNode n : s) {
            if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 999) {
              throw new InvalidRequestException("seasons must be a list of season numbers (1 and up) or \"all\"");
            }
            seasons.add(n.asInt());
          }
        } else {
          throw new InvalidRequestException("seasons must be a list of season numbers (1 and up) or \"all\"");
        }
      }
      JsonNode k = root.get("is4k");
      if (k != null && !k.isNull() && !k.isBoolean()) {
        throw new InvalidRequestException("is4k must be true or false");
      }
      return new Commands.Request(tmdbId, type, query, year(), seasons, all, k != null && k.asBoolean(false), context());
    }

    private Commands.Context context() throws InvalidRequestException {
      return new Commands.Context(optionalText("language", 35), optionalText("satellite_id", 255),
          optionalText("device_id", 255), optionalText("user_id", 255));
    }

    private dev.overtalkerr.domain.MediaType mediaType() throws InvalidRequestException {
      String t = optionalText("media_type", 10);
      if (t == null) {
        return null;
      }
      return switch (t) {
        case "movie" -> dev.overtalkerr.domain.MediaType.MOVIE;
        case "tv" -> dev.overtalkerr.domain.MediaType.TV;
        default -> throw new InvalidRequestException("media_type must be movie or tv");
      };
    }

    private Integer year() throws InvalidRequestException {
      JsonNode y = root.get("year");
      if (y == null || y.isNull()) {
        return null;
      }
      if (!y.isIntegralNumber() || y.asInt() < 1870 || y.asInt() > 2200) {
        throw new InvalidRequestException("year must be a year such as 1999");
      }
      return y.asInt();
    }

    private int limit() throws InvalidRequestException {
      JsonNode l = root.get("limit");
      if (l == null || l.isNull()) {
        return 5;
      }
      if (!l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > 20) {
        throw new InvalidRequestException("limit must be a whole number from 1 to 20");
      }
      return l.asInt();
    }

    private String optionalText(String field, int max) throws InvalidRequestException {
      JsonNode v = root.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw new InvalidRequestException(field + " must be a string");
      }
      if (v.asText().length() > max) {
        throw new InvalidRequestException(field + " is longer than " + max + " characters");
      }
      return v.asText();
    }
  }

  /** Writes replies as the contract's JSON. */
  static final class ReplyCodec {
    private final ObjectMapper json;

    ReplyCodec(ObjectMapper json) {
      this.json = json;
    }

    byte[] encode(String id, Reply reply) {
      ObjectNode node = json.createObjectNode();
      node.put("id", id);
      node.put("speech", reply.speech());
      node.put("end", reply.end());
      node.put("expect", reply.expect().wire());
      node.put("state", reply.state().wire());
      node.set("candidate", reply.candidate() == null ? null : Payloads.candidate(json, reply.candidate()));
      node.set("request", reply.request() == null ? null : Payloads.request(json, reply.request()));
      if (reply.error() == null) {
        node.putNull("error");
      } else {
        node.putObject("error").put("code", reply.error().code()).put("message", Secrets.mask(reply.error().message()));
      }
      return bytes(node);
    }

    byte[] encodeSearch(String id, Commands.SearchResult result) {
      ObjectNode node = json.createObjectNode();
      node.put("id", id);
      node.put("state", result.error() == null ? (result.results().isEmpty() ? "not_found" : "results") : "error");
      var list = node.putArray("results");
      result.results().forEach(item -> list.add(Payloads.candidate(json, item)));
      if (result.error() == null) {
        node.putNull("error");
      } else {
        node.putObject("error").put("code", result.error().code()).put("message", Secrets.mask(result.error().message()));
      }
      return bytes(node);
    }

    private byte[] bytes(ObjectNode node) {
      try {
        return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a reply", e);
      }
    }
  }
}
