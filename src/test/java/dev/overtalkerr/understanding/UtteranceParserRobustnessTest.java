package dev.overtalkerr.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any jumble of carrier words, numbers and punctuation gives a well-formed understanding. */
class UtteranceParserRobustnessTest {
  private static final String[] WORDS = (
      "the a an of from in season series staffel die der von aus 4k four k uhd new latest upcoming "
          + "next all seasons every movie film show tv called one two twenty nineteen ninety nine 1999 "
          + "2021 80s eighties noughties this last year yes no cancel help stop please thanks download "
          + "get lade herunter when it comes out s2 second zweite neue alle staffeln ja nein weiter 's "
          + "dune 300 2012 and to bis zwischen between version original newer older , . ? ' - &")
      .split(" ");

  @Test
  void randomUtterancesNeverBreakTheParser() throws Exception {
    UtteranceParser parser = new UtteranceParser(UtteranceParserCorpusTest.CLOCK);
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(4);
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(9); i > 0; i--) {
        b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "" : " ");
      }
      String text = b.toString();
      String language = random.nextBoolean() ? "en" : "de";
      Understanding u = parser.parse(text, language);
      JsonNode line = json.readTree(UtteranceParser.toJson(u));
      assertThat(line.size()).as(text).isEqualTo(7);
      if (u.title() != null) {
        assertThat(u.title()).as(text).isNotBlank().doesNotContain("  ").doesNotContain("'");
      }
      parser.number(text, language);
    }
  }
}
