package dev.overtalkerr.mqtt.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Overtalkerr announces to Home Assistant: one device-based discovery config, built from the
 * topics and the version alone (no I/O, no state), so that it can be compared with what was
 * published before and tested as a golden payload.
 *
 * <p>Every component has a unique id {@code <node>_<component>} (stable for an instance, unique on
 * its broker because the node id is) and a {@code default_entity_id} whose domain is its platform
 * ({@code object_id} is gone since Home Assistant 2026.4). Availability is the daemon's
 * {@code <base>/status}; the backend's health is a diagnostic entity of its own, so that it stays
 * readable while the backend is down.
 */
public final class DiscoveryBuilder {
  /** The request events, in the order of a request's life. */
  public static final List<String> EVENT_TYPES = List.of("requested", "duplicate", "approved", "declined", "available", "failed");

  private final ObjectMapper json;

  public DiscoveryBuilder(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The discovery config.
   *
   * @param topic where it goes: {@code <prefix>/device/<node>/config}
   * @param platforms each component id with its platform (to clear components no longer produced)
   * @param payload the config
   */
  public record Discovery(String topic, Map<String, String> platforms, ObjectNode payload) {}

  public Discovery build(Topics topics, String version) {
    String node = topics.nodeId();
    ObjectNode root = json.createObjectNode();
    ObjectNode dev = root.putObject("dev");
    dev.putArray("ids").add(node);
    dev.put("name", node.equals("overtalkerr") ? "Overtalkerr" : "Overtalkerr (" + topics.base() + ")");
    dev.put("mf", "Overtalkerr");
    dev.put("mdl", "Voice requests for Seerr and Ombi");
    dev.put("sw", version);
    ObjectNode origin = root.putObject("o");
    origin.put("name", "Overtalkerr");
    origin.put("sw", version);
    root.putArray("avty").addObject().put("t", topics.status());
    root.put("qos", 1);
    ObjectNode cmps = root.putObject("cmps");
    Map<String, String> platforms = new LinkedHashMap<>();
    Components c = new Components(cmps, platforms, node);

    c.add("backend", "binary_sensor", "Backend", "mdi:server-network")
        .put("dev_cla", "connectivity").put("ent_cat", "diagnostic")
        .put("stat_t", topics.backend()).put("pl_on", "online").put("pl_off", "offline");
    c.add("backend_type", "sensor", "Backend type", "mdi:information-outline")
        .put("ent_cat", "diagnostic").put("stat_t", topics.info())
        .put("val_tpl", "{{ ((value_json.backend or 'unknown') ~ ' ' ~ (value_json.backend_version or '')) | trim }}")
        .put("json_attr_t", topics.info());
    count(c, "pending_requests", "Pending requests", "mdi:clock-outline", "pending", topics);
    count(c, "processing_requests", "Approved requests", "mdi:download", "processing", topics);
    count(c, "available_requests", "Available requests", "mdi:check-circle-outline", "available", topics);
    count(c, "declined_requests", "Declined requests", "mdi:close-circle-outline", "declined", topics);
    c.add("last_request", "sensor", "Last request", "mdi:movie-open-plus")
        .put("stat_t", topics.lastRequest()).put("val_tpl", "{{ value_json.state }}")
        .put("json_attr_t", topics.lastRequest()).put("json_attr_tpl", "{{ value_json.attributes | tojson }}");
    ObjectNode events = c.add("request_events", "event", "Request", "mdi:bell-ring-outline");
    EVENT_TYPES.forEach(events.putArray("evt_typ")::add);
    events.put("stat_t", topics.events());
    c.add("search", "text", "Search", "mdi:magnify")
        .put("cmd_t", topics.searchSet()).put("stat_t", topics.search()).put("min", 0).put("max", 100);
    c.add("candidate", "sensor", "Candidate", "mdi:movie-search")
        .put("stat_t", topics.candidate()).put("val_tpl", "{{ value_json.state }}")
        .put("json_attr_t", topics.candidate()).put("json_attr_tpl", "{{ value_json.attributes | tojson }}");
    c.add("poster", "image", "Candidate poster", "mdi:image-outline").put("url_t", topics.poster());
    c.add("request", "button", "Request candidate", "mdi:plus-circle-outline").put("cmd_t", topics.press("request"))
        .put("pl_prs", "PRESS");
    c.add("next", "button", "Next candidate", "mdi:skip-next-outline").put("cmd_t", topics.press("next"))
        .put("pl_prs", "PRESS");
    c.add("cancel", "button", "Cancel search", "mdi:cancel").put("cmd_t", topics.press("cancel"))
        .put("pl_prs", "PRESS");
    return new Discovery(topics.deviceConfig(), Map.copyOf(platforms), root);
  }

  private static void count(Components c, String id, String name, String icon, String field, Topics topics) {
    c.add(id, "sensor", name, icon).put("stat_cla", "measurement").put("unit_of_meas", "requests")
        .put("stat_t", topics.counts()).put("val_tpl", "{{ value_json." + field + " }}");
  }

  /** Adds components with the keys every one of them has. */
  private record Components(ObjectNode cmps, Map<String, String> platforms, String node) {
    ObjectNode add(String id, String platform, String name, String icon) {
      platforms.put(id, platform);
      return cmps.putObject(id).put("p", platform).put("uniq_id", node + "_" + id)
          .put("def_ent_id", platform + "." + node + "_" + id).put("name", name).put("ic", icon);
    }
  }
}
