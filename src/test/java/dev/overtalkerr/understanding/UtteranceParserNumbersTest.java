package dev.overtalkerr.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number words, ordinals, spoken years and decades, and {@link UtteranceParser#number}. */
class UtteranceParserNumbersTest {
  private final UtteranceParser parser = new UtteranceParser(UtteranceParserCorpusTest.CLOCK);

  private static List<String> words(String s) {
    return Arrays.asList(s.split(" "));
  }

  @ParameterizedTest
  @CsvSource({
    "one, 1, 1", "two, 2, 1", "ten, 10, 1", "nineteen, 19, 1", "twenty, 20, 1",
    "twenty one, 21, 2", "ninety nine, 99, 2", "one hundred, 100, 2", "a, -1, 0",
    "two thousand and four, 2004, 4", "two thousand, 2000, 2", "one hundred and twenty, 120, 4",
    "12, 12, 1", "twenty twenty, 20, 1", "one two, 1, 1", "zero, 0, 1"
  })
  void englishCardinals(String text, int value, int length) {
    NumberWords.Match m = NumberWords.cardinal(words(text), 0, false);
    if (value < 0) {
      assertThat(m).isNull();
    } else {
      assertThat(m).isEqualTo(new NumberWords.Match(value, length));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "eins, 1", "zwei, 2", "zwölf, 12", "einundzwanzig, 21", "neunundneunzig, 99", "hundert, 100",
    "zweitausendvier, 2004", "zweitausendundvier, 2004", "neunzehnhundertneunundneunzig, 1999",
    "neunzehnhundert, 1900", "dreißig, 30", "fünfundsiebzig, 75"
  })
  void germanCardinalWords(String word, int value) {
    assertThat(NumberWords.germanWord(word)).isEqualTo(value);
  }

  @Test
  void germanCardinalsMayBeSplitOverWords() {
    assertThat(NumberWords.cardinal(words("neunzehn hundert vierundachtzig"), 0, true))
        .isEqualTo(new NumberWords.Match(1984, 3));
    assertThat(NumberWords.cardinal(words("zweitausend und vier"), 0, true))
        .isEqualTo(new NumberWords.Match(2004, 3));
    assertThat(NumberWords.cardinal(words("zwei drei"), 0, true)).isEqualTo(new NumberWords.Match(2, 1));
    assertThat(NumberWords.germanWord("hallo")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "first, 1", "second, 2", "third, 3", "tenth, 10", "twelfth, 12", "twentieth, 20",
    "twenty first, 21", "2nd, 2", "3rd, 3", "11th, 11", "21st, 21"
  })
  void englishOrdinals(String text, int value) {
    assertThat(NumberWords.ordinal(words(text), 0, false).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({
    "erste, 1", "ersten, 1", "zweite, 2", "dritte, 3", "vierte, 4", "sechste, 6", "siebte, 7",
    "siebente, 7", "achte, 8", "zehnte, 10", "zwölften, 12", "zwanzigste, 20",
    "einundzwanzigsten, 21", "2nd, 2"
  })
  void germanOrdinals(String text, int value) {
    assertThat(NumberWords.ordinal(words(text), 0, true).value()).isEqualTo(value);
  }

  @Test
  void wordsThatOnlyLookLikeGermanOrdinalsAreNotNumbers() {
    for (String w : List.of("beste", "letzte", "liste", "nächste", "neueste", "mitte", "gute")) {
      assertThat(NumberWords.ordinal(List.of(w), 0, true)).as(w).isNull();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1999, 1999, 1", "nineteen ninety nine, 1999, 3", "nineteen eighty four, 1984, 3",
    "twenty twenty, 2020, 2", "twenty twenty one, 2021, 3", "twenty ten, 2010, 2",
    "two thousand and four, 2004, 4", "two thousand, 2000, 2", "nineteen oh five, 1905, 3",
    "nineteen hundred, 1900, 2"
  })
  void englishYears(String text, int value, int length) {
    assertThat(NumberWords.year(words(text), 0, false)).isEqualTo(new NumberWords.Match(value, length));
  }

  @Test
  void numbersThatAreNotYears() {
    assertThat(NumberWords.year(words("twenty two"), 0, false)).isNull();
    assertThat(NumberWords.year(words("eleven"), 0, false)).isNull();
    assertThat(NumberWords.year(words("300"), 0, false)).isNull();
    assertThat(NumberWords.year(words("neunzehn"), 0, true)).isNull();
    assertThat(NumberWords.year(words("zweitausendvier"), 0, true)).isEqualTo(new NumberWords.Match(2004, 1));
    assertThat(NumberWords.year(words("neunzehn neunundneunzig"), 0, true)).isEqualTo(new NumberWords.Match(1999, 2));
    assertThat(NumberWords.year(words("zwanzig einundzwanzig"), 0, true)).isEqualTo(new NumberWords.Match(2021, 2));
    assertThat(NumberWords.year(words("neunzehn"), 0, true)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "80s, false, 1980", "1980s, false, 1980", "eighties, false, 1980", "nineties, false, 1990",
    "noughties, false, 2000", "naughties, false, 2000", "2000s, false, 2000", "20s, false, 2020",
    "nineteen sixties, false, 1960", "2010s, false, 2010", "achtzigern, true, 1980", "80ern, true, 1980",
    "80er jahren, true, 1980", "neunziger, true, 1990", "nullerjahren, true, 2000", "2000er, true, 2000"
  })
  void decades(String text, boolean german, int first) {
    assertThat(NumberWords.decade(words(text), 0, german).value()).isEqualTo(first);
  }

  @Test
  void aYearIsNotADecade() {
    assertThat(NumberWords.decade(words("2020"), 0, false)).isNull();
    Understanding u = parser.parse("download the invisible man from 2020", "en");
    assertThat(u.years()).isEqualTo(YearRange.of(2020));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "two|en|2", "the second one|en|2", "2|en|2", "season 3|en|3", "Season three.|en|3",
        "number one|en|1", "one|en|1", "the 4th|en|4", "season twenty one|en|21", "the first one|en|1",
        "zwei|de|2", "die zweite|de|2", "Staffel drei|de|3", "staffel eins|de|1", "die 2.|de|2",
        "einundzwanzig|de|21", "yes, season two please|en|2"
      })
  void numberInAnAnswer(String text, String language, int value) {
    assertThat(parser.number(text, language)).isEqualTo(OptionalInt.of(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"that one|en", "the other one|en", "yes|en", "the latest|en", "eine andere|de", "den da|de", "|en"})
  void noNumberInAnAnswer(String text, String language) {
    assertThat(parser.number(text, language)).isEmpty();
  }

  @Test
  void yearsFromTheClock() {
    assertThat(parser.parse("get dune from this year", "en").years()).isEqualTo(YearRange.of(2026));
    assertThat(parser.parse("get dune from last year", "en").years()).isEqualTo(YearRange.of(2025));
    assertThat(parser.parse("hol dune von diesem jahr", "de").years()).isEqualTo(YearRange.of(2026));
    assertThat(parser.parse("hol dune von letztem jahr", "de").years()).isEqualTo(YearRange.of(2025));
  }
}
