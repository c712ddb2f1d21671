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
    Backend backend, Mqtt mqtt, Dialog dialog, Users users, Path dataDir, Logging logging) {

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
    return new Settings(backend, m, dialog, users, dataDir, logging);
  }

}
