package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.Titles;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import java.util.List;

/**
 * Whether to ask "the film or the series?" before offering anything: only when a film and a series
 * both carry exactly the spoken title, nothing said tells them apart (no type, no season, no year
 * that separates them), and both are real candidates. An obscure namesake far behind in
 * popularity and votes ("Barbie", the film, and a forgotten series of that name) is no reason to
 * ask: the ranked order stands and the namesake is still offered after a "no".
 */
public final class FilmOrSeries {
  /** The other one counts when it has at least this share of the first one's popularity or votes. */
  static final double REAL_CANDIDATE_SHARE = 0.1;
  /** Only the first few results are looked at. */
  static final int LOOK_AHEAD = 4;

  private FilmOrSeries() {}

  /** @param ranked the {@link Ranker}'s order, best first */
  public static boolean worthAsking(Understanding u, List<Ranked> ranked) {
    if (u.mediaType() != TypeHint.ANY || u.season() != null || u.title() == null || ranked.size() < 2) {
      return false;
    }
    MediaItem best = ranked.get(0).item();
    String spoken = Titles.normalize(u.title());
    if (!Titles.normalize(best.title()).equals(spoken)) {
      return false;
    }
    return ranked.stream().skip(1).limit(LOOK_AHEAD).map(Ranked::item)
        .anyMatch(other -> other.type() != best.type() && Titles.normalize(other.title()).equals(spoken)
            && (u.years() == null || u.years().contains(other.year()) == u.years().contains(best.year()))
            && real(other, best));
  }

  /** Whether {@code other} is a real candidate next to {@code best}; unknown figures count as real. */
  static boolean real(MediaItem other, MediaItem best) {
    boolean popularityKnown = other.popularity() > 0 && best.popularity() > 0;
    boolean votesKnown = best.voteCount() > 0;
    if (!popularityKnown && !votesKnown) {
      return true;
    }
    boolean popular = popularityKnown && other.popularity() >= REAL_CANDIDATE_SHARE * best.popularity();
    boolean voted = votesKnown && other.voteCount() >= REAL_CANDIDATE_SHARE * best.voteCount();
    return popular || voted;
  }
}
