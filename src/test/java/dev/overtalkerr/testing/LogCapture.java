package dev.overtalkerr.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything Overtalkerr logs while it is open, formatted as the shipped plain format does (secrets
 * masked, control characters escaped), at the level asked for.
 */
public final class LogCapture implements AutoCloseable {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger logger;
  private final Level previous;

  private LogCapture(Level level) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.putIfAbsent("maskedMsg", dev.overtalkerr.logging.MaskingMessageConverter::new);
    PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.putIfAbsent("maskedEx", dev.overtalkerr.logging.MaskingThrowableConverter::new);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger{1} - %maskedMsg%n%maskedEx");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.setImmediateFlush(true);
    appender.start();
    logger = context.getLogger("dev.overtalkerr");
    previous = logger.getLevel();
    logger.setLevel(level);
    logger.addAppender(appender);
  }

  /** Starts capturing at {@code level} (e.g. DEBUG to see every path). */
  public static LogCapture start(Level level) {
    return new LogCapture(level);
  }

  /** What was logged so far. */
  public synchronized String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    appender.stop();
  }
}
