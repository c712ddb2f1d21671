package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.Titles;
import dev.overtalkerr.ranking.Ranker.Candidate;
import dev.overtalkerr.ranking.TitleSimilarity.Tier;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Picks the entry of a series a person counted: "the second Harry Potter film", "part three of the
 * Godfather", "the fourth John Wick", or a number after a title that no result carries ("the hunger
 * games 2"). The series is every result of the asked-for type (films when none was said) whose
 * title is or starts with the spoken title, leaving out far less popular namesakes and
 * by-products. An entry whose title carries the number right after the series name ("Dune: Part
 * Two", "John Wick: Chapter 4", "Toy Story 3", "The Godfather Part III") is that entry; otherwise
 * the series counts in release order ("Harry Potter and the Chamber of Secrets" is the second).
 * The picked entry gets {@link Ranker#SEQUEL_PICKED}, enough to go before the first entry's exact
 * title.
 */
final class Sequels {
  private Sequels() {}

  /** Words between a series name and its number: "part two", "chapter 4", "vol. 2", "Teil 2". */
  private static final Set<String> COUNTERS = Set.of("part", "chapter", "vol", "volume", "episode", "teil", "kapitel",
      "folge", "chapitre", "partie");

  static void pick(Understanding u, List<Reading> readings, Integer explicit, Collection<Candidate> candidates) {
    if (readings.isEmpty() || candidates.isEmpty()) {
      return;
    }
    if (explicit != null && otherReadingMatchesExactly(readings, candidates)) {
      return; // "the fifth element": the words as spoken are a title, no entry is counted
    }
    List<String> series = Titles.tokens(readings.get(0).title());
    Integer n = explicit;
    if (n == null) {
      n = trailingNumber(series);
      boolean carried = candidates.stream().anyMatch(c -> c.title.match().tier() == Tier.EXACT
          || c.title.match().tier() == Tier.EXACT_BUT_ARTICLE);
      if (n == null || carried) {
        return;
      }
      series = series.subList(0, series.size() - 1);
      if (series.size() > 1 && COUNTERS.contains(series.get(series.size() - 1))) {
        series = series.subList(0, series.size() - 1);
      }
    }
    if (series.isEmpty()) {
      return;
    }
    List<String> name = series;
    List<Candidate> members = members(u, name, candidates);
    int wanted = n;
    Candidate pick = members.stream().filter(c -> numbered(name, c.item, wanted))
        .max(Comparator.comparingDouble(c -> c.item.popularity())).orElse(null);
    String how = "numbered";
    if (pick == null) {
      List<Candidate> byRelease = members.stream().filter(c -> c.item.releaseDate() != null)
          .sorted(Comparator.comparing((Candidate c) -> c.item.releaseDate())).toList();
      List<LocalDate> dates = byRelease.stream().map(c -> c.item.releaseDate()).distinct().toList();
      if (wanted > dates.size()) {
        return;
      }
      LocalDate date = dates.get(wanted - 1);
      pick = byRelease.stream().filter(c -> c.item.releaseDate().equals(date))
          .max(Comparator.comparingDouble(c -> c.item.popularity())).orElseThrow();
      how = "release-order";
    }
    pick.sequel = Ranker.SEQUEL_PICKED;
    pick.sequelWord = wanted + ":" + how;
  }

  private static boolean otherReadingMatchesExactly(List<Reading> readings, Collection<Candidate> candidates) {
    for (Reading r : readings.subList(1, readings.size())) {
      for (Candidate c : candidates) {
        Tier tier = Ranker.bestTitle(r.title(), c.item).match().tier();
        if (tier == Tier.EXACT || tier == Tier.EXACT_BUT_ARTICLE) {
          return true;
        }
      }
    }
    return false;
  }

  /** "the hunger games 2": a small number ending a title of two words or more; else null. */
  private static Integer trailingNumber(List<String> words) {
    if (words.size() < 2) {
      return null;
    }
    String last = words.get(words.size() - 1);
    if (!last.matches("\\d{1,2}")) {
      return null;
    }
    int n = Integer.parseInt(last);
    return n >= 1 && n <= Ranker.MAX_SEQUEL ? n : null;
  }

  private static List<Candidate> members(Understanding u, List<String> series, Collection<Candidate> candidates) {
    String spoken = String.join(" ", series);
    TypeHint type = u.mediaType();
    List<Candidate> members = new ArrayList<>();
    for (Candidate c : candidates) {
      boolean typeFits = type == TypeHint.ANY ? c.item.type() == MediaType.MOVIE : type.accepts(c.item.type());
      if (!typeFits || c.year < 0) {
        continue;
      }
      Tier tier = Ranker.bestTitle(spoken, c.item).match().tier();
      if (tier == Tier.EXACT || tier == Tier.EXACT_BUT_ARTICLE || tier == Tier.PREFIX) {
        members.add(c);
      }
    }
    double top = members.stream().mapToDouble(c -> c.item.popularity()).max().orElse(0);
    if (top > 0) {
      members.removeIf(c -> c.item.popularity() < Ranker.SEQUEL_MIN_POPULARITY_SHARE * top);
    }
    return members;
  }

  /** The series name, maybe a counter word, then the number: "dune part 2", "toy story 3 ...". */
  private static boolean numbered(List<String> series, MediaItem item, int n) {
    List<String> names = new ArrayList<>();
    names.add(item.title());
    names.addAll(item.alternativeTitles());
    if (item.originalTitle() != null) {
      names.add(item.originalTitle());
    }
    List<String> bare = Titles.withoutArticle(series);
    for (String name : names) {
      List<String> words = Titles.withoutArticle(Titles.tokens(name));
      if (words.size() <= bare.size() || !words.subList(0, bare.size()).equals(bare)) {
        continue;
      }
      int i = bare.size();
      if (i < words.size() && COUNTERS.contains(words.get(i))) {
        i++;
      }
      if (i < words.size() && words.get(i).equals(Integer.toString(n))) {
        return true;
      }
    }
    return false;
  }
}
