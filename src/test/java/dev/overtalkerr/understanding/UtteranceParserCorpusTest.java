package dev.overtalkerr.understanding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the utterance corpora through the parser and reports every mismatch in one message.
 *
 * <p>Each line of a corpus is a JSON object: {@code text}, {@code language} and the expected
 * contract fields ({@code intent}, {@code title}, {@code media_type}, {@code years},
 * {@code season}, {@code temporal}, {@code four_k}); a missing field means its default (null,
 * "any", false). Optional {@code order} ("newer"/"older") and {@code alternatives} (a list of
 * {@code {"title", "years"}}) are compared too, and default to none.
 *
 * <p>{@code corpus.jsonl} is the development corpus the parser was built against and must pass
 * completely. {@code heldout.jsonl} was written after the parser was done and never tuned to; it
 * is a measurement, so only its pass rate at the time of writing is asserted.
 */
class UtteranceParserCorpusTest {
  /** 2026-06-15: "this year" is 2026, "last year" 2025. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final UtteranceParser parser = new UtteranceParser(CLOCK);
  private final Interpreter interpreter = new Interpreter(parser);

  @Test
  void developmentCorpusPassesCompletely() throws IOException {
    passesCompletely("/corpus/corpus.jsonl", 150, 30);
  }

  /** The second development corpus (issue 11's classes, with follow-ups told their context). */
  @Test
  void secondDevelopmentCorpusPassesCompletely() throws IOException {
    passesCompletely("/corpus/corpus-2.jsonl", 100, 40);
  }

  private void passesCompletely(String corpus, int atLeast, int germanAtLeast) throws IOException {
    Result r = run(corpus);
    assertTrue(r.total >= atLeast, "the corpus has at least " + atLeast + " utterances, has " + r.total);
    assertTrue(r.german >= germanAtLeast, "the corpus has at least " + germanAtLeast + " German utterances, has " + r.german);
    assertTrue(r.failures.isEmpty(),
        r.failures.size() + " of " + r.total + " utterances misread:\n" + String.join("\n", r.failures));
  }

  /** Measured, not tuned: the floor is the pass rate reached when the set was first run. */
  @Test
  void heldOutSetStaysAtItsMeasuredPassRate() throws IOException {
    Result r = run("/corpus/heldout.jsonl");
    int passed = r.total - r.failures.size();
    assertTrue(passed >= HELD_OUT_PASSED,
        "held-out: " + passed + " of " + r.total + " (floor " + HELD_OUT_PASSED + "):\n"
            + String.join("\n", r.failures));
  }

  /**
   * Held-out utterances read correctly when the set was measured (see the class doc): round one
   * 35 of 36, round two (written after further work on the parser) 33 of 34, round three
   * (written at the end) 31 of 32; 99 of 102 in all. The misses ("what can I ask you", "what can
   * I do here", "no, that's the wrong one") were fixed after the measurement, in the vocabulary
   * (more help questions; "the wrong one" and "that's" in answers), so those three now count as
   * development data; the floor stays at the measured 99 and the honest held-out figure is 97 %.
   */
  static final int HELD_OUT_PASSED = 99;

  /**
   * The second held-out set (issue 11: frames, qualifiers, disfluency, several seasons, sequels,
   * people, follow-ups during an offer, German), written before any change for that issue and
   * never tuned to. Measured against the parser as it was before the change: 21 of 118 (18 %); 24
   * after the lead's "several seasons" change on main; after issue 11's parser work (built against
   * {@code corpus-2.jsonl} only): 96 of 118 (81 %); read through the lead's {@link Interpreter}
   * after merging it (status questions and stalling read in context): 95 of 118 (81 %). The floor
   * is that last measurement.
   */
  static final int HELD_OUT_2_PASSED = 95;

  @Test
  void secondHeldOutSetStaysAtItsMeasuredPassRate() throws IOException {
    Result r = run("/corpus/heldout-2.jsonl");
    int passed = r.total - r.failures.size();
    System.out.println("heldout-2: " + passed + " of " + r.total + " (" + r.german + " German)");
    assertTrue(passed >= HELD_OUT_2_PASSED,
        "held-out 2: " + passed + " of " + r.total + " (floor " + HELD_OUT_2_PASSED + "):\n"
            + String.join("\n", r.failures));
  }

