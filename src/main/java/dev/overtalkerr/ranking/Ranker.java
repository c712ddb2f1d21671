package dev.overtalkerr.ranking;

import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.Temporal;
import dev.overtalkerr.understanding.Understanding;

import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.Titles;
import dev.overtalkerr.ranking.TitleSimilarity.Match;
import dev.overtalkerr.ranking.TitleSimilarity.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders search results by how well they fit what the person said. Nothing is ever dropped: a
 * result that does not fit goes to the end, so that a misheard year or type still finds something.
 *
 * <p>The score of a result is a sum of components, each named in {@link Ranked#explanation()}
 * and logged at DEBUG:
 *
 * <ul>
 *   <li><b>title</b> (0..1): the best {@link TitleSimilarity} of a reading's title to the
 *       result's title, original title or alternative titles (a match on a title other than the
 *       main one costs 0.02). Tiers: exact 1.00, exact-but-article 0.95, prefix/sequel 0.75-0.85,
 *       contains 0.60-0.70, fuzzy up to 0.60.
 *   <li><b>year</b>: from the reading's years (one year, a decade or a span): +0.05 inside,
 *       -2 outside (the result sinks below every result inside, but keeps its order), 0 when the
 *       reading has no years or the result no date.
 *   <li><b>type</b>: -4 when the person named a type (film/series) and the result is the other,
 *       so that the other type follows after all of the asked-for type.
 *   <li><b>backend-rank</b> (0..0.03) and <b>popularity</b> (0..0.05, log-scaled against the most
 *       popular result): gentle priors. Together they stay below the gap between two tiers, so
 *       they decide between remakes ("dune": 2021 before 1984) and never lift a sequel over the
 *       exact title; only "office" vs "The Office" (0.05 apart) may be swapped by them.
 *   <li><b>temporal</b>: with "the upcoming ..." or "the latest ..." (or "the newer/older one"),
 *       for every result that fits reasonably (title at least 0.45, right type, right years) the
 *       title counts only a tenth and recency decides: +1 for such a result, and for UPCOMING
 *       +1.1 more for a future release (+1.0 for an undated one), then released ones newest first
 *       (up to +0.8, by rank of release date, not distance in time); for LATEST/NEWER released ones
 *       newest first (+0.2 to +1.0), unreleased ones after them; for OLDER released ones oldest
 *       first.
 *       Weak fuzzy matches get no temporal boost, so "upcoming" never lifts a wrong title over
 *       the right one.
 *   <li><b>reading</b>: -0.01 per reading after the first, so equal matches favour the most
 *       likely reading.
 *   <li>The title is also compared with the ways a stylised title is said ({@link SpokenForms}:
 *       "seven" finds "Se7en", "megan" "M3GAN", "rocky five" "Rocky V"), like an alternative title.
 *       Where the title matches only weakly (tiers within and fuzzy: words left over that match
 *       nothing, speech errors) the backend's order counts more (up to 0.12 instead of 0.03): it
 *       is good evidence, and leftover words must not pull an unrelated title above its first.
 * </ul>
 *
 * <p>{@link Preferences}, what was said besides the title, add:
 *
 * <ul>
 *   <li><b>person</b> +0.6 for a title the named person is credited on: enough to choose between
 *       remakes and namesakes ("dune" with Kyle MacLachlan is the 1984 film), not to lift a title
 *       whose words do not fit over one whose do.
 *   <li><b>kind</b> +0.3 for an animated film or a documentary when that was asked for, -0.3 for
 *       an animated one when live action was.
 *   <li><b>origin</b> +0.3 for a title from the named country ({@link Origins}).
 *   <li><b>sequel</b> +1.5 for the counted entry of a series ({@link Sequels}), also for a number
 *       after the title that no result carries ("the hunger games 2").
 * </ul>
 *
 * <p>Several readings ("dune 2021" read as "dune" of 2021, and as the title "dune 2021"): every
 * result is scored against every reading and keeps its best, so a result that matches one reading
 * exactly in the right year beats a fuzzy match of the other. Results are merged and de-duplicated
 * by (type, TMDB id); the backend rank is a result's best position in any list. Equal scores go to
 * the newer release, then to the backend's order. Original language plays no part.
 */
public final class Ranker {
  private static final Logger log = LoggerFactory.getLogger(Ranker.class);

