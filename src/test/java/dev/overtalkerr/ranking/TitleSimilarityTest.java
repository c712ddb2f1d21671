package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.Titles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.ranking.TitleSimilarity.Tier;
import org.junit.jupiter.api.Test;

class TitleSimilarityTest {

  @Test
  void normalisesCaseAccentsPunctuationAndAmpersand() {
    assertThat(Titles.normalize("Amélie")).isEqualTo("amelie");
    assertThat(Titles.normalize("Law & Order: Special Victims Unit")).isEqualTo("law and order special victims unit");
    assertThat(Titles.normalize("Spider-Man: No Way Home")).isEqualTo("spider man no way home");
    assertThat(Titles.normalize("SHŌGUN")).isEqualTo("shogun");
    assertThat(Titles.normalize("Alien³")).isEqualTo("alien 3");
    assertThat(Titles.normalize("Harry Potter and the Philosopher’s Stone"))
        .isEqualTo("harry potter and the philosophers stone");
  }

  @Test
  void writesNumberWordsAndSmallRomanNumeralsAsDigits() {
    assertThat(Titles.normalize("Ocean's Eight")).isEqualTo("oceans 8");
    assertThat(Titles.normalize("Ocean's Eleven")).isEqualTo("oceans 11");
    assertThat(Titles.normalize("dune part two")).isEqualTo("dune part 2");
    assertThat(Titles.normalize("Gladiator II")).isEqualTo("gladiator 2");
    assertThat(Titles.normalize("three hundred")).isEqualTo("300");
    assertThat(Titles.normalize("nineteen seventeen")).isEqualTo("1917");
    assertThat(Titles.normalize("twenty twelve")).isEqualTo("2012");
    assertThat(Titles.normalize("blade runner twenty forty nine")).isEqualTo("blade runner 2049");
    assertThat(Titles.normalize("two thousand twelve")).isEqualTo("2012");
    assertThat(Titles.normalize("twenty one jump street")).isEqualTo("21 jump street");
    assertThat(Titles.normalize("I, Robot")).isEqualTo("i robot");
  }

  @Test
  void tiersAreOrderedExactArticlePrefixContainsFuzzy() {
    var exact = TitleSimilarity.compare("the office", "The Office");
    var article = TitleSimilarity.compare("office", "The Office");
    var prefix = TitleSimilarity.compare("dune", "Dune: Part Two");
    var contains = TitleSimilarity.compare("office", "The Office Christmas Party");
    var fuzzy = TitleSimilarity.compare("intersteller", "Interstellar");

    assertThat(exact.tier()).isEqualTo(Tier.EXACT);
    assertThat(article.tier()).isEqualTo(Tier.EXACT_BUT_ARTICLE);
    assertThat(prefix.tier()).isEqualTo(Tier.PREFIX);
    assertThat(fuzzy.tier()).isEqualTo(Tier.FUZZY);
    assertThat(exact.score()).isEqualTo(1.0);
    assertThat(article.score()).isGreaterThan(prefix.score()).isLessThan(exact.score());
    assertThat(prefix.score()).isGreaterThan(contains.score());
    assertThat(contains.tier()).isEqualTo(Tier.PREFIX); // "office christmas party" once the article is dropped
    assertThat(TitleSimilarity.compare("christmas party", "Office Christmas Party").tier()).isEqualTo(Tier.CONTAINS);
    assertThat(fuzzy.score()).isGreaterThan(0.5).isLessThan(TitleSimilarity.CONTAINS_MIN);
  }

  @Test
  void articleOnlyPrefixIsSlightlyBelowPlainPrefix() {
    var withArticle = TitleSimilarity.compare("the office", "Office Christmas Party");
    var plain = TitleSimilarity.compare("office", "Office Christmas Party");
    assertThat(withArticle.tier()).isEqualTo(Tier.PREFIX);
    assertThat(plain.score() - withArticle.score()).isCloseTo(TitleSimilarity.ARTICLE_PENALTY, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void spokenFormsMatchTheWrittenTitleExactly() {
    assertThat(TitleSimilarity.compare("oceans eight", "Ocean's 8").tier()).isEqualTo(Tier.EXACT);
    assertThat(TitleSimilarity.compare("spiderman", "Spider-Man").tier()).isEqualTo(Tier.EXACT);
    assertThat(TitleSimilarity.compare("amelie", "Amélie").tier()).isEqualTo(Tier.EXACT);
    assertThat(TitleSimilarity.compare("law and order", "Law & Order").tier()).isEqualTo(Tier.EXACT);
  }

  @Test
  void soundAlikesScoreHighInTheFuzzyTier() {
    assertThat(TitleSimilarity.compare("the matricks", "The Matrix").score())
        .isGreaterThan(TitleSimilarity.compare("the matricks", "The Matrix Reloaded").score())
        .isGreaterThan(0.55);
    assertThat(TitleSimilarity.compare("alien", "Aliens").score())
        .isLessThan(TitleSimilarity.compare("alien", "Alien: Romulus").score());
  }

  @Test
  void levenshteinCountsEdits() {
    assertThat(Titles.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Titles.levenshtein("", "abc")).isEqualTo(3);
    assertThat(Titles.levenshtein("dune", "dune")).isZero();
  }
}
