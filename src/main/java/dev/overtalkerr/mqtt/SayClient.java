package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin's console: publishes one turn on {@code <base>/assist/request} as Home Assistant would
 * and waits for the reply. Used by {@code overtalkerr say}.
 */
public final class SayClient implements AutoCloseable {
  private final Settings.Mqtt settings;
  private final ObjectMapper json;
  private MqttConnection connection;

  public SayClient(Settings.Mqtt settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  /**
   * Sends one utterance and returns the reply, or empty when none came within {@code timeout}.
   * The first call connects; later calls reuse the connection.
   *
   * @param request the request fields besides {@code id} (text, language, user_id, ...)
   */
  public Optional<JsonNode> say(ObjectNode request, Duration timeout) throws Exception {
    String id = "say-" + UUID.randomUUID().toString().substring(0, 8);
    request.put("id", id);
    if (connection == null) {
      connect(timeout);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    String replyTopic = settings.baseTopic() + "/assist/reply/" + id;
    connection.subscribe(replyTopic, m -> {
      if (m.payload().length > 0) {
        try {
          reply.complete(json.readTree(m.payload()));
        } catch (Exception e) {
          reply.completeExceptionally(e);
        }
      }
    });
    connection.publish(settings.baseTopic() + "/assist/request", json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8),
        false, null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  private void connect(Duration timeout) throws Exception {
    connection = MqttConnection.console(settings, "overtalkerr-say-" + UUID.randomUUID().toString().substring(0, 8), timeout);
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
