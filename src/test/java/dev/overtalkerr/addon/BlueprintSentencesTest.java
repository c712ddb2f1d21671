package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.UtteranceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every default sentence of the voice-request blueprints, filled with a sample title, is
 * understood as a request for that title (with the season or type it names), so that the daemon
 * gets it right even from the sentence alone.
 */
class BlueprintSentencesTest {
  private static final Path BLUEPRINTS = Path.of("ha-addon/blueprints/automation/overtalkerr");
  private final UtteranceParser parser = new UtteranceParser(Clock.systemUTC());

  /** Expands a hassil template: (a|b) alternatives, [optional] parts; {slots} stay as they are. */
  static List<String> expand(String template) {
    List<String> out = new ArrayList<>();
    expand(template, 0, "", out);
    return out.stream().map(s -> s.trim().replaceAll("\\s+", " ")).distinct().toList();
  }

  private static void expand(String t, int i, String prefix, List<String> out) {
    if (i >= t.length()) {
      out.add(prefix);
      return;
    }
    char c = t.charAt(i);
    if (c == '(' || c == '[') {
      int end = matching(t, i);
      List<String> choices = split(t.substring(i + 1, end));
      if (c == '[') {
        choices = new ArrayList<>(choices);
        choices.add("");
      }
      for (String choice : choices) {
        for (String expanded : expand(choice)) {
          expand(t, end + 1, prefix + expanded, out);
        }
      }
      return;
    }
    expand(t, i + 1, prefix + c, out);
  }

  private static int matching(String t, int open) {
    int depth = 0;
    for (int i = open; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced template: " + t);
  }

  private static List<String> split(String alternatives) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < alternatives.length(); i++) {
      char c = alternatives.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(alternatives.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(alternatives.substring(start));
    return parts;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"voice_requests_en.yaml, en, the bear", "voice_requests_de.yaml, de, haus des geldes"})
  void everyDefaultRequestSentenceGivesItsTitle(String file, String language, String title) throws IOException {
    JsonNode blueprint = new ObjectMapper(new YAMLFactory()).readTree(
        Files.readString(BLUEPRINTS.resolve(file)).replaceAll("!input ([A-Za-z0-9_]+)", "{\"!input\": \"$1\"}"));
    Map<String, String> inputOfTrigger = new java.util.HashMap<>();
    blueprint.path("triggers").forEach(t -> inputOfTrigger.put(t.path("command").path("!input").asText(), t.path("id").asText()));
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (JsonNode section : blueprint.path("blueprint").path("input")) {
      for (var entry : iterable(section.path("input"))) {
        String intent = inputOfTrigger.get(entry.getKey());
        if (intent == null || intent.equals("help")) {
          continue;
        }
        for (JsonNode template : entry.getValue().path("default")) {
          for (String sentence : expand(template.asText())) {
            // "{season} season" wants an ordinal ("the second season"), "season {season}" a number
            String text = sentence.replace("{title}", title)
                .replace("{season} season", language.equals("de") ? "zweite Staffel" : "second season")
                .replace("{season}", "2");
            Understanding u = parser.parse(text, language);
            checked++;
            String problem = check(sentence, u, title);
            if (problem != null) {
              problems.add("\"" + text + "\" (" + intent + "): " + problem + " — " + UtteranceParser.toJson(u));
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(problems).as("%d sentences checked", checked).isEmpty();
  }

  /** The title, and the season or type the sentence names in so many words. */
  private static String check(String sentence, Understanding u, String title) {
    if (!title.equals(u.title())) {
      return "title";
    }
    String s = " " + sentence + " ";
    if ((s.contains(" season ") || s.contains(" seasons ") || s.contains(" staffel ") || s.contains(" staffeln ")) && u.season() == null) {
      return "no season";
    }
    if ((s.contains(" movie ") || s.contains(" film ")) && u.mediaType() != TypeHint.MOVIE) {
      return "not a film";
    }
    if ((s.contains(" series ") || s.contains(" serie ") || s.contains(" tv show ")) && u.mediaType() != TypeHint.TV) {
      return "not a series";
    }
    return null;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    node.fields().forEachRemaining(list::add);
    return list;
  }
}
