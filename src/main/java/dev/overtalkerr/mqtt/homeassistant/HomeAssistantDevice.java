package dev.overtalkerr.mqtt.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.RequestCounts;
import dev.overtalkerr.mqtt.BrokerScope;
import dev.overtalkerr.mqtt.MqttConnection;
import dev.overtalkerr.tracking.JsonFile;
import dev.overtalkerr.tracking.RequestTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overtalkerr as a Home Assistant device: publishes the discovery config ({@link DiscoveryBuilder})
 * and the states of its entities, and remembers what it published, so that only changes go out,
 * everything goes out again after Home Assistant's birth message (after a small random delay) and
 * after every reconnect, and components no longer produced are cleared (their config reduced to
 * the platform, then left out). What was announced is kept in {@code <data-dir>/home-assistant.json}
 * so that a later start (or {@code remove-from-home-assistant}) knows what to clear.
 *
 * <p>States come from the request tracker (events, the last request, the backend's counters and
 * health after each poll) and from the dashboard search ({@link Dashboard}).
 */
@BrokerScope
public final class HomeAssistantDevice implements RequestTracker.Listener {
  private static final Logger log = LoggerFactory.getLogger(HomeAssistantDevice.class);
  static final String FILE = "home-assistant.json";
  /** The version of the MQTT contract (docs/assist-contract.md) that {@code <base>/info} reports. */
  public static final String CONTRACT_VERSION = "1.1";

  private final MqttConnection connection;
  private final Settings settings;
  private final ObjectMapper json;
  private final RequestTracker tracker;
  private final MediaBackend backend;
  private final ScheduledExecutorService scheduler;
  private final Topics topics;
  private final DiscoveryBuilder builder;
  private final String version;
  private final JsonFile<Announced> file;
  /** Retained states by topic, as last set; what was last published of each. */
  private final Map<String, byte[]> states = new LinkedHashMap<>();
  private final Map<String, byte[]> published = new LinkedHashMap<>();
  private byte[] publishedConfig;

  @Inject
  public HomeAssistantDevice(MqttConnection connection, Settings settings, ObjectMapper json, RequestTracker tracker,
      MediaBackend backend, ScheduledExecutorService scheduler, @javax.inject.Named("version") String version) {
    this.connection = connection;
    this.settings = settings;
    this.json = json;
    this.tracker = tracker;
    this.backend = backend;
    this.scheduler = scheduler;
    this.topics = Topics.of(settings);
    this.builder = new DiscoveryBuilder(json);
    this.version = version;
    this.file = announcedFile(settings, json);
  }

  public Topics topics() {
    return topics;
  }

