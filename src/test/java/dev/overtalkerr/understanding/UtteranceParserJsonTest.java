package dev.overtalkerr.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UtteranceParser#toJson} prints exactly the contract's line, and the API's edges. */
class UtteranceParserJsonTest {
  private final UtteranceParser parser = new UtteranceParser(UtteranceParserCorpusTest.CLOCK);

  @Test
  void everyFieldInTheContractOrder() {
    Understanding u = new Understanding(Intent.REQUEST, "severance", TypeHint.TV, new YearRange(2020, 2029),
        SeasonSpec.number(2), Temporal.UPCOMING, true, Understanding.Order.NEWER,
        List.of(new Reading("x", null)));
    assertThat(UtteranceParser.toJson(u)).isEqualTo(
        "{\"intent\":\"request\",\"title\":\"severance\",\"media_type\":\"tv\","
            + "\"years\":{\"from\":2020,\"to\":2029},\"season\":{\"number\":2},"
            + "\"temporal\":\"upcoming\",\"four_k\":true}");
  }

  @Test
  void nullsAndRelativeSeasons() {
    assertThat(UtteranceParser.toJson(Understanding.of(Intent.CONFIRM))).isEqualTo(
        "{\"intent\":\"confirm\",\"title\":null,\"media_type\":\"any\",\"years\":null,"
            + "\"season\":null,\"temporal\":null,\"four_k\":false}");
    Understanding latest = new Understanding(Intent.REFINE, null, TypeHint.TV, null,
        SeasonSpec.of(SeasonSpec.Which.LATEST), Temporal.LATEST, false, null, List.of());
    assertThat(UtteranceParser.toJson(latest)).isEqualTo(
        "{\"intent\":\"refine\",\"title\":null,\"media_type\":\"tv\",\"years\":null,"
            + "\"season\":{\"which\":\"latest\"},\"temporal\":\"latest\",\"four_k\":false}");
  }

  @Test
  void quotesAreEscaped() {
    Understanding u = new Understanding(Intent.REQUEST, "a \"b\" \\ c", null, null, null, null, false,
        null, List.of());
    assertThat(UtteranceParser.toJson(u)).contains("\"title\":\"a \\\"b\\\" \\\\ c\"");
  }

  @Test
  void parsedUtteranceAsJson() {
    assertThat(UtteranceParser.toJson(parser.parse("Download season two of Severance in 4K, please.", "en")))
        .isEqualTo("{\"intent\":\"request\",\"title\":\"severance\",\"media_type\":\"tv\",\"years\":null,"
            + "\"season\":{\"number\":2},\"temporal\":null,\"four_k\":true}");
    assertThat(UtteranceParser.toJson(parser.parse("the one from the eighties", "en")))
        .isEqualTo("{\"intent\":\"refine\",\"title\":null,\"media_type\":\"any\","
            + "\"years\":{\"from\":1980,\"to\":1989},\"season\":null,\"temporal\":null,\"four_k\":false}");
  }

  @Test
  void languagesAndNull() {
    assertThat(parser.parse(null, null).intent()).isEqualTo(Intent.LAUNCH);
    assertThat(parser.parse("   ", "en").intent()).isEqualTo(Intent.LAUNCH);
    assertThat(parser.parse("ja bitte", "de-DE").intent()).isEqualTo(Intent.CONFIRM);
    assertThat(parser.parse("yes please", "en-GB").intent()).isEqualTo(Intent.CONFIRM);
    assertThat(parser.parse("yes please", null).intent()).isEqualTo(Intent.CONFIRM);
    assertThat(parser.parse("get the crown series 4", "en-GB").season()).isEqualTo(SeasonSpec.number(4));
  }

  @Test
  void ambiguousNumbersOfferBothReadings() {
    Understanding dune = parser.parse("download dune 2021", "en");
    assertThat(dune.readings()).containsExactly(new Reading("dune", YearRange.of(2021)), new Reading("dune 2021", null));
    Understanding alone = parser.parse("download 2012", "en");
    assertThat(alone.title()).isEqualTo("2012");
    assertThat(alone.years()).isNull();
    assertThat(parser.parse("download dune from 2021", "en").alternatives()).isEmpty();
  }
}
