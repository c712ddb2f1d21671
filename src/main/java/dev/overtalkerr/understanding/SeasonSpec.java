package dev.overtalkerr.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which season a person asked for: a number ("season two", "the second season", "series 2"),
 * several ("seasons 4 to 6", "seasons 1 and 3"), or a relative choice ("the latest season", "the
 * next season", "all seasons"). Exactly one of {@code number} and {@code which} is set.
 *
 * @param number the (first) season number, or null
 * @param which latest, next or all, or null
 * @param more further season numbers asked for with {@code number}, ascending; usually empty
 */
public record SeasonSpec(Integer number, Which which, List<Integer> more) {
  /** Relative season choices. */
  public enum Which {
    LATEST,
    NEXT,
    ALL;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SeasonSpec {
    if ((number == null) == (which == null)) {
      throw new IllegalArgumentException("a season is either a number or latest/next/all");
    }
    if (number != null && number < 0) {
      throw new IllegalArgumentException("season numbers are not negative: " + number);
    }
    more = more == null ? List.of() : more.stream().filter(n -> !n.equals(number)).distinct().sorted().toList();
    if (number == null && !more.isEmpty()) {
      throw new IllegalArgumentException("several seasons are numbers");
    }
  }

  public SeasonSpec(Integer number, Which which) {
    this(number, which, List.of());
  }

  public static SeasonSpec number(int n) {
    return new SeasonSpec(n, null);
  }

  public static SeasonSpec of(Which which) {
    return new SeasonSpec(null, which);
  }

  /** Seasons {@code from} to {@code to}, or the two numbers when {@code range} is false. */
  public static SeasonSpec several(int from, int to, boolean range) {
    List<Integer> more = new ArrayList<>();
    if (range) {
      for (int n = from + 1; n <= Math.min(to, from + 100); n++) {
        more.add(n);
      }
    } else {
      more.add(to);
    }
    return new SeasonSpec(Math.min(from, to), null, range ? more : List.of(Math.max(from, to)));
  }

  /** Every season number asked for, ascending; empty for latest/next/all. */
  public List<Integer> numbers() {
    if (number == null) {
      return List.of();
    }
    List<Integer> all = new ArrayList<>();
    all.add(number);
    all.addAll(more);
    return all.stream().distinct().sorted().toList();
  }
}
