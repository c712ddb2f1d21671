package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.TestBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole conversations through the real MQTT channel against the demo catalogue, as in --demo. */
class DemoConversationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode say(SayClient client, String satellite, String language, String text) throws Exception {
    return client.say(JSON.createObjectNode().put("text", text).put("satellite_id", satellite).put("language", language),
        Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no reply to " + text));
  }

  @Test
  void requestRefineNextSeasonChoiceAndYesInEnglishAndGerman() throws Exception {
    try (TestBroker broker = TestBroker.start();
        DaemonHarness daemon = DaemonHarness.start(DaemonHarness.settings(broker, "", Map.of("MQTT_BASE_TOPIC", "democonv")));
        SayClient client = new SayClient(daemon.settings.mqtt(), JSON)) {
      JsonNode dune = say(client, "kitchen", "en", "Hey, can you download Dune for me?");
      assertThat(dune.path("candidate").path("year").asInt()).isEqualTo(2021);
      JsonNode older = say(client, "kitchen", "en", "the one from the eighties");
      assertThat(older.path("candidate").path("year").asInt()).isEqualTo(1984);
      JsonNode yes = say(client, "kitchen", "en", "Yes.");
      assertThat(yes.path("state").asText()).isEqualTo("requested");

      JsonNode office = say(client, "kitchen", "en", "I want to watch the office");
      assertThat(office.path("candidate").path("media_type").asText()).isEqualTo("tv");
      JsonNode next = say(client, "kitchen", "en", "wrong one");
      assertThat(next.path("state").asText()).isEqualTo("offer");
      assertThat(next.path("candidate").path("tmdb_id").asInt()).isNotEqualTo(office.path("candidate").path("tmdb_id").asInt());

      JsonNode bear = say(client, "kitchen", "en", "get the bear");
      assertThat(bear.path("speech").asText()).contains("Seasons 1 and 2 are in your library", "season 3 is requested", "season 4 is not");
      JsonNode four = say(client, "kitchen", "en", "yeah");
      assertThat(four.path("state").asText()).as("only season 4 is missing: no question").isEqualTo("requested");
      assertThat(four.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(4);

      say(client, "kitchen", "en", "get money heist");
      JsonNode which = say(client, "kitchen", "en", "sure");
      assertThat(which.path("expect").asText()).isEqualTo("season");
      JsonNode second = say(client, "kitchen", "en", "the second one");
      assertThat(second.path("state").asText()).isEqualTo("requested");
      assertThat(second.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(2);

      JsonNode heist = say(client, "wohnzimmer", "de", "Ich möchte Haus des Geldes sehen");
      assertThat(heist.path("speech").asText()).startsWith("Ich habe Haus des Geldes gefunden, die Serie");
      JsonNode nein = say(client, "wohnzimmer", "de", "nein");
      assertThat(nein.path("state").asText()).isIn("offer", "no_more_results");
      JsonNode fargo = say(client, "wohnzimmer", "de", "Lade Fargo herunter");
      assertThat(fargo.path("expect").asText()).isEqualTo("media_type");
      JsonNode serie = say(client, "wohnzimmer", "de", "die Serie");
      assertThat(serie.path("candidate").path("media_type").asText()).isEqualTo("tv");
      JsonNode ja = say(client, "wohnzimmer", "de", "ja bitte");
      assertThat(ja.path("expect").asText()).isEqualTo("season");
      JsonNode fuenf = say(client, "wohnzimmer", "de", "Staffel fünf");
      assertThat(fuenf.path("state").asText()).isEqualTo("requested");
      assertThat(fuenf.path("speech").asText()).isEqualTo("Ich habe Staffel 5 von Fargo angefordert. Das wird bald heruntergeladen.");
    }
  }
}
