package dev.overtalkerr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.ConfigurationException;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.understanding.DialogContext;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Interpreter;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.Utterance;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.logging.Secrets;
import dev.overtalkerr.mqtt.EmbeddedBroker;
import dev.overtalkerr.mqtt.SayClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The command line.
 *
 * <pre>
 * overtalkerr [--config FILE] [--addon-options FILE] [--heartbeat FILE]   run the daemon
 * overtalkerr --demo                                        run on the demo catalogue and an embedded broker
 * overtalkerr parse [--language L] "utterance" ...          print what was understood, one JSON line each
 * overtalkerr say [--session S] [--user U] [--satellite X] [--language L] [--json] "utterance"
 * overtalkerr remove-from-home-assistant                   remove the device and entities Overtalkerr announced
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a runtime failure (no reply to {@code say}), 2 a configuration or usage
 * error (one line, no stack trace).
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final String REMOVE = "remove-from-home-assistant";

  private static final String USAGE_TEXT = """
      Usage:
        overtalkerr [--config FILE] [--addon-options FILE] [--heartbeat FILE]
                                                             run the daemon (--heartbeat, or OVERTALKERR_HEARTBEAT: a file
                                                             touched every 10 s while connected to the broker)
        overtalkerr --demo                                   run on the demo catalogue and an embedded MQTT broker
        overtalkerr parse [--language en|de] "utterance" ...  print what Overtalkerr understood (JSON, one line each)
        overtalkerr say [--session S] [--user U] [--satellite X] [--language L] [--json] "utterance"
                                                             send one turn to the running daemon and print the reply
        overtalkerr remove-from-home-assistant               remove the device and entities Overtalkerr announced
                                                             to Home Assistant (stop the daemon first)
        overtalkerr --version | --help
      Settings: see reference.conf; environment variables such as MEDIA_BACKEND_URL and MQTT_URL override the file.""";

  private Main() {}

  public static void main(String[] args) {
    // Netty (under the MQTT client) pools its buffers in 4 MiB chunks per arena; the daemon's
    // messages are at most 64 KiB, so 64 KiB chunks hold them and keep 4 MiB out of the idle RSS
    if (System.getProperty("io.netty.allocator.maxOrder") == null) {
      System.setProperty("io.netty.allocator.maxOrder", "3");
    }
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != OK || !isDaemon(args)) {
      System.exit(code);
    }
  }

  private static boolean isDaemon(String[] args) {
    return args.length == 0 || !(args[0].equals("parse") || args[0].equals("say") || args[0].equals(REMOVE));
  }

  /** Runs a command; returns the exit code. The daemon returns when it is stopped. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      List<String> rest = new ArrayList<>(List.of(args));
      if (rest.contains("--help") || rest.contains("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      }
      if (rest.contains("--version")) {
        out.println("overtalkerr " + Version.current());
        return OK;
      }
      Optional<Path> config = option(rest, "--config").map(Path::of);
      Optional<Path> addonOptions = option(rest, "--addon-options").map(Path::of)
          .or(() -> Optional.ofNullable(env.get("OVERTALKERR_ADDON_OPTIONS")).filter(s -> !s.isBlank()).map(Path::of));
      if (!rest.isEmpty() && rest.get(0).equals("parse")) {
        rest.remove(0);
        return parse(rest, out);
      }
      if (!rest.isEmpty() && rest.get(0).equals(REMOVE)) {
        rest.remove(0);
        return removeFromHomeAssistant(env, config, addonOptions, out, err);
      }
      if (!rest.isEmpty() && rest.get(0).equals("say")) {
        rest.remove(0);
        return say(rest, env, config, addonOptions, out, err);
      }
      Optional<Path> heartbeat = option(rest, "--heartbeat").map(Path::of)
          .or(() -> Optional.ofNullable(env.get("OVERTALKERR_HEARTBEAT")).filter(s -> !s.isBlank()).map(Path::of));
      boolean demo = rest.remove("--demo");
      rest.remove("run");
      if (!rest.isEmpty()) {
        err.println("overtalkerr: unknown argument " + rest.get(0));
        err.println(USAGE_TEXT);
        return USAGE;
      }
      return daemon(demo, env, config, addonOptions, heartbeat, out);
    } catch (ConfigurationException e) {
      err.println("overtalkerr: configuration error: " + Secrets.mask(e.getMessage()));
      return USAGE;
    } catch (UsageException e) {
      err.println("overtalkerr: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
  }

  private static int daemon(boolean demo, Map<String, String> env, Optional<Path> config, Optional<Path> addonOptions,
      Optional<Path> heartbeatFile, PrintStream out) {
    Map<String, String> environment = new HashMap<>(env);
    Path demoData = null;
    if (demo) {
      environment.put("MOCK_BACKEND", "true");
      if (!environment.containsKey("OVERTALKERR_DATA_DIR")) {
        try {
          demoData = Files.createTempDirectory("overtalkerr-demo");
          environment.put("OVERTALKERR_DATA_DIR", demoData.toString());
        } catch (IOException e) {
          throw new ConfigurationException("OVERTALKERR_DATA_DIR", "cannot create a temporary data folder: " + e.getMessage());
        }
      }
    }
    Settings settings = new SettingsLoader(environment).load(config, addonOptions, true);
    configureLogging(settings);
    EmbeddedBroker embedded = null;
    if (demo) {
      embedded = EmbeddedBroker.start(1883);
      settings = settings.withMqtt(settings.mqtt().withEndpoint(embedded.host(), embedded.port()).withProtocol(Protocol.V3_1_1));
      printDemoBanner(settings, out);
    }
    AppComponent app = AppComponent.create(settings);
    Daemon daemon = new Daemon(app);
    CountDownLatch stopped = new CountDownLatch(1);
    EmbeddedBroker broker = embedded;
    Path tempData = demoData;
    Optional<Heartbeat> heartbeat = heartbeatFile.map(f -> new Heartbeat(f, daemon::isConnected, Clock.systemUTC()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      heartbeat.ifPresent(Heartbeat::close);
      daemon.close();
      if (broker != null) {
        broker.close();
      }
      if (tempData != null) {
        deleteQuietly(tempData);
      }
      stopped.countDown();
    }, "overtalkerr-shutdown"));
    heartbeat.ifPresent(h -> h.start(app.scheduler()));
    daemon.start().whenComplete((v, e) -> {
      if (e != null) {
        org.slf4j.LoggerFactory.getLogger(Main.class).error("Cannot connect to the MQTT broker: {}", e.getMessage());
        System.exit(FAILED);
      }
    });
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  private static void printDemoBanner(Settings settings, PrintStream out) {
    String url = settings.mqtt().url();
    String jar = jarPath();
    String prefix = settings.mqtt().port() == 1883 ? "" : "MQTT_URL=" + url + " ";
    out.println("Overtalkerr demo: the demo catalogue and an embedded MQTT broker (3.1.1) on " + url);
    out.println("Talk to it from another terminal:");
    out.println("  " + prefix + "java -jar " + jar + " say \"download dune\"");
    out.println("  " + prefix + "java -jar " + jar + " say \"yes\"");
    out.println("or with Mosquitto's tools:");
    out.println("  mosquitto_sub -h 127.0.0.1 -p " + settings.mqtt().port() + " -t '" + settings.mqtt().baseTopic() + "/assist/reply/#' -v &");
    out.println("  mosquitto_pub -h 127.0.0.1 -p " + settings.mqtt().port() + " -t " + settings.mqtt().baseTopic()
        + "/assist/request -m '{\"id\":\"t1\",\"text\":\"download dune\"}'");
    out.println("Press Ctrl+C to stop.");
    out.flush();
  }

  private static int parse(List<String> args, PrintStream out) {
    String language = option(args, "--language").orElse("en");
    if (args.isEmpty()) {
      throw new UsageException("parse needs at least one utterance");
    }
    UtteranceParser parser = new UtteranceParser(Clock.systemDefaultZone());
    Interpreter interpreter = new Interpreter(parser);
    for (String utterance : args) {
      // questions ("is dune ready yet") are read by the interpreter; everything else as the parser reads it
      Understanding question = interpreter.interpret(new Utterance(utterance, null, null, null, language), DialogContext.NONE)
          .understanding();
      boolean asks = question.intent() == Intent.STATUS || question.intent() == Intent.REQUESTS;
      out.println(UtteranceParser.toJson(asks ? question : parser.parse(utterance, language)));
    }
    return OK;
  }

  private static int say(List<String> args, Map<String, String> env, Optional<Path> config, Optional<Path> addonOptions,
      PrintStream out, PrintStream err) {
    Optional<String> session = option(args, "--session");
    Optional<String> user = option(args, "--user");
    Optional<String> satellite = option(args, "--satellite");
    Optional<String> language = option(args, "--language");
    Optional<String> timeout = option(args, "--timeout");
    boolean raw = args.remove("--json");
    if (args.size() != 1) {
      throw new UsageException("say needs exactly one utterance (quote it)");
    }
    Settings settings = new SettingsLoader(env).load(config, addonOptions, false);
    configureLogging(new Settings(settings.backend(), settings.mqtt(), settings.dialog(), settings.users(), settings.dataDir(),
        new Settings.Logging(env.containsKey("LOG_LEVEL") ? settings.logging().level() : "warn", settings.logging().format())));
    ObjectMapper json = new ObjectMapper();
    ObjectNode request = json.createObjectNode();
    request.put("text", args.get(0));
    language.ifPresent(l -> request.put("language", l));
    user.ifPresent(u -> request.put("user_id", u));
    satellite.ifPresent(s -> request.put("satellite_id", s));
    request.put("conversation_id", session.orElse("console"));
    Duration wait = timeout.map(t -> Duration.ofSeconds(Long.parseLong(t.replace("s", "")))).orElse(Duration.ofSeconds(10));
    try (SayClient client = new SayClient(settings.mqtt(), json)) {
      Optional<JsonNode> reply = client.say(request, wait);
      if (reply.isEmpty()) {
        err.println("overtalkerr: no reply within " + wait.toSeconds() + " s on " + settings.mqtt().baseTopic()
            + "/assist/reply/... Is the daemon running and connected to " + settings.mqtt().url() + "?");
        return FAILED;
      }
      JsonNode r = reply.get();
      if (raw) {
        out.println(r.toString());
      } else {
        out.println(r.path("speech").asText());
        out.println("  [state: " + r.path("state").asText() + ", expect: " + r.path("expect").asText() + ", end: "
            + r.path("end").asBoolean() + (r.path("error").isObject() ? ", error: " + r.path("error").path("code").asText() : "") + "]");
      }
      return OK;
    } catch (java.util.concurrent.TimeoutException e) {
      err.println("overtalkerr: cannot reach the MQTT broker at " + settings.mqtt().url() + " within " + wait.toSeconds() + " s");
      return FAILED;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println("overtalkerr: " + Secrets.mask(String.valueOf(cause.getMessage())));
      return FAILED;
    }
  }

  private static int removeFromHomeAssistant(Map<String, String> env, Optional<Path> config, Optional<Path> addonOptions,
      PrintStream out, PrintStream err) {
    Settings settings = new SettingsLoader(env).load(config, addonOptions, false);
    configureLogging(new Settings(settings.backend(), settings.mqtt(), settings.dialog(), settings.users(), settings.dataDir(),
        new Settings.Logging(env.containsKey("LOG_LEVEL") ? settings.logging().level() : "warn", settings.logging().format())));
    try {
      dev.overtalkerr.mqtt.homeassistant.Removal.remove(settings, Duration.ofSeconds(10), out);
      return OK;
    } catch (java.util.concurrent.TimeoutException e) {
      err.println("overtalkerr: cannot reach the MQTT broker at " + settings.mqtt().url() + " within 10 s");
      return FAILED;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println("overtalkerr: " + Secrets.mask(String.valueOf(cause.getMessage())));
      return FAILED;
    }
  }

  /** Hands the log level and format to Logback before it starts (it reads them as properties). */
  static void configureLogging(Settings settings) {
    System.setProperty("LOG_LEVEL", settings.logging().level().toUpperCase(java.util.Locale.ROOT));
    System.setProperty("LOG_FORMAT", settings.logging().format());
  }

  private static Optional<String> option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (i + 1 >= args.size()) {
      throw new UsageException(name + " needs a value");
    }
    String value = args.get(i + 1);
    args.remove(i + 1);
    args.remove(i);
    return Optional.of(value);
  }

  private static String jarPath() {
    try {
      Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path cwd = Path.of("").toAbsolutePath();
      return p.toString().endsWith(".jar") ? (p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString()) : "target/overtalkerr.jar";
    } catch (Exception e) {
      return "overtalkerr.jar";
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  /** Wrong command-line arguments. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
