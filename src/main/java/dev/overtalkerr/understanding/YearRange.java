package dev.overtalkerr.understanding;

/**
 * Release years a person named: one year ({@code from == to}), a decade, or a span.
 *
 * @param from first year, inclusive
 * @param to last year, inclusive
 */
public record YearRange(int from, int to) {
  public YearRange {
    if (to < from) {
      throw new IllegalArgumentException("year range ends before it starts: " + from + "-" + to);
    }
  }

  public static YearRange of(int year) {
    return new YearRange(year, year);
  }

  public static YearRange decade(int firstYear) {
    return new YearRange(firstYear, firstYear + 9);
  }

  public boolean contains(Integer year) {
    return year != null && year >= from && year <= to;
  }

}
