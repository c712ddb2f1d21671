package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.DialogContext;
import dev.overtalkerr.understanding.Hint;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Interpretation;
import dev.overtalkerr.understanding.Interpreter;
import dev.overtalkerr.understanding.Utterance;
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
  @CsvSource({"voice_requests_en.yaml, en, the bear", "voice_requests_de.yaml, de, haus des geldes",
      "voice_requests_ranges_en.yaml, en, the bear", "voice_requests_ranges_de.yaml, de, haus des geldes"})
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
            if (intent.equals("status")) {
              checked++;
              String problem = checkQuestion(sentence, language, title);
              if (problem != null) {
                problems.add("\"" + sentence + "\" (status): " + problem);
              }
              continue;
            }
            // "{season} season" wants an ordinal ("the second season"), "season {season}" a number
            String text = sentence.replace("{1..60:season}", "2").replace("{title}", title)
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

  /**
   * A question: with a title, read as a question about that title (as the daemon reads it with the
   * trigger's hint and slot, and from the words alone); without one, a question about the requests.
   */
  private static String checkQuestion(String sentence, String language, String title) {
    Interpreter interpreter = new Interpreter(new UtteranceParser(Clock.systemUTC()));
    String text = sentence.replace("{title}", title);
    if (sentence.contains("{title}")) {
      Interpretation hinted = interpreter.interpret(new Utterance(text, Hint.STATUS, title, null, language), DialogContext.NONE);
      Interpretation alone = interpreter.interpret(new Utterance(text, null, null, null, language), DialogContext.NONE);
      return hinted.intent() == Intent.STATUS && title.equals(hinted.understanding().title())
          && alone.intent() == Intent.STATUS && title.equals(alone.understanding().title()) ? null
          : "not a question about " + title + ": " + hinted + " / " + alone;
    }
    Interpretation list = interpreter.interpret(new Utterance(text, Hint.STATUS, null, null, language), DialogContext.NONE);
    return list.intent() == Intent.REQUESTS ? null : "not a question about the requests: " + list;
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

  // ---- how many ways of asking, and what they must leave to Home Assistant

  /** Typical sentences of Home Assistant's built-in intents: a sentence trigger must not take them. */
  private static final Map<String, List<String>> BUILT_IN = Map.of(
      "en", List.of("play music", "play the beatles in the kitchen", "play some jazz", "play the next song",
          "turn on the light", "turn off the kitchen lights", "switch on the tv", "what's the weather",
          "what is the weather like today", "how is the weather tomorrow", "set a timer for five minutes",
          "start a timer for 10 minutes", "cancel the timer", "pause", "resume", "next", "skip", "next track",
          "stop", "volume up", "turn up the volume", "set the volume to 50 percent", "mute the tv",
          "add milk to my shopping list", "add eggs to the shopping list", "add call mom to my todo list",
          "what's on my shopping list", "what time is it", "what is the date", "open the garage door",
          "close the blinds", "lock the front door", "is the front door locked", "how many lights are on",
          "what is the temperature", "set the temperature to 21 degrees", "never mind", "cancel",
          "shuffle", "broadcast dinner is ready", "get the weather", "search for music by queen"),
      "de", List.of("spiele musik", "spiel die beatles in der küche", "spiele etwas jazz", "schalte das licht ein",
          "schalte das licht im wohnzimmer aus", "mach das licht an", "wie ist das wetter", "wie wird das wetter morgen",
          "stelle einen timer auf fünf minuten", "starte einen timer für zehn minuten", "timer abbrechen", "pause",
          "weiter", "nächster titel", "stopp", "lauter", "leiser", "setze die lautstärke auf 50 prozent",
          "füge milch zur einkaufsliste hinzu", "setze milch auf die einkaufsliste", "was steht auf meiner einkaufsliste",
          "wie spät ist es", "welcher tag ist heute", "öffne das garagentor", "schließe die rollläden",
          "verriegle die haustür", "wie warm ist es im wohnzimmer", "stelle die temperatur auf 21 grad", "abbrechen",
          "vergiss es", "hole das wetter", "schalte den fernseher stumm"));

  @ParameterizedTest(name = "{0}")
  @CsvSource({"voice_requests_en.yaml, en", "voice_requests_de.yaml, de", "voice_requests_ranges_en.yaml, en",
      "voice_requests_ranges_de.yaml, de"})
  void atLeastFortyEverydayFramesForATitle(String file, String language) throws IOException {
    java.util.Set<String> frames = new java.util.TreeSet<>();
    for (String sentence : defaultSentences(file, "request_sentences")) {
      if (sentence.contains("{title}") && !sentence.contains("{season}")
          && !sentence.matches(".*\\b(season|seasons|staffel|staffeln|movie|film|series|serie|show|tv show|4k|4 k|four k|vier k|uhd)\\b.*")) {
        // "please" and "for me" make no new frame
        frames.add(sentence.replaceAll("\\b(please|bitte|for me|for us|für mich|für uns)\\b", " ").replaceAll("\\s+", " ").trim());
      }
    }
    assertThat(frames).as("distinct frames around a bare {title}: %s", frames).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"voice_requests_en.yaml, en", "voice_requests_de.yaml, de", "voice_requests_ranges_en.yaml, en",
      "voice_requests_ranges_de.yaml, de"})
  void noSentenceTakesABuiltInCommand(String file, String language) throws IOException {
    List<java.util.regex.Pattern> patterns = new ArrayList<>();
    for (String input : List.of("request_sentences", "help_sentences", "status_sentences")) {
      for (String sentence : defaultSentences(file, input)) {
        patterns.add(hassilPattern(sentence));
      }
    }
    List<String> stolen = new ArrayList<>();
    for (String command : BUILT_IN.get(language)) {
      String normalized = command.toLowerCase(java.util.Locale.ROOT).replaceAll("[.,?!;:'’]", "");
      patterns.stream().filter(p -> p.matcher(normalized).matches()).findFirst()
          .ifPresent(p -> stolen.add("\"" + command + "\" is taken by " + p.pattern()));
    }
    assertThat(patterns).hasSizeGreaterThan(40);
    assertThat(stolen).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theBuiltInCheckWouldCatchASentenceThatTakesTooMuch() {
    assertThat(hassilPattern("play {title}").matcher("play music").matches()).isTrue();
    assertThat(hassilPattern("add {title} to my list").matcher("add milk to my shopping list").matches()).isFalse();
    assertThat(expand("add {title} to [my] {season}")).anySatisfy(
        sentence -> assertThat(hassilPattern(sentence).matcher("add milk to my shopping list").matches()).isTrue());
  }

  /** An expanded sentence as a regular expression: each {slot} is a wildcard of one or more words. */
  static java.util.regex.Pattern hassilPattern(String sentence) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher slot = java.util.regex.Pattern.compile("\\{[^}]*}").matcher(sentence);
    int last = 0;
    while (slot.find()) {
      regex.append(java.util.regex.Pattern.quote(sentence.substring(last, slot.start()))).append(".+");
      last = slot.end();
    }
    regex.append(java.util.regex.Pattern.quote(sentence.substring(last)));
    return java.util.regex.Pattern.compile(regex.toString());
  }

  /** Every expanded default sentence of an input. */
  private static List<String> defaultSentences(String file, String input) throws IOException {
    JsonNode blueprint = new ObjectMapper(new YAMLFactory()).readTree(
        Files.readString(BLUEPRINTS.resolve(file)).replaceAll("!input ([A-Za-z0-9_]+)", "{\"!input\": \"$1\"}"));
    List<String> result = new ArrayList<>();
    for (JsonNode section : blueprint.path("blueprint").path("input")) {
      JsonNode sentences = section.path("input").path(input).path("default");
      for (JsonNode template : sentences) {
        result.addAll(expand(template.asText()));
      }
    }
    assertThat(result).as(file + " " + input).isNotEmpty();
    return result;
  }
}
