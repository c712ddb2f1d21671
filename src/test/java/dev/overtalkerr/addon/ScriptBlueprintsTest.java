package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The script blueprints that LLM assistants (and Home Assistant's MCP server) call as tools:
 * their fields are described for a model, they publish the contract's structured commands with
 * the contract's field names and types, carry the person who asked, wait for the reply and return
 * it. The command a script builds is then sent, with those names and types, to a real daemon,
 * whose own command parsing must accept it and file the request as the mapped person.
 */
class ScriptBlueprintsTest {
  private static final Path SCRIPTS = Path.of("ha-addon/blueprints/script/overtalkerr");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The contract's fields of each structured command ({@code docs/assist-contract.md}). */
  private static final Map<String, Set<String>> CONTRACT = Map.of(
      "search", Set.of("id", "query", "media_type", "year", "limit", "user_id", "satellite_id", "language"),
      "request", Set.of("id", "tmdb_id", "media_type", "query", "year", "seasons", "is4k", "user_id", "satellite_id", "language"));

  /** How the template must convert each field, so that the JSON has the contract's type. */
  private static final Map<String, String> CONVERSION = Map.of(
      "tmdb_id", "tmdb_id | int", "year", "year | int", "is4k", "| bool", "seasons", "map('int') | list",
      "media_type", "media_type | string", "user_id", "context.user_id | string", "satellite_id", "satellite_id | string",
      "language", "language | string", "query", "| string | trim)[:500]");

  private record Tool(String file, String command, int fieldCount) {}

  private static final List<Tool> TOOLS = List.of(
      new Tool("search_media.yaml", "search", 4), new Tool("request_media.yaml", "request", 7),
      new Tool("media_status.yaml", "search", 3));

  @Test
  void everyToolIsDescribedForAModelAndReturnsTheReply() throws IOException {
    for (Tool tool : TOOLS) {
      JsonNode script = AddonFilesTest.readYaml(SCRIPTS.resolve(tool.file()));
      assertThat(script.path("blueprint").path("domain").asText()).isEqualTo("script");
      assertThat(script.path("description").asText()).as(tool.file() + ": the description a model reads").hasSizeGreaterThan(80);
      JsonNode fields = script.path("fields");
      assertThat(fields.size()).as(tool.file()).isEqualTo(tool.fieldCount());
      fields.fields().forEachRemaining(f -> {
        assertThat(f.getValue().path("description").asText()).as(tool.file() + " " + f.getKey()).isNotBlank();
        assertThat(f.getValue().has("selector")).as(tool.file() + " " + f.getKey() + " selector").isTrue();
      });
      JsonNode sequence = script.path("sequence");
      JsonNode publish = step(sequence, "action", "mqtt.publish");
      assertThat(publish.path("data").path("topic").asText()).isEqualTo("{{ base }}/command/" + tool.command());
      assertThat(publish.path("data").path("qos").asInt()).isEqualTo(1);
      assertThat(publish.path("data").path("retain").asBoolean(true)).isFalse();
      assertThat(publish.path("data").path("payload").asText()).isEqualTo("{{ command | to_json }}");
      JsonNode wait = step(sequence, "wait_for_trigger", null);
      assertThat(wait.path("wait_for_trigger").get(0).path("topic").asText()).isEqualTo("{{ base }}/command/reply/{{ req_id }}");
      assertThat(wait.path("continue_on_timeout").asBoolean()).isTrue();
      JsonNode stop = step(sequence, "stop", null);
      assertThat(stop.path("response_variable").asText()).isEqualTo("result");
      assertThat(sequence.toString()).contains("wait.trigger.payload_json", "'code': 'timeout'");
      assertThat(commandTemplate(script)).as(tool.file() + ": a new id for every run")
          .contains("'id': req_id");
      assertThat(variables(script).path("req_id").asText()).contains("now().timestamp()", "| random", ")[:64] }}");
    }
  }

  @Test
  void theCommandsUseTheContractsFieldNamesAndTypesAndCarryThePerson() throws IOException {
    for (Tool tool : TOOLS) {
      String template = commandTemplate(AddonFilesTest.readYaml(SCRIPTS.resolve(tool.file())));
      Set<String> keys = commandKeys(template);
      assertThat(keys).as(tool.file() + " fields").isSubsetOf(CONTRACT.get(tool.command()))
          .contains("id", "query", "user_id", "language");
      for (String key : keys) {
        if (CONVERSION.containsKey(key)) {
          assertThat(template).as(tool.file() + ": " + key + " is converted to the contract's type").contains(CONVERSION.get(key));
        }
      }
      assertThat(template).as("the person who asked").contains("user_id=context.user_id");
      if (tool.command().equals("request")) {
        assertThat(keys).contains("tmdb_id", "media_type", "seasons", "is4k", "satellite_id", "year");
        assertThat(template).contains("seasons='all'");
      } else {
        assertThat(keys).contains("limit");
      }
    }
  }

  @Test
  void theCommandKeyReaderFindsEveryKey() {
    assertThat(commandKeys("{%- set c = {'id': req_id, 'query': q} -%}{%- set c = dict(c, four_k=x | bool) -%}"))
        .containsExactly("id", "query", "four_k");
  }

  @Test
  void aDaemonAcceptsTheCommandsAndFilesTheSeasonAsThePersonWhoAsked() throws Exception {
    try (TestBroker broker = TestBroker.start(); MqttProbe ha = MqttProbe.connect(broker)) {
      var settings = DaemonHarness.settings(broker, """
          overtalkerr.users.map = [ { ha-user = "ha-anna", backend-user = "Anna" } ]
          """, Map.of("MQTT_BASE_TOPIC", "itools"));
      try (DaemonHarness h = DaemonHarness.start(settings)) {
        awaitNamesResolved(h);
        ha.subscribe("itools/command/reply/#");

        // what request_media.yaml publishes when a model asks for season 2 of Snowpiercer
        ObjectNode request = rendered("request_media.yaml",
            "{\"title\": \"snowpiercer\", \"media_type\": \"tv\", \"seasons\": \"season 2\", \"four_k\": false,"
                + " \"context\": {\"id\": \"01JREQ\", \"user_id\": \"ha-anna\"}}")
            .orElseGet(() -> {
              ObjectNode n = sample(commandKeys(commandTemplate(readScript("request_media.yaml"))), "tool-req-1", "snowpiercer", "tv");
              n.remove("tmdb_id");
              n.remove("year");
              n.remove("satellite_id");
              return n;
            });
        String requestId = request.get("id").asText();
        ha.publish("itools/command/request", JSON.writeValueAsString(request));
        JsonNode reply = JSON.readTree(ha.next("itools/command/reply/" + requestId, Duration.ofSeconds(10)).payload());
        assertThat(reply.path("error").isNull()).as(reply.toString()).isTrue();
        assertThat(reply.path("state").asText()).isEqualTo("requested");
        assertThat(reply.path("request").path("seasons")).extracting(JsonNode::asInt).containsExactly(2);
        RequestRecord filed = h.app.backend().requests(1).get(0);
        assertThat(filed.tmdbId()).isEqualTo(79680);
        assertThat(filed.requestedBy()).as("filed as Anna, the person mapped by name").isEqualTo("2");

        // what search_media.yaml and media_status.yaml publish
        for (String file : List.of("search_media.yaml", "media_status.yaml")) {
          ObjectNode search = rendered(file, "{\"query\": \"dune\", \"media_type\": \"movie\","
                  + " \"context\": {\"id\": \"01JSEARCH\", \"user_id\": \"ha-anna\"}}")
              .orElseGet(() -> sample(commandKeys(commandTemplate(readScript(file))), "tool-" + file.replace(".yaml", ""), "dune", "movie"));
          ha.publish("itools/command/search", JSON.writeValueAsString(search));
          JsonNode found = JSON.readTree(ha.next("itools/command/reply/" + search.get("id").asText(), Duration.ofSeconds(10)).payload());
          assertThat(found.path("state").asText()).as(file + ": " + found).isEqualTo("results");
          assertThat(found.path("results").get(0).path("title").asText()).isEqualTo("Dune");
          assertThat(found.path("results").get(0).path("status").asText()).isNotBlank();
        }
      }
    }
  }

  @Test
  void theTemplatesRenderToTheContractsCommands() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(RENDERER, "python3 with jinja2 and yaml (Debian: python3-jinja2 python3-yaml)");
    ObjectNode byTitle = rendered("request_media.yaml", "{\"title\": \" Dune \", \"year\": 2021, \"four_k\": true,"
        + " \"context\": {\"id\": \"01JX\", \"user_id\": \"u1\"}}").orElseThrow();
    assertThat(byTitle.get("id").asText()).matches("tool-01JX-\\d{13}-\\d{6}");
    assertThat(byTitle.get("query").asText()).isEqualTo("Dune");
    assertThat(byTitle.get("year").isInt()).isTrue();
    assertThat(byTitle.get("is4k").asBoolean()).isTrue();
    assertThat(byTitle.get("user_id").asText()).isEqualTo("u1");
    assertThat(byTitle.has("seasons") || byTitle.has("media_type") || byTitle.has("tmdb_id")).isFalse();
    ObjectNode byId = rendered("request_media.yaml", "{\"title\": \"The Bear\", \"tmdb_id\": 136315, \"media_type\": \"tv\","
        + " \"seasons\": \"1, 3\", \"satellite_id\": \"assist_satellite.den\", \"context\": {\"id\": \"01JY\", \"user_id\": null}}")
        .orElseThrow();
    assertThat(byId.get("tmdb_id").isInt()).isTrue();
    assertThat(byId.has("query")).as("a TMDB id needs no query").isFalse();
    assertThat(byId.get("seasons")).extracting(JsonNode::asInt).containsExactly(1, 3);
    assertThat(byId.get("satellite_id").asText()).isEqualTo("assist_satellite.den");
    assertThat(byId.has("user_id")).as("no user: none sent").isFalse();
    ObjectNode all = rendered("request_media.yaml", "{\"title\": \"The Bear\", \"seasons\": \"all\", \"context\": {\"id\": \"01JZ\"}}")
        .orElseThrow();
    assertThat(all.get("seasons").asText()).isEqualTo("all");
    assertThat(rendered("search_media.yaml", "{\"query\": \"dune\", \"limit\": 2, \"context\": {\"id\": \"01JS\"}}").orElseThrow()
        .get("limit").asInt()).isEqualTo(2);
  }

  /** Whether python3 with jinja2 and yaml can render the templates here. */
  private static final boolean RENDERER = rendererAvailable();

  private static boolean rendererAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import jinja2, yaml").redirectErrorStream(true).start();
      return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The command the script publishes for these fields, rendered with Jinja2 as Home Assistant
   * renders it ({@code src/test/resources/blueprints/render_command.py}); empty without python3.
   */
  private static java.util.Optional<ObjectNode> rendered(String file, String fields) throws Exception {
    if (!RENDERER) {
      return java.util.Optional.empty();
    }
    Process p = new ProcessBuilder("python3", Path.of("src/test/resources/blueprints/render_command.py").toString(),
        SCRIPTS.resolve(file).toString(), fields).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return java.util.Optional.of((ObjectNode) JSON.readTree(out));
  }

  private static JsonNode readScript(String file) {
    try {
      return AddonFilesTest.readYaml(SCRIPTS.resolve(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A command as the template renders it: each field with a typical value of its type. */
  private static ObjectNode sample(Set<String> keys, String id, String query, String mediaType) {
    ObjectNode node = JSON.createObjectNode();
    for (String key : keys) {
      switch (key) {
        case "id" -> node.put("id", id);
        case "language" -> node.put("language", "en");
        case "query" -> node.put("query", query);
        case "media_type" -> node.put("media_type", mediaType);
        case "tmdb_id" -> node.put("tmdb_id", 79680);
        case "year" -> node.put("year", 2021);
        case "limit" -> node.put("limit", 3);
        case "seasons" -> node.putArray("seasons").add(2);
        case "is4k" -> node.put("is4k", false);
        case "user_id" -> node.put("user_id", "ha-anna");
        case "satellite_id" -> node.put("satellite_id", "assist_satellite.kitchen");
        default -> throw new AssertionError("no sample for " + key);
      }
    }
    return node;
  }

  private static void awaitNamesResolved(DaemonHarness h) throws InterruptedException {
    for (int i = 0; i < 200 && !h.app.requesters().namesResolved(); i++) {
      Thread.sleep(50);
    }
    assertThat(h.app.requesters().namesResolved()).as("the backend's user list was read at start").isTrue();
  }

  /** The keys of the command the template builds: the dict literal and every dict(c, key=...). */
  static Set<String> commandKeys(String template) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher literal = Pattern.compile("set c = \\{([^}]*)}").matcher(template);
    while (literal.find()) {
      Matcher key = Pattern.compile("'([a-z_0-9]+)':").matcher(literal.group(1));
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    Matcher added = Pattern.compile("dict\\(c, ([a-z_0-9]+)=").matcher(template);
    while (added.find()) {
      keys.add(added.group(1));
    }
    return keys;
  }

  /** The first variables step: the id and the command. */
  private static JsonNode variables(JsonNode script) {
    for (JsonNode s : script.path("sequence")) {
      if (s.has("variables")) {
        return s.get("variables");
      }
    }
    throw new AssertionError("no variables step");
  }

  private static String commandTemplate(JsonNode script) {
    return variables(script).path("command").asText();
  }

  private static JsonNode step(JsonNode sequence, String key, String value) {
    List<JsonNode> found = new ArrayList<>();
    sequence.forEach(s -> {
      if (s.has(key) && (value == null || value.equals(s.get(key).asText()))) {
        found.add(s);
      }
    });
    assertThat(found).as("a " + key + " step").hasSize(1);
    return found.get(0);
  }
}
