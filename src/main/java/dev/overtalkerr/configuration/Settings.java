package dev.overtalkerr.configuration;

import dev.overtalkerr.domain.BackendFlavour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting, read once at start-up and never changed. See {@code reference.conf} for what each
 * one means.
 */
public record Settings(
    Backend backend, Mqtt mqtt, Dialog dialog, Users users, Path dataDir, Logging logging,
    HomeAssistant homeAssistant, Tracking tracking) {

  /** Settings with the defaults for Home Assistant discovery and request tracking. */
  public Settings(Backend backend, Mqtt mqtt, Dialog dialog, Users users, Path dataDir, Logging logging) {
    this(backend, mqtt, dialog, users, dataDir, logging, HomeAssistant.DEFAULTS, Tracking.DEFAULTS);
  }

  /**
   * What Overtalkerr announces to Home Assistant through MQTT discovery.
   *
   * @param discovery whether to announce the device and its entities
   * @param birthTopic where Home Assistant says it (re)started
   * @param birthPayload what it says then
   * @param republishDelay at most this long (a random part of it) before discovery and states are
   *     published again after the birth message
   * @param nodeId the device's id in discovery topics and unique ids; empty: derived from the base topic
   */
  public record HomeAssistant(boolean discovery, String birthTopic, String birthPayload, Duration republishDelay,
      String nodeId) {
    public static final HomeAssistant DEFAULTS =
        new HomeAssistant(true, "homeassistant/status", "online", Duration.ofSeconds(5), "");
  }

  /**
   * Following requests made through Overtalkerr until they are available, declined or failed.
   *
   * @param pollInterval how often the backend's request list is read
   * @param webhookPort the port of the optional Seerr webhook receiver; 0: off
   * @param webhookSecret what Seerr must send as its Authorization header
   */
  public record Tracking(Duration pollInterval, int webhookPort, Secret webhookSecret) {
    public static final Tracking DEFAULTS = new Tracking(Duration.ofSeconds(60), 0, Secret.of(""));
  }

  /** The media request manager. */
  public record Backend(
      String url,
      Secret apiKey,
      Optional<BackendFlavour> type,
      boolean demo,
      Duration timeout,
      Duration connectTimeout) {}

  /** The MQTT broker and our topics. */
  public record Mqtt(
      String host,
      int port,
      boolean tls,
      String username,
      Secret password,
      Protocol protocol,
      String baseTopic,
      String discoveryPrefix,
      String clientId,
      Optional<Path> caFile,
      Duration replyExpiry,
      Duration replyDeadline) {

    /** Which MQTT version to speak. */
    public enum Protocol {
      AUTO,
      V5,
      V3_1_1
    }

    /** mqtt://host:port or mqtts://host:port, without credentials. */
    public String url() {
      return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }

    public Mqtt withProtocol(Protocol p) {
      return new Mqtt(host, port, tls, username, password, p, baseTopic, discoveryPrefix, clientId, caFile,
          replyExpiry, replyDeadline);
    }

    public Mqtt withEndpoint(String newHost, int newPort) {
      return new Mqtt(newHost, newPort, tls, username, password, protocol, baseTopic, discoveryPrefix, clientId,
          caFile, replyExpiry, replyDeadline);
    }
  }

  /** The conversation. */
  public record Dialog(String language, Duration sessionTimeout, int maxCandidates, boolean offerPlay) {
    /** The dialog settings with the play offer on. */
    public Dialog(String language, Duration sessionTimeout, int maxCandidates) {
      this(language, sessionTimeout, maxCandidates, true);
    }
  }

  /** Who requests are filed as. */
  public record Users(String defaultUser, boolean defaultAllow4k, List<UserRule> rules) {
    public Users {
      rules = List.copyOf(rules);
    }
  }

  /**
   * One mapping rule: a Home Assistant user and/or satellite to a backend user.
   *
   * @param haUser Home Assistant user id, or null for any
   * @param satellite assist satellite entity id or device id, or null for any
   * @param backendUser the backend user to act as (Seerr id, Ombi user name, or "owner")
   * @param allow4k whether 4K may be requested
   */
  public record UserRule(String haUser, String satellite, String backendUser, boolean allow4k) {}

  /** Log output. */
  public record Logging(String level, String format) {}

  public Settings withMqtt(Mqtt m) {
    return new Settings(backend, m, dialog, users, dataDir, logging, homeAssistant, tracking);
  }

}
