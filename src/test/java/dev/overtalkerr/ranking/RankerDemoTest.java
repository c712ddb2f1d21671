package dev.overtalkerr.ranking;

import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.Temporal;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.YearRange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.domain.MediaItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranker over the demo catalogue's search, as {@code --demo} runs them: search per reading, then rank. */
class RankerDemoTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
  private final DemoCatalogue demo = new DemoCatalogue(CLOCK);
  private final Ranker ranker = new Ranker(CLOCK);

  @Test
  void exactTitlesWinOverThePopularSequelsTheSearchPutsFirst() {
    assertThat(top(u("dune", null, TypeHint.ANY, null), "en")).isEqualTo("Dune (2021)");
    assertThat(top(u("alien", null, TypeHint.ANY, null), "en")).isEqualTo("Alien (1979)");
    assertThat(top(u("dark", null, TypeHint.ANY, null), "en")).isEqualTo("Dark (2017)");
    assertThat(top(u("the office", null, TypeHint.ANY, null), "en")).isEqualTo("The Office (2005)");
  }

  @Test
  void yearTypeAndTemporalPickTheRightOne() {
    assertThat(top(u("dune", YearRange.of(1984), TypeHint.ANY, null), "en")).isEqualTo("Dune (1984)");
    assertThat(top(u("fargo", null, TypeHint.MOVIE, null), "en")).isEqualTo("Fargo (1996)");
    assertThat(top(u("fargo", null, TypeHint.TV, null), "en")).isEqualTo("Fargo (2014)");
    assertThat(top(u("the office", YearRange.decade(2000), TypeHint.TV, null), "en")).isEqualTo("The Office (2005)");
    assertThat(top(u("dune", null, TypeHint.ANY, Temporal.UPCOMING), "en")).isEqualTo("Dune: Part Three (2026)");
    assertThat(top(u("psycho", YearRange.decade(1990), TypeHint.ANY, null), "en")).isEqualTo("Psycho (1998)");
  }

  @Test
  void speechErrorsNumbersAndOtherLanguages() {
    assertThat(top(u("intersteller", null, TypeHint.ANY, null), "en")).isEqualTo("Interstellar (2014)");
    assertThat(top(u("oceans 8", null, TypeHint.ANY, null), "en")).isEqualTo("Ocean's Eight (2018)");
    assertThat(top(u("300", null, TypeHint.ANY, null), "en")).isEqualTo("300 (2007)");
    assertThat(top(u("haus des geldes", null, TypeHint.ANY, null), "de")).isEqualTo("Haus des Geldes (2017)");
    assertThat(top(u("die verurteilten", null, TypeHint.ANY, null), "de")).isEqualTo("Die Verurteilten (1994)");
  }

  @Test
  void twoReadingsSearchedAndMerged() {
    Reading asTitle = new Reading("blade runner 2049", null);
    Reading asYear = new Reading("blade runner", YearRange.of(2049));
    Understanding u = new Understanding(Intent.REQUEST, asTitle.title(), TypeHint.ANY, null, null, null, false, null,
        List.of(asYear));
    Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
    for (Reading r : u.readings()) {
      results.put(r, demo.search(r.title(), "en"));
    }
    List<Ranked> ranked = ranker.rank(u, results);
    assertThat(ranked).extracting(r -> r.item().title()).containsExactly("Blade Runner 2049", "Blade Runner");
  }

  @Test
  void creditsKindOriginAndSequelsFromTheCatalogueChooseTheEntry() {
    Understanding dune = u("dune", null, TypeHint.ANY, null);
    assertThat(top(dune, "en", Preferences.credits(demo.credits("kyle maclachlan", "en")))).isEqualTo("Dune (1984)");
    assertThat(top(dune, "en", Preferences.credits(demo.credits("timothee chalamet", "en")))).isEqualTo("Dune (2021)");
    assertThat(top(dune, "en", Preferences.sequel(2))).isEqualTo("Dune: Part Two (2024)");
    assertThat(top(u("harry potter", null, TypeHint.MOVIE, null), "en", Preferences.sequel(3)))
        .isEqualTo("Harry Potter and the Prisoner of Azkaban (2004)");
    assertThat(top(u("the lion king", null, TypeHint.ANY, null), "en", Preferences.kind(dev.overtalkerr.domain.Kind.ANIMATION)))
        .isEqualTo("The Lion King (1994)");
    assertThat(top(u("beauty and the beast", null, TypeHint.ANY, null), "en",
        Preferences.kind(dev.overtalkerr.domain.Kind.LIVE_ACTION))).isEqualTo("Beauty and the Beast (2017)");
    assertThat(top(u("oldboy", null, TypeHint.ANY, null), "en", Preferences.origin("kr"))).isEqualTo("Oldboy (2003)");
    assertThat(top(u("godzilla", null, TypeHint.ANY, null), "en", Preferences.origin("jp"))).isEqualTo("Godzilla (1954)");
    assertThat(top(u("the office", null, TypeHint.ANY, null), "en", Preferences.origin("gb"))).isEqualTo("The Office (2001)");
    assertThat(top(u("megan", null, TypeHint.ANY, null), "en", Preferences.NONE)).isEqualTo("M3GAN (2022)");
    assertThat(top(u("toy story three", null, TypeHint.ANY, null), "en", Preferences.NONE)).isEqualTo("Toy Story 3 (2010)");
  }

  private String top(Understanding u, String language, Preferences preferences) {
    Reading reading = u.readings().get(0);
    List<Ranked> ranked = ranker.rank(u, Map.of(reading, demo.search(reading.title(), language)), preferences);
    assertThat(ranked).isNotEmpty();
    return ranked.get(0).item().title() + " (" + ranked.get(0).item().year() + ")";
  }

  private String top(Understanding u, String language) {
    Reading reading = u.readings().get(0);
    List<Ranked> ranked = ranker.rank(u, Map.of(reading, demo.search(reading.title(), language)));
    assertThat(ranked).isNotEmpty();
    return ranked.get(0).item().title() + " (" + ranked.get(0).item().year() + ")";
  }

  private static Understanding u(String title, YearRange years, TypeHint type, Temporal temporal) {
    return new Understanding(Intent.REQUEST, title, type, years, null, temporal, false, null, List.of());
  }
}
