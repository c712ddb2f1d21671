package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.Titles;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well a spoken title matches a written one, in tiers that a person would agree with.
 *
 * <p>Both sides are first {@linkplain Titles#normalize normalised}: lower case, accents folded ("Amélie"
 * = "amelie"), apostrophes dropped ("ocean's" = "oceans"), other punctuation turned into spaces
 * ("Spider-Man" = "spider man"), "&amp;" read as "and", and English number words and small Roman
 * numerals written as digits ("ocean's eight" = "oceans 8", "part two" = "part ii" = "part 2",
 * "nineteen seventeen" = "1917"). Articles are kept. Then:
 *
 * <ol>
 *   <li>{@link Tier#EXACT} (1.00): the same words, or the same letters once spaces are ignored
 *       ("spiderman" = "Spider-Man").
 *   <li>{@link Tier#EXACT_BUT_ARTICLE} (0.95): equal once a leading article is dropped from
 *       either side ("office" = "The Office"); only slightly below exact, so that popularity may
 *       still decide between "Office" and "The Office".
 *   <li>{@link Tier#PREFIX} (0.75 to 0.85): the spoken words start the title, as sequels and
 *       subtitles do ("dune" in "Dune: Part Two"); fewer extra words score higher.
 *   <li>{@link Tier#CONTAINS} (0.60 to 0.70): the spoken words appear, as whole words, inside
 *       the title ("office" in "The Office Christmas Party").
 *   <li>{@link Tier#WITHIN} (0.50 to 0.59): the other way round, the whole written title appears,
 *       as whole words, inside what was said, with words left over that match nothing ("the wild
 *       robot for my daughter"); the more of the spoken words it covers the higher, +0.01 when it
 *       starts them. Leftover words so never make an unrelated title that shares them look better
 *       than the title that was meant (the backend's order then decides, see {@link Ranker}).
 *   <li>{@link Tier#FUZZY} (0 to 0.60): for speech and spelling errors ("intersteller",
 *       "the matricks"): the better of a character edit-distance similarity (also on a rough
 *       phonetic key where "x" = "cks", "ph" = "f"...) and a word-by-word similarity, times 0.6.
 * </ol>
 *
 * <p>The prefix and contains tiers also hold when they only work without a leading article
 * ("the office" in "Office Christmas Party"), 0.05 lower. The tiers never overlap, so a small
 * prior (popularity, the backend's order) can break ties inside a tier but never lift a title over
 * a better tier, except between exact and exact-but-article.
 */
public final class TitleSimilarity {

  /** The match tiers, best first. */
  public enum Tier {
    EXACT,
    EXACT_BUT_ARTICLE,
    PREFIX,
    CONTAINS,
    WITHIN,
    FUZZY;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One comparison's outcome.
   *
   * @param tier which tier matched
   * @param score 0..1, ordered by tier first (see the class comment)
   */
  public record Match(Tier tier, double score) {
    public static final Match NONE = new Match(Tier.FUZZY, 0.0);

    public boolean betterThan(Match other) {
      return score > other.score;
    }
  }

  static final double EXACT = 1.0;
  static final double EXACT_BUT_ARTICLE = 0.95;
  static final double PREFIX_MAX = 0.85;
  static final double PREFIX_MIN = 0.75;
  static final double CONTAINS_MAX = 0.70;
  static final double CONTAINS_MIN = 0.60;
  static final double WITHIN_MIN = 0.50;
  static final double WITHIN_SPAN = 0.08;
  static final double FUZZY_MAX = 0.60;
  static final double ARTICLE_PENALTY = 0.05;

  private TitleSimilarity() {}

  /** Compares a spoken title with one written title. */
  public static Match compare(String spoken, String written) {
    if (spoken == null || written == null) {
      return Match.NONE;
    }
    List<String> q = Titles.tokens(spoken);
    List<String> t = Titles.tokens(written);
    if (q.isEmpty() || t.isEmpty()) {
      return Match.NONE;
    }
    if (q.equals(t) || String.join("", q).equals(String.join("", t))) {
      return new Match(Tier.EXACT, EXACT);
    }
    List<String> qa = Titles.withoutArticle(q);
    List<String> ta = Titles.withoutArticle(t);
    if (!qa.isEmpty() && !ta.isEmpty()
        && (qa.equals(ta) || String.join("", qa).equals(String.join("", ta)))) {
      return new Match(Tier.EXACT_BUT_ARTICLE, EXACT_BUT_ARTICLE);
    }
    Match best = new Match(Tier.FUZZY, FUZZY_MAX * fuzzy(qa.isEmpty() ? q : qa, ta.isEmpty() ? t : ta));
    best = better(best, wordMatch(q, t, 0.0));
    if (!qa.isEmpty() && !ta.isEmpty() && (qa.size() != q.size() || ta.size() != t.size())) {
      best = better(best, wordMatch(qa, ta, ARTICLE_PENALTY));
    }
    best = better(best, within(q, t.equals(ta) ? t : ta));
    return best;
  }

  /** The written words {@code t} as a run inside the longer spoken {@code q}; null when not. */
  private static Match within(List<String> q, List<String> t) {
    if (t.isEmpty() || t.size() >= q.size()) {
      return null;
    }
    for (int i = 0; i + t.size() <= q.size(); i++) {
      if (q.subList(i, i + t.size()).equals(t)) {
        boolean start = i == 0 || (i == 1 && Titles.withoutArticle(q).size() == q.size() - 1);
        double coverage = (double) t.size() / q.size();
        return new Match(Tier.WITHIN, WITHIN_MIN + WITHIN_SPAN * coverage + (start ? 0.01 : 0));
      }
    }
    return null;
  }

  private static Match better(Match a, Match b) {
    return b != null && b.betterThan(a) ? b : a;
  }

  /** Prefix or whole-word containment of {@code q} in {@code t}; null when neither holds. */
  private static Match wordMatch(List<String> q, List<String> t, double penalty) {
    if (q.size() >= t.size()) {
      return null;
    }
    int extra = t.size() - q.size();
    if (t.subList(0, q.size()).equals(q)) {
      double s = Math.max(PREFIX_MIN, PREFIX_MAX - 0.03 * (extra - 1));
      return new Match(Tier.PREFIX, s - penalty);
    }
    for (int i = 1; i + q.size() <= t.size(); i++) {
      if (t.subList(i, i + q.size()).equals(q)) {
        double s = Math.max(CONTAINS_MIN, CONTAINS_MAX - 0.02 * (extra - 1));
        return new Match(Tier.CONTAINS, s - penalty);
      }
    }
    return null;
  }

  /**
   * A 0..1 similarity for titles that match in no better tier: the best of a character
   * similarity (plain and phonetic) and a word-by-word one.
   */
  static double fuzzy(List<String> q, List<String> t) {
    String qs = String.join(" ", q);
    String ts = String.join(" ", t);
    double chars = Math.max(ratio(qs, ts), ratio(phonetic(qs), phonetic(ts)));
    double sum = 0;
    for (String word : q) {
      double bestWord = 0;
      for (String candidate : t) {
        bestWord = Math.max(bestWord, Math.max(ratio(word, candidate), ratio(phonetic(word), phonetic(candidate))));
      }
      sum += bestWord;
    }
    double coverage = (double) Math.min(q.size(), t.size()) / Math.max(q.size(), t.size());
    double words = sum / q.size() * Math.sqrt(coverage);
    return Math.max(chars, words);
  }

  /** 1 - edit distance / longer length. */
  static double ratio(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    return longer == 0 ? 1.0 : 1.0 - (double) Titles.levenshtein(a, b) / longer;
  }

  /**
   * A rough English sound-alike key, so that spellings a speech recogniser picks for the same
   * sounds compare equal: "matricks" and "matrix" both become "matriks".
   */
  static String phonetic(String s) {
    String p = s.replace("ph", "f").replace("ck", "k").replace("x", "ks").replace("c", "k")
        .replace("z", "s").replace("y", "i").replace("ee", "i");
    StringBuilder out = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      if (i == 0 || p.charAt(i) != p.charAt(i - 1)) {
        out.append(p.charAt(i));
      }
    }
    return out.toString();
  }

}
