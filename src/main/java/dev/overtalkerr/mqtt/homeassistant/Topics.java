package dev.overtalkerr.mqtt.homeassistant;

import dev.overtalkerr.configuration.Settings;
import java.util.List;

/**
 * Every topic of the Home Assistant device, under the base topic, and the device's node id.
 *
 * @param base the base topic
 * @param discoveryPrefix Home Assistant's discovery prefix
 * @param nodeId the device's id in discovery: stable for an instance, unique on its broker
 */
public record Topics(String base, String discoveryPrefix, String nodeId) {

  /** The topics for these settings. */
  public static Topics of(Settings settings) {
    return new Topics(settings.mqtt().baseTopic(), settings.mqtt().discoveryPrefix(), nodeId(settings));
  }

  /**
   * The configured node id, else one from the base topic: {@code overtalkerr} for the default base
   * topic, {@code overtalkerr_<base>} otherwise. Instances sharing a broker need base topics of their
   * own, so their node ids (and so their unique ids) never collide.
   */
  public static String nodeId(Settings settings) {
    String configured = settings.homeAssistant().nodeId();
    if (!configured.isEmpty()) {
      return configured;
    }
    String base = settings.mqtt().baseTopic();
    return base.equals("overtalkerr") ? "overtalkerr" : "overtalkerr_" + base.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** {@code <prefix>/device/<node>/config}: the one retained discovery config. */
  public String deviceConfig() {
    return discoveryPrefix + "/device/" + nodeId + "/config";
  }

  public String status() {
    return base + "/status";
  }

  /** Retained: version, contract version, backend flavour and version, languages. */
  public String info() {
    return base + "/info";
  }

  /** Retained: {@code online} or {@code offline}, whether the backend answers. */
  public String backend() {
    return base + "/backend/state";
  }

  /** Retained: the backend's request counters as JSON. */
  public String counts() {
    return base + "/requests/counts";
  }

  /** Retained: the last request made through Overtalkerr as JSON. */
  public String lastRequest() {
    return base + "/requests/last";
  }

  /** Never retained: one JSON object per request event. */
  public String events() {
    return base + "/requests/event";
  }

  /** Retained: the dashboard search text. */
  public String search() {
    return base + "/dashboard/search";
  }

  /** Home Assistant publishes the typed text here. */
  public String searchSet() {
    return base + "/dashboard/search/set";
  }

  /** Retained: the dashboard's current candidate as JSON. */
  public String candidate() {
    return base + "/dashboard/candidate";
  }

  /** Retained: the candidate's poster URL. */
  public String poster() {
    return base + "/dashboard/poster";
  }

  /** Home Assistant publishes {@code PRESS} here when a dashboard button is pressed. */
  public String press(String button) {
    return base + "/dashboard/" + button + "/press";
  }

  /** Every retained topic Overtalkerr publishes for Home Assistant (the removal clears them). */
  public List<String> retained() {
    return List.of(info(), backend(), counts(), lastRequest(), search(), candidate(), poster());
  }
}
