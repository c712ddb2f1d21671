package dev.overtalkerr.understanding;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Season phrases, wherever they stand: "season two", "seasons 1 and 2" (the first), "the second
 * season", British "series 2", "s2", "the latest/newest/new season", "the latest episodes", "the
 * next/upcoming season", "all seasons", "the complete series", "Staffel 2", "die zweite
 * Staffel", "die neueste Staffel", "alle Staffeln". A season phrase at the end after a
 * preposition belongs to the title ("a man for all seasons"); "series" without a number only
 * counts before "of" or at the end ("the new series severance" is a series, not a season).
 */
final class SeasonPhrases {
  private SeasonPhrases() {}

  private record SeasonMatch(SeasonSpec spec, int length, boolean seriesWord) {}

  /**
   * Finds the first season phrase, removes it (with "of"/"von" after it, and a possessive "'s"
   * before it) and returns what it asks for; null when there is none.
   */
  static SeasonSpec extract(List<String> t, Vocabulary v) {
    for (int i = 0; i < t.size(); i++) {
      SeasonMatch m = seasonAt(t, i, v);
      if (m == null) {
        continue;
      }
      int end = i + m.length();
      boolean atEnd = end == t.size();
      if (i > 0 && v.prepositions.contains(key(t, i - 1)) && atEnd) {
        continue; // "a man for all seasons"
      }
      if (m.seriesWord() && !atEnd && v.seasonConnectors.matchAt(t, end) == 0
          && m.spec().number() == null) {
        continue; // "the new series severance" is a temporal wish about a series, not a season
      }
      // "season 2 episode 3": the episode is not ours to keep
      if (end < t.size() && v.episodeWords.contains(key(t, end))) {
        NumberWords.Match ep = NumberWords.cardinal(t, end + 1, v.german);
        if (ep != null) {
          end += 1 + ep.length();
        }
      }
      int connector = v.seasonConnectors.matchAt(t, end);
      if (connector > 0 && end + connector < t.size()) {
        end += connector; // "season two of severance"
      }
      if (i > 0 && end == t.size() && t.get(i - 1).endsWith("'s")) {
        String w = t.get(i - 1);
        t.set(i - 1, w.substring(0, w.length() - 2)); // "severance's second season"
      }
      t.subList(i, end).clear();
      return m.spec();
    }
    return null;
  }

  /** "s2", "s02e05" as some speech-to-text engines and typists write them. */
  private static final Pattern SEASON_CODE =
      Pattern.compile("s(\\d{1,2})(e\\d{1,3})?");

