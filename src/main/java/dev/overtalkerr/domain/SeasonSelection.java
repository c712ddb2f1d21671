package dev.overtalkerr.domain;

import java.util.List;

/**
 * Which seasons of a series to request: a list of numbers, or all that are still missing.
 *
 * @param all true for "all" (the backend requests every season not already requested)
 * @param numbers the season numbers when {@code all} is false; sorted, distinct, all &gt; 0
 */
public record SeasonSelection(boolean all, List<Integer> numbers) {
  public static final SeasonSelection ALL = new SeasonSelection(true, List.of());

  public SeasonSelection {
    numbers = numbers == null ? List.of() : numbers.stream().distinct().sorted().toList();
    if (!all && numbers.isEmpty()) {
      throw new IllegalArgumentException("a season selection needs at least one season or 'all'");
    }
    if (numbers.stream().anyMatch(n -> n <= 0)) {
      throw new IllegalArgumentException("season numbers start at 1: " + numbers);
    }
  }

  public static SeasonSelection of(List<Integer> numbers) {
    return new SeasonSelection(false, numbers);
  }

  public static SeasonSelection of(int... numbers) {
    return new SeasonSelection(false, java.util.Arrays.stream(numbers).boxed().toList());
  }
}