  /**
   * Hooks into the connection: announce and publish every state after each (re)connect, again
   * after Home Assistant's birth message, and follow the tracker. With discovery switched off, a
   * previous announcement is cleared instead.
   */
  public void start() {
    if (!settings.homeAssistant().discovery()) {
      connection.whenOnline(this::withdrawPrevious);
      return;
    }
    Settings.HomeAssistant ha = settings.homeAssistant();
    connection.subscribe(ha.birthTopic(), m -> {
      if (new String(m.payload(), StandardCharsets.UTF_8).equals(ha.birthPayload())) {
        long max = ha.republishDelay().toMillis();
        long delay = max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max / 5, max + 1);
        log.info("Home Assistant (re)started; announcing the device again in {} ms", delay);
        scheduler.schedule(() -> publishEverything(), delay, TimeUnit.MILLISECONDS);
      }
    });
    connection.whenOnline(this::publishEverything);
    tracker.listen(this);
  }

  /** Stops following the tracker (the broker component is going away). */
  public void stop() {
    tracker.unlisten(this);
  }

  /** The discovery config and every retained state, whether changed or not. */
  public synchronized void publishEverything() {
    announce(true);
    published.clear();
    states.forEach(this::send);
    info();
  }

  // ---------------------------------------------------------------- discovery

  /** Publishes the discovery config when it changed (or {@code force}), clearing dropped components first. */
  synchronized void announce(boolean force) {
    DiscoveryBuilder.Discovery discovery = builder.build(topics, version);
    Announced before = readAnnounced();
    if (before != null && !before.topic().equals(discovery.topic())) {
      log.info("The device moved from {} to {}: clearing the old config", before.topic(), discovery.topic());
      connection.publish(before.topic(), new byte[0], true, null);
      before = null;
    }
    if (before != null) {
      Map<String, String> previous = before.platforms();
      Set<String> dropped = new TreeSet<>(previous.keySet());
      dropped.removeAll(discovery.platforms().keySet());
      if (!dropped.isEmpty()) {
        ObjectNode removal = discovery.payload().deepCopy();
        ObjectNode cmps = (ObjectNode) removal.get("cmps");
        dropped.forEach(id -> cmps.putObject(id).put("p", previous.get(id)));
        log.info("Removing entities no longer produced from Home Assistant: {}", dropped);
        connection.publish(discovery.topic(), bytes(removal), true, null);
        force = true;
      }
    }
    byte[] config = bytes(discovery.payload());
    if (force || publishedConfig == null || !Arrays.equals(config, publishedConfig)) {
      connection.publish(discovery.topic(), config, true, null);
      publishedConfig = config;
    }
    writeAnnounced(new Announced(discovery.topic(), discovery.platforms()));
  }

  /** Clears what an earlier run announced (discovery switched off). */
  private void withdrawPrevious() {
    Announced before = readAnnounced();
    if (before != null) {
      log.info("Home Assistant discovery is off: removing the device announced earlier ({})", before.topic());
      connection.publish(before.topic(), new byte[0], true, null);
      topics.retained().forEach(t -> connection.publish(t, new byte[0], true, null));
      file.delete();
    }
  }

  /**
   * What was announced.
   *
   * @param topic the device config topic
   * @param platforms each component id with its platform
   */
  record Announced(String topic, Map<String, String> platforms) {}

  private Announced readAnnounced() {
    return file.read().orElse(null);
  }

  /** Where what was announced is kept. */
  static JsonFile<Announced> announcedFile(Settings settings, ObjectMapper json) {
    return new JsonFile<>(settings.dataDir().resolve(FILE), Announced.class, json, java.time.Clock.systemUTC());
  }

  private void writeAnnounced(Announced announced) {
    file.write(new Announced(announced.topic(), new java.util.TreeMap<>(announced.platforms())));
  }

  // ---------------------------------------------------------------- states

  /** Sets a retained state; published when it differs from what was last published. */
  public synchronized void state(String topic, byte[] payload) {
    states.put(topic, payload);
    if (!Arrays.equals(published.get(topic), payload)) {
      send(topic, payload);
    }
  }

  /** The state last set on a topic, or null. */
  synchronized byte[] stateOf(String topic) {
    return states.get(topic);
  }

  private void send(String topic, byte[] payload) {
    published.put(topic, payload);
    connection.publish(topic, payload, true, null).whenComplete((v, e) -> {
      if (e != null) {
        log.debug("Could not publish {}: {}", topic, e.getMessage());
        synchronized (this) {
          published.remove(topic); // try again with the next change or republish
        }
      }
    });
  }

  private void info() {
    ObjectNode info = json.createObjectNode();
    info.put("version", version);
    info.put("contract_version", CONTRACT_VERSION);
    BackendInfo b = backendInfo();
    if (b == null) {
      info.putNull("backend");
      info.putNull("backend_version");
    } else {
      info.put("backend", b.flavour().displayName());
      if (b.version() == null) {
        info.putNull("backend_version");
      } else {
        info.put("backend_version", b.version());
      }
    }
    var languages = info.putArray("languages");
    dev.overtalkerr.configuration.SettingsLoader.LANGUAGES.stream().sorted().forEach(languages::add);
    info.put("default_language", settings.dialog().language());
    state(topics.info(), bytes(info));
  }

  /** The backend's identity, when already known: asked on the tracker's thread, never while a reply waits. */
  private volatile BackendInfo knownBackend;

  private BackendInfo backendInfo() {
    return knownBackend;
  }

  // ---------------------------------------------------------------- from the tracker

  @Override
  public void polled(RequestTracker.Snapshot snapshot) {
    try {
      knownBackend = backend.info();
    } catch (RuntimeException e) {
      log.debug("The backend is not identified yet: {}", e.getMessage());
    }
    synchronized (this) {
      info();
      state(topics.backend(), (snapshot.reachable() ? "online" : "offline").getBytes(StandardCharsets.UTF_8));
      RequestCounts c = snapshot.counts();
      if (c != null) {
        state(topics.counts(), bytes(json.createObjectNode().put("pending", c.pending()).put("processing", c.processing())
            .put("available", c.available()).put("declined", c.declined()).put("total", c.total())));
      }
    }
  }

  @Override
  public void event(RequestTracker.Event event) {
    ObjectNode payload = json.createObjectNode();
    payload.put("event_type", event.type().wire());
    payload.setAll(details(event.request()));
    if (event.error() != null) {
      payload.put("error", event.error());
    }
    connection.publish(topics.events(), bytes(payload), false, null).whenComplete((v, e) -> {
      if (e != null) {
        log.warn("Could not publish the {} event of {}: {}", event.type().wire(), event.request().title(), e.getMessage());
      }
    });
    if (event.request().requestId() != null) {
      boolean latest = tracker.latest().map(t -> t.requestId().equals(event.request().requestId())).orElse(false);
      if (latest) {
        lastRequest(event.request());
      }
    }
    if (event.type() == RequestTracker.EventType.REQUESTED) {
      tracker.pollSoon(); // the counters changed
    }
  }

  private void lastRequest(RequestTracker.Tracked t) {
    ObjectNode payload = json.createObjectNode();
    payload.put("state", Texts.state(t.title()));
    ObjectNode attributes = payload.putObject("attributes");
    attributes.setAll(details(t));
    attributes.put("requested_at", t.requestedAt() == null ? null : t.requestedAt().toString());
    state(topics.lastRequest(), bytes(payload));
  }

  /** What the event and the last request say about a request. */
  ObjectNode details(RequestTracker.Tracked t) {
    ObjectNode n = json.createObjectNode();
    n.put("request_id", t.requestId());
    n.put("title", t.title());
    if (t.year() == null) {
      n.putNull("year");
    } else {
      n.put("year", t.year());
    }
    n.put("media_type", t.type().wire());
    t.seasons().forEach(n.putArray("seasons")::add);
    n.put("is4k", t.is4k());
    n.put("person", t.person());
    n.put("satellite_id", t.satelliteId());
    n.put("status", t.progress().wire());
    n.put("tmdb_id", t.tmdbId());
    n.put("poster_url", Texts.posterUrl(t.posterPath()));
    return n;
  }

  byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
