package dev.overtalkerr.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon's logging ({@link LogSetup}): readable or JSON lines, secrets masked everywhere. */
class LoggingTest {
  private static final String SECRET = "sk-live-4f2a9c7e1b";
  private final PrintStream originalErr = System.err;

  @AfterEach
  void restore() throws Exception {
    System.setErr(originalErr);
    System.clearProperty("LOG_FORMAT");
    reconfigure("logback-test.xml");
  }

  private static void reconfigure(String resource) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LoggingTest.class.getClassLoader().getResource(resource));
  }

  /** What the daemon does at its first log line: {@link LogSetup} with LOG_FORMAT and LOG_LEVEL. */
  private static void daemonLogging() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    LogSetup.apply(context, System.getProperty("LOG_FORMAT"), "INFO");
  }

  private String logWith(String format) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    System.setProperty("LOG_FORMAT", format);
    daemonLogging();
    Secrets.register(SECRET);
    Logger log = LoggerFactory.getLogger("dev.overtalkerr.Example");
    log.info("calling the backend with key {}", SECRET);
    log.warn("request failed", new IllegalStateException("401 for X-Api-Key: " + SECRET + " and password=hunter22"));
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLogbackFileOfTheUsersOrTheTestsWinsOverTheSetUpInCode() throws Exception {
    assertThat(LogSetup.stepsAside(null, null)).isFalse();
    assertThat(LogSetup.stepsAside("/etc/overtalkerr/logback.xml", null)).isTrue();
    assertThat(LogSetup.stepsAside(null, new java.net.URL("file:/logback-test.xml"))).isTrue();
  }

  @Test
  void plainLinesAreReadableAndMasked() throws Exception {
    String out = logWith("plain");
    assertThat(out).contains("INFO", "Example", "calling the backend with key ****", "IllegalStateException");
    assertThat(out).doesNotContain(SECRET).doesNotContain("hunter22");
  }

  @Test
  void jsonLinesCarryTheFieldsALogShipperExpectsAndAreMasked() throws Exception {
    String out = logWith("json");
    assertThat(out).doesNotContain(SECRET).doesNotContain("hunter22");
    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode info = new ObjectMapper().readTree(lines[0]);
    assertThat(info.fieldNames()).toIterable().contains("timestamp", "level", "logger", "message");
    assertThat(info.path("level").asText()).isEqualTo("INFO");
    assertThat(info.path("logger").asText()).isEqualTo("dev.overtalkerr.Example");
    JsonNode warn = new ObjectMapper().readTree(lines[1]);
    assertThat(warn.path("stack_trace").asText()).contains("IllegalStateException").contains("****");
  }

  @Test
  void controlCharactersInLoggedValuesCannotForgeALine() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    System.setProperty("LOG_FORMAT", "plain");
    daemonLogging();
    Logger log = LoggerFactory.getLogger("dev.overtalkerr.Example");
    log.warn("Request from {} refused", "kitchen\n2026-12-03 10:00:00.000 ERROR Forged - owned\r\u001b[31m\u0007");
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(out.strip().lines()).hasSize(1);
    assertThat(out).contains("kitchen\\n2026-12-03").contains("\\r").contains("\\u001b[31m").contains("\\u0007")
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
  }
}
