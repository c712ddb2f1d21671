package dev.overtalkerr.mqtt.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure builder of what Overtalkerr announces, against a golden payload and Home Assistant's rules. */
class DiscoveryBuilderTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode golden(String name) throws Exception {
    try (InputStream in = DiscoveryBuilderTest.class.getResourceAsStream("/homeassistant/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static DiscoveryBuilder.Discovery build(String base) {
    String node = base.equals("overtalkerr") ? "overtalkerr" : "overtalkerr_" + base;
    return new DiscoveryBuilder(JSON).build(new Topics(base, "homeassistant", node), "1.2.3");
  }

  @Test
  void theDeviceConfigIsExactlyTheGoldenOne() throws Exception {
    DiscoveryBuilder.Discovery d = build("overtalkerr");
    assertThat(d.topic()).isEqualTo("homeassistant/device/overtalkerr/config");
    JsonNode expected = golden("discovery-overtalkerr.json");
    assertThat(JSON.writeValueAsString(d.payload())).as("same keys in the same order").isEqualTo(JSON.writeValueAsString(expected));
  }

  @Test
  void everyComponentFollowsHomeAssistantsCurrentRules() {
    JsonNode config = build("overtalkerr").payload();
    assertThat(config.path("dev").path("ids").get(0).asText()).isEqualTo("overtalkerr");
    assertThat(config.path("o").path("name").asText()).isEqualTo("Overtalkerr");
    assertThat(config.path("avty").get(0).path("t").asText()).isEqualTo("overtalkerr/status");
    Set<String> uniqueIds = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.path("cmps").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      String platform = c.path("p").asText();
      assertThat(c.has("object_id") || c.has("obj_id")).as(e.getKey() + ": object_id is gone since 2026.4").isFalse();
      assertThat(c.path("def_ent_id").asText()).as(e.getKey()).startsWith(platform + ".").matches("[a-z_]+\\.[a-z0-9_]+");
      assertThat(uniqueIds.add(c.path("uniq_id").asText())).as("unique id of " + e.getKey()).isTrue();
      assertThat(c.path("name").asText()).as(e.getKey()).isNotBlank().doesNotContain("Overtalkerr");
      if (platform.equals("event")) {
        assertThat(c.has("ret")).isFalse();
      }
    }
    assertThat(config.path("cmps").path("backend").path("ent_cat").asText()).isEqualTo("diagnostic");
    assertThat(config.path("cmps").path("backend_type").path("ent_cat").asText()).isEqualTo("diagnostic");
    assertThat(config.path("cmps").path("request_events").path("evt_typ"))
        .extracting(JsonNode::asText).containsExactly("requested", "duplicate", "approved", "declined", "available", "failed");
  }

  @Test
  void twoInstancesOnOneBrokerNeverShareAnId() {
    JsonNode first = build("overtalkerr").payload();
    JsonNode second = build("ot2").payload();
    assertThat(build("ot2").topic()).isEqualTo("homeassistant/device/overtalkerr_ot2/config");
    Set<String> ids = new HashSet<>();
    for (JsonNode config : new JsonNode[] {first, second}) {
      config.path("cmps").forEach(c -> {
        assertThat(ids.add(c.path("uniq_id").asText())).as(c.path("uniq_id").asText()).isTrue();
        assertThat(ids.add(c.path("def_ent_id").asText())).isTrue();
      });
    }
    assertThat(second.path("cmps").path("backend").path("stat_t").asText()).isEqualTo("ot2/backend/state");
    assertThat(second.path("dev").path("name").asText()).isEqualTo("Overtalkerr (ot2)");
  }

  @Test
  void theSameInputGivesTheSameBytes() throws Exception {
    assertThat(JSON.writeValueAsString(build("overtalkerr").payload())).isEqualTo(JSON.writeValueAsString(build("overtalkerr").payload()));
  }

  @Test
  void statesAreCutToWhatHomeAssistantKeepsAndPostersBecomeUrls() {
    assertThat(Texts.state("x".repeat(300))).hasSize(255).endsWith("…");
    assertThat(Texts.state("Dune")).isEqualTo("Dune");
    assertThat(Texts.posterUrl("/abc.jpg")).isEqualTo("https://image.tmdb.org/t/p/w342/abc.jpg");
    assertThat(Texts.posterUrl("https://example.org/p.jpg")).isEqualTo("https://example.org/p.jpg");
    assertThat(Texts.posterUrl(null)).isNull();
  }
}