  static final double OTHER_TITLE_PENALTY = 0.02;
  static final double YEAR_IN_RANGE = 0.05;
  static final double YEAR_OUT_OF_RANGE = -2.0;
  static final double WRONG_TYPE = -4.0;
  static final double READING_PENALTY = 0.01;
  static final double BACKEND_PRIOR = 0.03;
  static final double POPULARITY_PRIOR = 0.05;
  static final double REASONABLE_TITLE = 0.45;
  /** The backend's order where the title matches only weakly (within or fuzzy): good evidence. */
  static final double WEAK_MATCH_BACKEND_PRIOR = 0.12;
  static final double PERSON_CREDITED = 0.6;
  static final double KIND_FIT = 0.3;
  static final double ORIGIN_FIT = 0.3;
  static final double SEQUEL_PICKED = 1.5;
  /** Entries of a series less popular than this share of its most popular one are not counted. */
  static final double SEQUEL_MIN_POPULARITY_SHARE = 0.05;
  /** The largest number after a title that may count an entry of a series ("the hunger games 2"). */
  static final int MAX_SEQUEL = 20;

  private final Clock clock;

  /** @param clock tells today, for what is upcoming and what is already released */
  public Ranker(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Ranks the results of one or more searches (one per {@link Reading} of the utterance), best
   * first, de-duplicated by (type, tmdbId); drops nothing for language; logs each score's
   * explanation at DEBUG.
   */
  public List<Ranked> rank(Understanding understanding, Map<Reading, List<MediaItem>> resultsPerReading) {
    return rank(understanding, resultsPerReading, Preferences.NONE);
  }

  /**
   * Ranks as {@link #rank(Understanding, Map)}, also choosing by what was said besides the title:
   * the entry of a series, the kind, the country of origin and a person's credits.
   */
  public List<Ranked> rank(Understanding understanding, Map<Reading, List<MediaItem>> resultsPerReading,
      Preferences preferences) {
    Objects.requireNonNull(understanding, "understanding");
    Preferences wishes = preferences == null ? Preferences.NONE : preferences;
    if (resultsPerReading == null || resultsPerReading.isEmpty()) {
      return List.of();
    }
    List<Reading> readings = orderedReadings(understanding, resultsPerReading);
    Map<Object, Candidate> candidates = collect(readings, resultsPerReading);
    if (candidates.isEmpty()) {
      return List.of();
    }
    double maxPopularity = candidates.values().stream().mapToDouble(c -> c.item.popularity()).max().orElse(0);
    for (Candidate c : candidates.values()) {
      scoreFit(c, understanding, readings, maxPopularity);
      scoreWishes(c, wishes);
    }
    Sequels.pick(understanding, readings, wishes.sequel(), candidates.values());
    Mode mode = Mode.of(understanding);
    if (mode != null) {
      applyTemporal(mode, candidates.values());
    }
    List<Candidate> sorted = new ArrayList<>(candidates.values());
    sorted.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.item.releaseDate(), Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
        .thenComparingInt(c -> c.backendRank));
    List<Ranked> ranked = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      if (log.isDebugEnabled()) {
        log.debug("rank {}: {} {} '{}' ({}): {}", i, c.item.type().wire(), c.item.tmdbId(), c.item.title(),
            c.item.year(), c.explain());
      }
      ranked.add(new Ranked(c.item, c.score(), c::explain));
    }
    return List.copyOf(ranked);
  }

  /** The understanding's readings that have results first, in its order, then any others. */
  private static List<Reading> orderedReadings(Understanding u, Map<Reading, List<MediaItem>> results) {
    Set<Reading> ordered = new LinkedHashSet<>();
    for (Reading r : u.readings()) {
      if (results.containsKey(r)) {
        ordered.add(r);
      }
    }
    ordered.addAll(results.keySet());
    return List.copyOf(ordered);
  }

  private static Map<Object, Candidate> collect(List<Reading> readings, Map<Reading, List<MediaItem>> results) {
    Map<Object, Candidate> candidates = new LinkedHashMap<>();
    for (Reading r : readings) {
      List<MediaItem> items = results.get(r);
      if (items == null) {
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        MediaItem item = items.get(i);
        if (item == null || item.type() == null) {
          continue;
        }
        int position = i;
        candidates.merge(key(item), new Candidate(item, position), (old, fresh) -> {
          old.backendRank = Math.min(old.backendRank, position);
          return old;
        });
      }
    }
    return candidates;
  }

  /** (type, TMDB id); results without an id (some Ombi answers) fall back to title and year. */
  private static Object key(MediaItem item) {
    if (item.tmdbId() != 0) {
      return List.of(item.type(), item.tmdbId());
    }
    return List.of(item.type(), Titles.normalize(item.title()), Objects.toString(item.year()));
  }

  /** Title, year, type and the priors: everything but the temporal wish. */
  private static void scoreFit(Candidate c, Understanding u, List<Reading> readings, double maxPopularity) {
    for (int i = 0; i < readings.size(); i++) {
      Reading r = readings.get(i);
      NamedMatch title = bestTitle(r.title(), c.item);
      double year;
      String yearWord;
      if (r.years() == null || c.item.year() == null) {
        year = 0;
        yearWord = r.years() == null ? "none" : "undated";
      } else if (r.years().contains(c.item.year())) {
        year = YEAR_IN_RANGE;
        yearWord = "in-range";
      } else {
        year = YEAR_OUT_OF_RANGE;
        yearWord = "out-of-range";
      }
      double value = title.match.score() + year - READING_PENALTY * i;
      if (c.reading < 0 || value > c.title.match.score() + c.year - READING_PENALTY * c.reading) {
        c.reading = i;
        c.title = title;
        c.year = year;
        c.yearWord = yearWord;
      }
    }
    c.type = u.mediaType().accepts(c.item.type()) ? 0 : WRONG_TYPE;
    Tier tier = c.title.match.tier();
    double prior = tier == Tier.WITHIN || tier == Tier.FUZZY ? WEAK_MATCH_BACKEND_PRIOR : BACKEND_PRIOR;
    c.backend = prior * (1.0 - Math.min(c.backendRank, 10) / 10.0);
    c.popularity = maxPopularity <= 0 ? 0
        : POPULARITY_PRIOR * Math.log1p(Math.max(0, c.item.popularity())) / Math.log1p(maxPopularity);
  }

  /** A person's credits, the kind and the country of origin. */
  private static void scoreWishes(Candidate c, Preferences wishes) {
    if (wishes.credits() != null && wishes.credits().includes(c.item)) {
      c.person = PERSON_CREDITED;
    }
    if (wishes.kind() != null) {
      c.kind = KIND_FIT * wishes.kind().fit(c.item);
    }
    if (wishes.origin() != null && Origins.from(c.item, wishes.origin())) {
      c.origin = ORIGIN_FIT;
    }
  }

  /**
   * The best match among the title, the original title, the alternative titles and the ways a
   * stylised title is said ({@link SpokenForms}); anything but the title costs a little.
   */
  static NamedMatch bestTitle(String spoken, MediaItem item) {
    NamedMatch best = new NamedMatch(TitleSimilarity.compare(spoken, item.title()), null, 0);
    List<String> others = new ArrayList<>();
    if (item.originalTitle() != null) {
      others.add(item.originalTitle());
    }
    others.addAll(item.alternativeTitles());
    others.addAll(SpokenForms.of(item.title()));
    for (String other : others) {
      if (other == null || other.equals(item.title())) {
        continue;
      }
      Match m = TitleSimilarity.compare(spoken, other);
      if (m.score() - OTHER_TITLE_PENALTY > best.score()) {
        best = new NamedMatch(m, other, OTHER_TITLE_PENALTY);
      }
    }
    return best;
  }

  private void applyTemporal(Mode mode, java.util.Collection<Candidate> candidates) {
    LocalDate today = LocalDate.now(clock);
    List<Candidate> fitting = candidates.stream()
        .filter(c -> c.title.score() >= REASONABLE_TITLE && c.type == 0 && c.year >= 0)
        .toList();
    // Recency by rank among the released fitting results (newest 1, oldest 0), not by distance in
    // time: one month apart must still outweigh the priors.
    List<LocalDate> releaseDates = fitting.stream().filter(c -> released(c.item, today))
        .map(c -> c.item.releaseDate()).distinct().sorted().toList();
    for (Candidate c : fitting) {
      double recency = 1.0;
      if (released(c.item, today) && releaseDates.size() > 1) {
        recency = (double) releaseDates.indexOf(c.item.releaseDate()) / (releaseDates.size() - 1);
      }
      double bonus;
      String word;
      boolean released = released(c.item, today);
      switch (mode) {
        case UPCOMING -> {
          if (!released) {
            bonus = c.item.releaseDate() == null ? 1.0 : 1.1;
            word = c.item.releaseDate() == null ? "undated" : "future";
          } else {
            bonus = 0.8 * recency;
            word = "released";
          }
        }
        case LATEST, NEWER -> {
          bonus = released ? 0.2 + 0.8 * recency : 0;
          word = released ? "released" : "unreleased";
        }
        default -> {
          bonus = released ? 0.2 + 0.8 * (1.0 - recency) : 0;
          word = released ? "released" : "unreleased";
        }
      }
      // The title counts a tenth: take 0.9 of it back, and add the base of 1 for fitting.
      c.temporal = 1.0 + bonus - 0.9 * c.title.score();
      c.temporalWord = mode.wire() + ":" + word;
    }
  }

  private static boolean released(MediaItem item, LocalDate today) {
    return item.releaseDate() != null && !item.releaseDate().isAfter(today);
  }

  /** Which way recency should decide, from the temporal wish or a "newer/older one". */
  private enum Mode {
    UPCOMING,
    LATEST,
    NEWER,
    OLDER;

    static Mode of(Understanding u) {
      if (u.temporal() != null) {
        return u.temporal() == Temporal.UPCOMING ? UPCOMING : LATEST;
      }
      if (u.order() != null) {
        return u.order() == Understanding.Order.NEWER ? NEWER : OLDER;
      }
      return null;
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  record NamedMatch(Match match, String via, double penalty) {
    double score() {
      return match.score() - penalty;
    }
  }

  /** One distinct result and its score components. */
  static final class Candidate {
    final MediaItem item;
    double person;
    double kind;
    double origin;
    double sequel;
    String sequelWord;
    int backendRank;
    int reading = -1;
    NamedMatch title;
    double year;
    String yearWord;
    double type;
    double backend;
    double popularity;
    double temporal;
    String temporalWord;

    Candidate(MediaItem item, int backendRank) {
      this.item = item;
      this.backendRank = backendRank;
    }

    double score() {
      return title.score() + year - READING_PENALTY * reading + type + backend + popularity + temporal + person + kind
          + origin + sequel;
    }

    String explain() {
      StringBuilder s = new StringBuilder();
      Tier tier = title.match.tier();
      s.append(String.format(Locale.ROOT, "title=%s(%.2f)", tier.wire(), title.score()));
      if (title.via != null) {
        s.append(" via='").append(title.via).append('\'');
      }
      if (reading > 0) {
        s.append(" reading=").append(reading).append(String.format(Locale.ROOT, "(%+.2f)", -READING_PENALTY * reading));
      }
      s.append(" year=").append(yearWord);
      if (year != 0) {
        s.append(String.format(Locale.ROOT, "(%+.2f)", year));
      }
      s.append(" type=").append(type == 0 ? "ok" : String.format(Locale.ROOT, "other(%+.2f)", type));
      s.append(String.format(Locale.ROOT, " backend-rank=%d(%+.2f) popularity=%.1f(%+.3f)", backendRank, backend,
          item.popularity(), popularity));
      if (person != 0) {
        s.append(String.format(Locale.ROOT, " person=credited(%+.2f)", person));
      }
      if (kind != 0) {
        s.append(String.format(Locale.ROOT, " kind=%s(%+.2f)", kind > 0 ? "fits" : "other", kind));
      }
      if (origin != 0) {
        s.append(String.format(Locale.ROOT, " origin=fits(%+.2f)", origin));
      }
      if (sequelWord != null) {
        s.append(" sequel=").append(sequelWord).append(String.format(Locale.ROOT, "(%+.2f)", sequel));
      }
      if (temporalWord != null) {
        // the component already takes 0.9 of the title back, so the shown parts add up to the score
        s.append(" temporal=").append(temporalWord)
            .append(String.format(Locale.ROOT, "(%+.2f, title counts x0.1)", temporal));
      }
      s.append(String.format(Locale.ROOT, " -> %.3f", score()));
      return s.toString();
    }
  }
}
