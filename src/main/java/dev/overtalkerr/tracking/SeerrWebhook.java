package dev.overtalkerr.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.overtalkerr.configuration.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional receiver of Seerr's webhook agent ({@code POST /webhook} on {@code
 * tracking.webhook.port}): a notification whose {@code Authorization} header is the shared secret
 * makes the tracker poll at once, so that a change reaches Home Assistant within a second or two
 * instead of at the next poll. What changed is always read from the backend itself; the webhook's
 * body is only looked at for its type. Anything else is refused with 401, 404, 405 or 413 and a log
 * line, never with the secret in it.
 */
@Singleton
public final class SeerrWebhook implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeerrWebhook.class);
  private static final int MAX_BODY = 64 * 1024;

  private final Settings.Tracking settings;
  private final RequestTracker tracker;
  private final ObjectMapper json;
  private HttpServer server;

  @Inject
  public SeerrWebhook(Settings settings, RequestTracker tracker, ObjectMapper json) {
    this.settings = settings.tracking();
    this.tracker = tracker;
    this.json = json;
  }

  /** Listens when a port is configured; a port that is taken is logged and polling goes on alone. */
  public synchronized void start() {
    if (settings.webhookPort() <= 0 || server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(settings.webhookPort()), 16);
    } catch (IOException e) {
      log.error("Cannot listen for Seerr's webhook on port {}: {}; tracking polls alone", settings.webhookPort(), e.getMessage());
      return;
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "overtalkerr-webhook");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    log.info("Listening for Seerr's webhook on port {} (path /webhook)", server.getAddress().getPort());
  }

  /** The port listened on, or 0. */
  public synchronized int port() {
    return server == null ? 0 : server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/webhook")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !MessageDigest.isEqual(auth.trim().getBytes(StandardCharsets.UTF_8),
          settings.webhookSecret().reveal().getBytes(StandardCharsets.UTF_8))) {
        log.warn("Refused a webhook call from {} without the right Authorization header",
            exchange.getRemoteAddress().getAddress().getHostAddress());
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        log.warn("Refused a webhook body over {} bytes", MAX_BODY);
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      String type = type(body);
      if ("TEST_NOTIFICATION".equals(type)) {
        log.info("Seerr's webhook test arrived: the webhook works");
      } else {
        log.debug("Seerr's webhook says {}; polling now", type);
        tracker.pollSoon();
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private String type(byte[] body) {
    try {
      JsonNode n = json.readTree(body);
      return n != null && n.path("notification_type").isTextual() ? n.path("notification_type").asText() : "a change";
    } catch (IOException e) {
      return "a change";
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
