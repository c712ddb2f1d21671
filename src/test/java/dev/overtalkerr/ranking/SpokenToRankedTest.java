package dev.overtalkerr.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.UtteranceParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From what was said to the first offer, as the conversation is meant to wire it: parse, search
 * every reading on the demo catalogue, look up a named person's credits on the backend, rank with
 * {@link Preferences#of}. The person, the entry of a series, the kind and the origin are taken out
 * of the title by the parser and choose among the results here.
 */
class SpokenToRankedTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
  private final UtteranceParser parser = new UtteranceParser(CLOCK);
  private final DemoCatalogue demo = new DemoCatalogue(CLOCK);
  private final Ranker ranker = new Ranker(CLOCK);

  @Test
  void peopleSequelsKindsAndOriginsChooseTheFirstOffer() {
    assertThat(first("dune, the one with kyle maclachlan", "en")).isEqualTo("Dune (1984)");
    assertThat(first("download dune with timothee chalamet", "en")).isEqualTo("Dune (2021)");
    assertThat(first("Dune von Denis Villeneuve", "de")).isEqualTo("Dune (2021)");
    assertThat(first("the second dune film", "en")).isEqualTo("Dune: Part Two (2024)");
    assertThat(first("get the second harry potter film", "en")).isEqualTo("Harry Potter and the Chamber of Secrets (2002)");
    assertThat(first("den dritten Toy Story Film", "de")).isEqualTo("Toy Story 3 (2010)");
    assertThat(first("the animated beauty and the beast", "en")).isEqualTo("Beauty and the Beast (1991)");
    assertThat(first("the live action beauty and the beast", "en")).isEqualTo("Beauty and the Beast (2017)");
    assertThat(first("the korean oldboy", "en")).isEqualTo("Oldboy (2003)");
    assertThat(first("den japanischen Godzilla", "de")).isEqualTo("Godzilla (1954)");
    assertThat(first("the original total recall", "en")).isEqualTo("Total Recall (1990)");
    assertThat(first("the total recall remake", "en")).isEqualTo("Total Recall (2012)");
    assertThat(first("could my son have toy story please", "en")).isEqualTo("Toy Story (1995)");
    assertThat(first("download um you know that film se7en sorry i mean seven", "en")).isEqualTo("Se7en (1995)");
  }

  /** The conversation's path: every reading searched, credits only when a person was named. */
  private String first(String said, String language) {
    Understanding u = parser.parse(said, language);
    Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
    for (Reading r : u.readings()) {
      results.put(r, demo.search(r.title(), language));
    }
    Credits credits = u.person() == null ? null : demo.credits(u.person(), language);
    List<Ranked> ranked = ranker.rank(u, results, Preferences.of(u, credits));
    assertThat(ranked).as(said).isNotEmpty();
    MediaItem top = ranked.get(0).item();
    return top.title() + " (" + top.year() + ")";
  }
}
