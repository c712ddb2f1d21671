package dev.overtalkerr.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * The daemon's logging, set up in code (found by Logback as a service): one console appender on
 * standard error, readable lines ({@code LOG_FORMAT=plain}) or JSON lines ({@code json}: timestamp,
 * level, logger, thread, message, stack_trace), secrets masked and control characters escaped in
 * both, at {@code LOG_LEVEL}; the libraries' own chatter at WARN ({@code HIVEMQ_LOG_LEVEL} for the
 * MQTT client). The daemon copies the configured level and format into those system properties
 * before the first log line; environment variables of the same names work too.
 *
 * <p>Set up in code rather than from a {@code logback.xml} because reading XML costs a quarter of
 * a second and some 350 classes at every start (BENCHMARKS.md). A Logback file given with {@code
 * -Dlogback.configurationFile=...} (or a {@code logback-test.xml}, as the tests have) still wins:
 * this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{1} - %maskedMsg%n%maskedEx";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (stepsAside(System.getProperty("logback.configurationFile"), LogSetup.class.getClassLoader().getResource("logback-test.xml"))) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context, setting("LOG_FORMAT", "plain"), setting("LOG_LEVEL", "INFO"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** True when a Logback file of the user's ({@code -Dlogback.configurationFile}) or the tests' is there to read instead. */
  static boolean stepsAside(String configurationFile, java.net.URL testConfiguration) {
    return (configurationFile != null && !configurationFile.isBlank()) || testConfiguration != null;
  }

  /** Configures {@code context} for a format ({@code plain} or {@code json}) and a root level. */
  public static void apply(LoggerContext context, String format, String level) {
    Encoder<ILoggingEvent> encoder = format.equalsIgnoreCase("json") ? json(context) : plain(context);
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(console);
    context.getLogger("com.hivemq").setLevel(Level.toLevel(setting("HIVEMQ_LOG_LEVEL", "WARN"), Level.WARN));
    for (String quiet : new String[] {"io.netty", "io.moquette", "okhttp3"}) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
  }

  private static Encoder<ILoggingEvent> plain(LoggerContext context) {
    @SuppressWarnings("unchecked")
    Map<String, Supplier<DynamicConverter<?>>> rules =
        (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
    if (rules == null) {
      rules = new HashMap<>();
      context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }
    rules.put("maskedMsg", MaskingMessageConverter::new);
    rules.put("maskedEx", MaskingThrowableConverter::new);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    var names = encoder.getFieldNames();
    names.setTimestamp("timestamp");
    names.setLogger("logger");
    names.setThread("thread");
    names.setLevelValue("[ignore]");
    names.setVersion("[ignore]");
    MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
    masking.setDefaultMask("****");
    masking.addPath("apiKey");
    masking.addPath("api_key");
    masking.addPath("password");
    masking.addValueMasker(new SecretValueMasker());
    masking.start();
    encoder.setJsonGeneratorDecorator(masking);
    encoder.start();
    return encoder;
  }

  /** A system property, else the environment variable of the same name, else the default. */
  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