  record Result(int total, int german, List<String> failures) {}

  private Result run(String resource) throws IOException {
    List<String> failures = new ArrayList<>();
    int total = 0;
    int german = 0;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("//")) {
          continue;
        }
        JsonNode c = JSON.readTree(line);
        total++;
        String language = c.path("language").asText("en");
        if (language.startsWith("de")) {
          german++;
        }
        String text = c.get("text").asText();
        Understanding u = resource.contains("-2.")
            ? understand(text, language, c.path("context").asText(null)) : parser.parse(text, language);
        String actual = describe(JSON.readTree(UtteranceParser.toJson(u)), u);
        String expected = describe(expectedContract(c), c);
        if (!actual.equals(expected)) {
          failures.add("  [" + language + "] \"" + text + "\"\n      expected " + expected
              + "\n      actual   " + actual);
        }
      }
    }
    return new Result(total, german, failures);
  }

  /**
   * The second round's corpora are read as the conversation reads a turn, by the {@link
   * Interpreter} (status questions and stalling live there), told what the dialog waits for ({@code context}: "offer"
   * while a match awaits yes or no; absent: nothing pending).
   */
  private Understanding understand(String text, String language, String context) {
    DialogContext dialog = "offer".equals(context) ? new DialogContext(Expect.CONFIRM, "Dune", false) : DialogContext.NONE;
    return interpreter.interpret(new Utterance(text, null, null, null, language), dialog).understanding();
  }

  /** What the ranker gets besides the contract fields: person, sequel, kind, origin. */
  private static String extras(Understanding u) {
    StringBuilder b = new StringBuilder();
    if (u.person() != null) {
      b.append(" person=").append(u.person());
    }
    if (u.sequel() != null) {
      b.append(" sequel=").append(u.sequel());
    }
    if (u.kind() != null) {
      b.append(" kind=").append(u.kind().wire());
    }
    if (u.origin() != null) {
      b.append(" origin=").append(u.origin());
    }
    return b.toString();
  }

  private static String extras(JsonNode c) {
    StringBuilder b = new StringBuilder();
    for (String field : List.of("person", "sequel", "kind", "origin")) {
      if (c.hasNonNull(field)) {
        b.append(' ').append(field).append('=').append(c.get(field).asText());
      }
    }
    return b.toString();
  }

  private static JsonNode expectedContract(JsonNode c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("intent", c.get("intent").asText());
    o.set("title", c.path("title").isMissingNode() ? JSON.nullNode() : c.get("title"));
    o.put("media_type", c.path("media_type").asText("any"));
    o.set("years", c.path("years").isMissingNode() ? JSON.nullNode() : c.get("years"));
    o.set("season", c.path("season").isMissingNode() ? JSON.nullNode() : c.get("season"));
    o.set("temporal", c.path("temporal").isMissingNode() ? JSON.nullNode() : c.get("temporal"));
    o.put("four_k", c.path("four_k").asBoolean(false));
    return o;
  }

  /** The contract fields plus order and alternatives, in one comparable line. */
  private static String describe(JsonNode contract, Object extra) {
    StringBuilder b = new StringBuilder(contract.toString());
    if (extra instanceof Understanding u) {
      if (u.order() != null) {
        b.append(" order=").append(u.order().name().toLowerCase(Locale.ROOT));
      }
      for (Reading r : u.alternatives()) {
        b.append(" alt=").append(r.title()).append('|').append(years(r.years()));
      }
      b.append(extras(u));
    } else if (extra instanceof JsonNode c) {
      if (c.hasNonNull("order")) {
        b.append(" order=").append(c.get("order").asText());
      }
      for (JsonNode r : c.path("alternatives")) {
        JsonNode y = r.path("years");
        b.append(" alt=").append(r.get("title").asText()).append('|')
            .append(y.isObject() ? y.get("from").asInt() + "-" + y.get("to").asInt() : "null");
      }
      b.append(extras(c));
    }
    return b.toString();
  }

  private static String years(YearRange y) {
    return y == null ? "null" : y.from() + "-" + y.to();
  }
}
