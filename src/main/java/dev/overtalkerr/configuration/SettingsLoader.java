package dev.overtalkerr.configuration;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import com.typesafe.config.ConfigValueFactory;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import dev.overtalkerr.logging.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link Settings} from, lowest priority first: {@code reference.conf}, a HOCON file, the
 * environment variables in {@link #ENVIRONMENT}, and the Home Assistant app's options file. Every
 * problem becomes a {@link ConfigurationException} naming the setting; nothing here logs (logging is
 * configured from the result).
 */
public final class SettingsLoader {
  private static final String ROOT = "overtalkerr.";

  /** Environment variable to setting path. */
  public static final Map<String, String> ENVIRONMENT = orderedMap(
      "MEDIA_BACKEND_URL", "backend.url",
      "MEDIA_BACKEND_API_KEY", "backend.api-key",
      "MEDIA_BACKEND_TYPE", "backend.type",
      "MOCK_BACKEND", "backend.demo",
      "MQTT_URL", "mqtt.url",
      "MQTT_USERNAME", "mqtt.username",
      "MQTT_PASSWORD", "mqtt.password",
      "MQTT_PROTOCOL", "mqtt.protocol",
      "MQTT_BASE_TOPIC", "mqtt.base-topic",
      "HA_DISCOVERY_PREFIX", "mqtt.discovery-prefix",
      "OVERTALKERR_LANGUAGE", "dialog.language",
      "OVERTALKERR_DATA_DIR", "data-dir",
      "HA_BIRTH_TOPIC", "home-assistant.birth-topic",
      "HA_DISCOVERY", "home-assistant.discovery",
      "TRACKING_POLL_INTERVAL", "tracking.poll-interval",
      "SEERR_WEBHOOK_PORT", "tracking.webhook.port",
      "SEERR_WEBHOOK_SECRET", "tracking.webhook.secret",
      "LOG_LEVEL", "logging.level",
      "LOG_FORMAT", "logging.format");

  /** Home Assistant app option to setting path (lists and special cases are handled in code). */
  static final Map<String, String> ADDON_OPTIONS = orderedMap(
      "media_backend_url", "backend.url",
      "media_backend_api_key", "backend.api-key",
      "media_backend_type", "backend.type",
      "mock_backend", "backend.demo",
      "mqtt_url", "mqtt.url",
      "mqtt_username", "mqtt.username",
      "mqtt_password", "mqtt.password",
      "base_topic", "mqtt.base-topic",
      "discovery_prefix", "mqtt.discovery-prefix",
      "language", "dialog.language",
      "offer_play", "dialog.offer-play",
      "default_backend_user", "users.default",
      "ha_discovery", "home-assistant.discovery",
      "ha_birth_topic", "home-assistant.birth-topic",
      "seerr_webhook_port", "tracking.webhook.port",
      "seerr_webhook_secret", "tracking.webhook.secret",
      "log_level", "logging.level",
      "log_format", "logging.format");

  /** App options that only count together with {@code mqtt_url}. */
  private static final Set<String> BROKER_CREDENTIALS = Set.of("mqtt_username", "mqtt_password");

  /** Languages the dialog speaks. */
  public static final Set<String> LANGUAGES = Set.of("en", "de");

  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

  private final Map<String, String> environment;
  private final Map<String, String> origins = new HashMap<>();

  /** A loader that reads the given environment (the process environment in production). */
  public SettingsLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads and checks every setting.
   *
   * @param file a HOCON file ({@code --config}), or empty
   * @param addonOptions the app's options.json ({@code --addon-options}), or empty
   * @param requireBackend false for console commands that never call the backend ({@code say})
   */
  public Settings load(Optional<Path> file, Optional<Path> addonOptions, boolean requireBackend) {
    Config reference = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf");
    Config fromFile = file.map(p -> parseFile(p, reference)).orElse(ConfigFactory.empty());
    Config fromEnv = environmentConfig();
    Config fromAddon = addonOptions.map(this::addonConfig).orElse(ConfigFactory.empty());
    Config merged;
    try {
      merged = fromAddon.withFallback(fromEnv).withFallback(fromFile).withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new ConfigurationException(file.map(Path::toString).orElse("configuration"), oneLine(e));
    }
    return read(merged.getConfig("overtalkerr"), requireBackend);
  }

  /** The one-line description of where a setting came from, for messages. */
  private String name(String path) {
    String origin = origins.get(path);
    return origin == null ? ROOT + path : origin + " (" + ROOT + path + ")";
  }

  private Config parseFile(Path path, Config reference) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigurationException("--config", "no such file: " + path);
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new ConfigurationException("--config", oneLine(e));
    }
    for (var entry : config.entrySet()) {
      if (!reference.hasPathOrNull(entry.getKey())) {
        throw new ConfigurationException(entry.getKey(), "unknown setting in " + path + " (see reference.conf for the names)");
      }
    }
    return config;
  }

  private Config environmentConfig() {
    Map<String, Object> values = new HashMap<>();
    ENVIRONMENT.forEach((variable, path) -> {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        values.put(ROOT + path, value.trim());
        origins.put(path, variable);
      }
    });
    return ConfigFactory.parseMap(values, "environment");
  }

  /**
   * The app's options.json, read with the configuration library's own JSON parser (no JSON
   * mapper on the way to {@code online}). A file that does not parse is reported by its line
   * only: the parser's message quotes the text, which may be a password.
   */
  private Config addonConfig(Path path) {
    ConfigObject options;
    try {
      options = ConfigFactory.parseString(Files.readString(path),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setOriginDescription("app options")).root();
    } catch (IOException e) {
      throw new ConfigurationException("--addon-options", "cannot read " + path + ": " + e.getClass().getSimpleName());
    } catch (ConfigException e) {
      String line = e.origin() != null && e.origin().lineNumber() > 0 ? " (line " + e.origin().lineNumber() + ")" : "";
      throw new ConfigurationException("--addon-options", path + " is not a JSON object" + line);
    }
    Map<String, Object> values = new HashMap<>();
    // The broker's user and password belong to the broker address: without mqtt_url the app uses
    // the broker of Home Assistant's MQTT service with that service's credentials (run script).
    boolean ownBroker = hasText(options.get("mqtt_url"));
    ADDON_OPTIONS.forEach((option, settingPath) -> {
      ConfigValue v = options.get(option);
      if (!ownBroker && BROKER_CREDENTIALS.contains(option)) {
        return;
      }
      if (hasText(v)) {
        values.put(ROOT + settingPath, text(v));
        origins.put(settingPath, "app option " + option);
      }
    });
    ConfigValue timeout = options.get("session_timeout_seconds");
    if (present(timeout)) {
      values.put(ROOT + "dialog.session-timeout", text(timeout) + "s");
      origins.put("dialog.session-timeout", "app option session_timeout_seconds");
    }
    ConfigValue poll = options.get("tracking_poll_interval_seconds");
    if (present(poll)) {
      values.put(ROOT + "tracking.poll-interval", text(poll) + "s");
      origins.put("tracking.poll-interval", "app option tracking_poll_interval_seconds");
    }
    if (options.get("users") instanceof ConfigList users) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (ConfigValue entry : users) {
        Map<String, Object> rule = new HashMap<>();
        if (entry instanceof ConfigObject u) {
          putText(rule, "ha-user", u.get("ha_user"));
          putText(rule, "satellite", u.get("satellite"));
          putText(rule, "backend-user", u.get("backend_user"));
          if (present(u.get("allow_4k"))) {
            rule.put("allow-4k", Boolean.parseBoolean(text(u.get("allow_4k"))));
          }
        }
        rules.add(rule);
      }
      origins.put("users.map", "app option users");
      return ConfigFactory.parseMap(values, "app options")
          .withValue(ROOT + "users.map", ConfigValueFactory.fromIterable(rules, "app option users"));
    }
    return ConfigFactory.parseMap(values, "app options");
  }

  private static boolean present(ConfigValue v) {
    return v != null && v.valueType() != ConfigValueType.NULL;
  }

  private static boolean hasText(ConfigValue v) {
    return present(v) && !(v.valueType() == ConfigValueType.STRING && text(v).isBlank());
  }

  /** A scalar as text (strings trimmed); a list or object as its JSON. */
  private static String text(ConfigValue v) {
    return switch (v.valueType()) {
      case STRING -> ((String) v.unwrapped()).trim();
      case NUMBER, BOOLEAN -> String.valueOf(v.unwrapped());
      default -> v.render(com.typesafe.config.ConfigRenderOptions.concise());
    };
  }

  private static void putText(Map<String, Object> target, String key, ConfigValue value) {
    if (hasText(value)) {
      target.put(key, text(value));
    }
  }

  private Settings read(Config c, boolean requireBackend) {
    try {
      return readChecked(c, requireBackend);
    } catch (ConfigException e) {
      throw new ConfigurationException("configuration", oneLine(e));
    }
  }

  private Settings readChecked(Config c, boolean requireBackend) {
    // known secrets are registered for masking before any message can be built
    Secrets.register(c.hasPath("backend.api-key") ? c.getValue("backend.api-key").unwrapped().toString().trim() : null);
    Secrets.register(c.hasPath("mqtt.password") ? c.getValue("mqtt.password").unwrapped().toString() : null);
    boolean demo = bool(c, "backend.demo");
    String backendUrl = c.getString("backend.url").trim();
    if (!demo && (requireBackend || !backendUrl.isEmpty())) {
      if (backendUrl.isEmpty()) {
        throw new ConfigurationException(name("backend.url"),
            "is required: set MEDIA_BACKEND_URL to your Seerr/Overseerr/Jellyseerr/Ombi address, or MOCK_BACKEND=true for the demo catalogue");
      }
      httpUrl("backend.url", backendUrl);
      if (requireBackend && c.getString("backend.api-key").isBlank()) {
        throw new ConfigurationException(name("backend.api-key"),
            "is required: set MEDIA_BACKEND_API_KEY to the backend's API key (Seerr: Settings > General; Ombi: Settings > Configuration > General)");
      }
    }
    String type = c.getString("backend.type").trim();
    Optional<BackendFlavour> flavour = Optional.empty();
    if (!type.equalsIgnoreCase("auto")) {
      flavour = BackendFlavour.parse(type).filter(f -> f != BackendFlavour.DEMO);
      if (flavour.isEmpty()) {
        throw new ConfigurationException(name("backend.type"), "is not one of auto, seerr, overseerr, jellyseerr, ombi");
      }
    }
    var backend = new Settings.Backend(backendUrl, Secret.of(c.getString("backend.api-key").trim()), flavour, demo,
        positive(c, "backend.timeout"), positive(c, "backend.connect-timeout"));

    URI mqttUri = mqttUri(c.getString("mqtt.url").trim());
    boolean tls = mqttUri.getScheme().equalsIgnoreCase("mqtts") || mqttUri.getScheme().equalsIgnoreCase("ssl");
    int port = mqttUri.getPort() > 0 ? mqttUri.getPort() : (tls ? 8883 : 1883);
    String baseTopic = topic("mqtt.base-topic", c.getString("mqtt.base-topic"));
    String clientId = c.getString("mqtt.client-id").trim(); // empty: one made per installation (mqtt.ClientIdentity)
    if (!clientId.isEmpty() && !clientId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new ConfigurationException(name("mqtt.client-id"), "must be 1-64 of A-Z a-z 0-9 _ . -");
    }
    String caFile = c.getString("mqtt.ca-file").trim();
    if (!caFile.isEmpty() && !Files.isReadable(Path.of(caFile))) {
      throw new ConfigurationException(name("mqtt.ca-file"), "cannot read " + caFile);
    }
    var mqtt = new Settings.Mqtt(mqttUri.getHost(), port, tls, c.getString("mqtt.username").trim(),
        Secret.of(c.getString("mqtt.password")), protocol(c.getString("mqtt.protocol")), baseTopic,
        topic("mqtt.discovery-prefix", c.getString("mqtt.discovery-prefix")), clientId,
        caFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(caFile)),
        positive(c, "mqtt.reply-expiry"), positive(c, "mqtt.reply-deadline"), integer(c, "mqtt.max-concurrent-turns"));
    if (mqtt.maxConcurrentTurns() < 1 || mqtt.maxConcurrentTurns() > 1000) {
      throw new ConfigurationException(name("mqtt.max-concurrent-turns"), "must be between 1 and 1000");
    }
    if (mqtt.replyDeadline().compareTo(Duration.ofSeconds(8)) > 0) {
      throw new ConfigurationException(name("mqtt.reply-deadline"), "must be at most 8s: Home Assistant waits for the reply");
    }

    String language = c.getString("dialog.language").trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      throw new ConfigurationException(name("dialog.language"), "is not one of " + String.join(", ", LANGUAGES.stream().sorted().toList()));
    }
    int maxCandidates = integer(c, "dialog.max-candidates");
    if (maxCandidates < 1 || maxCandidates > 50) {
      throw new ConfigurationException(name("dialog.max-candidates"), "must be between 1 and 50");
    }
    var dialog = new Settings.Dialog(language, positive(c, "dialog.session-timeout"), maxCandidates, bool(c, "dialog.offer-play"));

    var users = new Settings.Users(c.getString("users.default").trim(), bool(c, "users.default-allow-4k"), rules(c));

    String level = c.getString("logging.level").trim().toLowerCase(Locale.ROOT);
    if (level.equals("warning")) {
      level = "warn";
    }
    if (!LEVELS.contains(level)) {
      throw new ConfigurationException(name("logging.level"), "is not one of trace, debug, info, warn, error");
    }
    String format = c.getString("logging.format").trim().toLowerCase(Locale.ROOT);
    if (!format.equals("plain") && !format.equals("json")) {
      throw new ConfigurationException(name("logging.format"), "is not plain or json");
    }
    String dataDir = c.getString("data-dir").trim();
    if (dataDir.isEmpty()) {
      throw new ConfigurationException(name("data-dir"), "must not be empty");
    }
    String nodeId = c.getString("home-assistant.node-id").trim();
    if (!nodeId.isEmpty() && !nodeId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new ConfigurationException(name("home-assistant.node-id"), "may only contain A-Z a-z 0-9 _ - (at most 64)");
    }
    var homeAssistant = new Settings.HomeAssistant(bool(c, "home-assistant.discovery"),
        topic("home-assistant.birth-topic", c.getString("home-assistant.birth-topic")),
        c.getString("home-assistant.birth-payload"), nonNegative(c, "home-assistant.republish-delay"), nodeId);
    Duration poll = positive(c, "tracking.poll-interval");
    if (poll.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new ConfigurationException(name("tracking.poll-interval"), "must be at least 10s: be gentle on the backend");
    }
    int webhookPort = integer(c, "tracking.webhook.port");
    if (webhookPort < 0 || webhookPort > 65535) {
      throw new ConfigurationException(name("tracking.webhook.port"), "must be a port number, or 0 for no webhook");
    }
    Secret webhookSecret = Secret.of(c.getString("tracking.webhook.secret").trim());
    if (webhookPort > 0 && webhookSecret.reveal().length() < 16) {
      throw new ConfigurationException(name("tracking.webhook.secret"),
          "is required with the webhook: at least 16 characters, which Seerr sends as its Authorization header");
    }
    return new Settings(backend, mqtt, dialog, users, Path.of(dataDir), new Settings.Logging(level, format), homeAssistant,
        new Settings.Tracking(poll, webhookPort, webhookSecret));
  }

  private Duration nonNegative(Config c, String path) {
    try {
      Duration d = c.getDuration(path);
      if (d.isNegative()) {
        throw new ConfigurationException(name(path), "must not be negative");
      }
      return d;
    } catch (ConfigException e) {
      throw new ConfigurationException(name(path), "is not a duration such as 5s");
    }
  }

  private List<Settings.UserRule> rules(Config c) {
    List<Settings.UserRule> rules = new ArrayList<>();
    List<? extends Config> list;
    try {
      list = c.getConfigList("users.map");
    } catch (ConfigException e) {
      throw new ConfigurationException(name("users.map"), "must be a list of { ha-user, satellite, backend-user, allow-4k } objects");
    }
    for (int i = 0; i < list.size(); i++) {
      Config r = list.get(i);
      String where = name("users.map") + "[" + i + "]";
      String haUser = r.hasPath("ha-user") ? r.getString("ha-user").trim() : null;
      String satellite = r.hasPath("satellite") ? r.getString("satellite").trim() : null;
      if (!r.hasPath("backend-user") || r.getString("backend-user").isBlank()) {
        throw new ConfigurationException(where, "backend-user is required");
      }
      if ((haUser == null || haUser.isEmpty()) && (satellite == null || satellite.isEmpty())) {
        throw new ConfigurationException(where, "needs ha-user or satellite (or both)");
      }
      boolean allow4k;
      try {
        allow4k = r.hasPath("allow-4k") && r.getBoolean("allow-4k");
      } catch (ConfigException e) {
        throw new ConfigurationException(where, "allow-4k must be true or false");
      }
      rules.add(new Settings.UserRule(blankToNull(haUser), blankToNull(satellite), r.getString("backend-user").trim(), allow4k));
    }
    return rules;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private boolean bool(Config c, String path) {
    try {
      return c.getBoolean(path);
    } catch (ConfigException.WrongType e) {
      throw new ConfigurationException(name(path), "is not true or false");
    }
  }

  private int integer(Config c, String path) {
    try {
      return c.getInt(path);
    } catch (ConfigException.WrongType e) {
      throw new ConfigurationException(name(path), "is not a whole number");
    }
  }

  private Duration positive(Config c, String path) {
    Duration d;
    try {
      d = c.getDuration(path);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw new ConfigurationException(name(path), "is not a duration such as 5s, 500ms or 2m");
    }
    if (d.isNegative() || d.isZero()) {
      throw new ConfigurationException(name(path), "must be longer than zero");
    }
    return d;
  }

  private Protocol protocol(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> Protocol.AUTO;
      case "5", "5.0", "v5", "mqttv5" -> Protocol.V5;
      case "3.1.1", "3", "311", "v3", "mqttv311" -> Protocol.V3_1_1;
      default -> throw new ConfigurationException(name("mqtt.protocol"), "is not auto, 5 or 3.1.1");
    };
  }

  private void httpUrl(String path, String value) {
    if (value.contains("@") || value.contains("?")) {
      throw new ConfigurationException(name(path),
          "must be a plain address such as http://192.168.1.10:5055, without credentials or a query: set the API key with MEDIA_BACKEND_API_KEY");
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new ConfigurationException(name(path), "is not an http:// or https:// address such as http://192.168.1.10:5055");
      }
    } catch (URISyntaxException e) {
      throw new ConfigurationException(name(path), "is not a valid address");
    }
  }

  /**
   * The broker address. Credentials in it are refused before anything else is looked at, and a
   * value is only echoed in messages once it is known to carry none.
   */
  private URI mqttUri(String value) {
    if (value.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@.*")) {
      throw new ConfigurationException(name("mqtt.url"), "must not contain credentials: use MQTT_USERNAME and MQTT_PASSWORD");
    }
    String problem = "is not an address such as mqtt://host:port or mqtts://host:port";
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!Set.of("mqtt", "mqtts", "tcp", "ssl").contains(scheme) || uri.getHost() == null || uri.getPort() > 65535) {
        throw new ConfigurationException(name("mqtt.url"), problem);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(name("mqtt.url"), problem);
    }
  }

  private String topic(String path, String value) {
    String t = value.trim();
    if (t.isEmpty() || t.contains("+") || t.contains("#") || t.startsWith("/") || t.endsWith("/") || t.contains("//")) {
      throw new ConfigurationException(name(path), "is not a topic prefix such as overtalkerr (no +, #, leading or trailing /)");
    }
    return t;
  }

  /**
   * A Typesafe Config message on one line, without the quoted values it may contain (a secret in a
   * malformed line would otherwise be echoed): what is wrong and where, never the text itself.
   */
  private static String oneLine(ConfigException e) {
    String m = e.getMessage().replace('\n', ' ').replace('\r', ' ');
    return Secrets.mask(m.replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\""));
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