  private static SeasonMatch seasonAt(List<String> t, int i, Vocabulary v) {
    int all = v.seasonAll.matchAt(t, i);
    if (all > 0) {
      boolean series = t.get(i + all - 1).equals("series") || t.get(i + all - 1).equals("show");
      return new SeasonMatch(SeasonSpec.of(SeasonSpec.Which.ALL), all, series);
    }
    int j = i;
    if (j < t.size() && v.seasonArticles.contains(key(t, j))) {
      j++;
    }
    if (j >= t.size()) {
      return null;
    }
    String w = t.get(j);
    w = Phrases.key(w);
    Matcher code = SEASON_CODE.matcher(w);
    if (code.matches()) {
      return new SeasonMatch(SeasonSpec.number(Integer.parseInt(code.group(1))), j + 1 - i, false);
    }
    boolean seasonWord = v.seasonWords.contains(w);
    boolean seriesWord = v.seriesWords.contains(w);
    if (seasonWord || seriesWord) {
      int k = j + 1;
      k += v.seasonNumberWords.matchAt(t, k);
      NumberWords.Match n = NumberWords.cardinal(t, k, v.german);
      if (n == null && v.german) {
        n = NumberWords.ordinal(t, k, true); // "Staffel zwei", rarely "Staffel zweite"
      }
      if (n != null && n.value() <= 100) {
        k += n.length();
        int join = v.seasonJoin.matchAt(t, k);
        if (join > 0) {
          NumberWords.Match second = NumberWords.cardinal(t, k + join, v.german);
          if (second != null && second.value() <= 100 && second.value() != n.value()) {
            // "seasons 4 to 6" is a range, "seasons 1 and 3" the two
            boolean range = v.seasonRange.contains(key(t, k)) && second.value() > n.value();
            SeasonSpec several = SeasonSpec.several(n.value(), second.value(), range);
            return new SeasonMatch(several, k + join + second.length() - i, false);
          }
        }
        return new SeasonMatch(SeasonSpec.number(n.value()), k - i, false);
      }
      return null;
    }
    SeasonMatch several = severalAt(t, i, j, v);
    if (several != null) {
      return several;
    }
    NumberWords.Match ord = NumberWords.ordinal(t, j, v.german);
    if (ord == null && v.german && w.chars().allMatch(Character::isDigit)) {
      ord = NumberWords.cardinal(t, j, true); // "die 2. Staffel" arrives as "die 2 staffel"
    }
    if (ord != null && isSeasonNoun(t, j + ord.length(), v)) {
      return new SeasonMatch(SeasonSpec.number(ord.value()), j + ord.length() + 1 - i,
          v.seriesWords.contains(key(t, j + ord.length())));
    }
    int latest = v.seasonLatest.matchAt(t, j);
    if (latest > 0 && j + latest < t.size() && v.episodeWords.contains(key(t, j + latest))) {
      return new SeasonMatch(SeasonSpec.of(SeasonSpec.Which.LATEST), j + latest + 1 - i, false);
    }
    if (latest > 0 && isSeasonNoun(t, j + latest, v)) {
      return new SeasonMatch(SeasonSpec.of(SeasonSpec.Which.LATEST), j + latest + 1 - i,
          v.seriesWords.contains(key(t, j + latest)));
    }
    int next = v.seasonNext.matchAt(t, j);
    if (next > 0 && isSeasonNoun(t, j + next, v)) {
      return new SeasonMatch(SeasonSpec.of(SeasonSpec.Which.NEXT), j + next + 1 - i,
          v.seriesWords.contains(key(t, j + next)));
    }
    return null;
  }

  /**
   * "the first three seasons" (1 to 3), "all five seasons" (all), "the first and second season",
   * "die ersten drei Staffeln", "alle vier Staffeln", "die erste und zweite Staffel"; null when
   * none starts at {@code i} (its article, if any, ends before {@code j}).
   */
  private static SeasonMatch severalAt(List<String> t, int i, int j, Vocabulary v) {
    int all = v.seasonAllCount.matchAt(t, i);
    if (all > 0) {
      NumberWords.Match count = NumberWords.cardinal(t, i + all, v.german);
      if (count != null && isSeasonNoun(t, i + all + count.length(), v)) {
        return new SeasonMatch(SeasonSpec.of(SeasonSpec.Which.ALL), all + count.length() + 1, false);
      }
    }
    int first = v.seasonFirst.matchAt(t, j);
    if (first > 0) {
      NumberWords.Match count = NumberWords.cardinal(t, j + first, v.german);
      if (count != null && count.value() >= 2 && count.value() <= 100
          && isSeasonNoun(t, j + first + count.length(), v)) {
        return new SeasonMatch(SeasonSpec.several(1, count.value(), true), j + first + count.length() + 1 - i, false);
      }
    }
    NumberWords.Match one = NumberWords.ordinal(t, j, v.german);
    if (one != null) {
      int k = j + one.length();
      int join = v.seasonJoin.matchAt(t, k);
      NumberWords.Match two = join > 0 ? NumberWords.ordinal(t, k + join, v.german) : null;
      if (two != null && two.value() != one.value() && isSeasonNoun(t, k + join + two.length(), v)) {
        boolean range = v.seasonRange.contains(key(t, k)) && two.value() > one.value();
        return new SeasonMatch(SeasonSpec.several(one.value(), two.value(), range),
            k + join + two.length() + 1 - i, false);
      }
    }
    return null;
  }

  private static boolean isSeasonNoun(List<String> t, int i, Vocabulary v) {
    return i < t.size() && (v.seasonWords.contains(key(t, i)) || v.seriesWords.contains(key(t, i)));
  }

  private static String key(List<String> t, int i) {
    return Phrases.key(t.get(i));
  }
}
