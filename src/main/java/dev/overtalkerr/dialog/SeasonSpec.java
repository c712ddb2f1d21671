package dev.overtalkerr.dialog;

import java.util.Locale;

/**
 * Which season a person asked for: a number ("season two", "the second season", "series 2") or
 * a relative choice ("the latest season", "the next season", "all seasons"). Exactly one of the
 * two is set.
 *
 * @param number the season number, or null
 * @param which latest, next or all, or null
 */
public record SeasonSpec(Integer number, Which which) {
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
  }

  public static SeasonSpec number(int n) {
    return new SeasonSpec(n, null);
  }

  public static SeasonSpec of(Which which) {
    return new SeasonSpec(null, which);
  }
}
