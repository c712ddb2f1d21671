package dev.overtalkerr.mqtt.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.mqtt.MqttConnection;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code overtalkerr remove-from-home-assistant}: removes everything Overtalkerr announced. An empty
 * retained payload on the device config topic makes Home Assistant delete the device and its
 * entities; empty retained payloads clear the retained states; the record of what was announced
 * is deleted. Stop the daemon first (or set {@code home-assistant.discovery = false}), or it
 * announces itself again on its next start or Home Assistant's next birth message.
 */
public final class Removal {
  private Removal() {}

  /** Removes the device and its retained states; returns the topics it cleared. */
  public static List<String> remove(Settings settings, Duration timeout, PrintStream out) throws Exception {
    Topics topics = Topics.of(settings);
    var file = HomeAssistantDevice.announcedFile(settings, new ObjectMapper());
    Set<String> clear = new LinkedHashSet<>();
    HomeAssistantDevice.Announced announced = file.read().orElse(null);
    if (announced != null) {
      clear.add(announced.topic());
    }
    clear.add(topics.deviceConfig());
    clear.addAll(topics.retained());
    List<String> cleared = new ArrayList<>();
    MqttConnection connection = MqttConnection.console(settings.mqtt(),
        "overtalkerr-remove-" + UUID.randomUUID().toString().substring(0, 8), timeout);
    try {
      for (String topic : clear) {
        connection.publish(topic, new byte[0], true, null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        cleared.add(topic);
        out.println("cleared " + topic);
      }
    } finally {
      connection.close();
    }
    file.delete();
    out.println("Removed the Overtalkerr device from Home Assistant (" + topics.deviceConfig() + ").");
    return cleared;
  }
}
