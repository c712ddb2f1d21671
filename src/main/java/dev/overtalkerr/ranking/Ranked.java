package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.MediaItem;
import java.util.function.Supplier;

/**
 * One search result with the score the {@link Ranker} gave it.
 *
 * @param item the result
 * @param score higher is better; comparable only within one {@link Ranker#rank} call (results of
 *     another type than asked for, or outside the asked-for years, score below zero)
 * @param why the score's components, worked out only when asked for ({@link #explanation()}):
 *     building them for every candidate of every turn was a sixth of a turn's garbage
 */
public record Ranked(MediaItem item, double score, Supplier<String> why) {
  /**
   * The score's components for the debug log, e.g. {@code title=exact(1.00) year=in-range(+0.05)
   * type=ok backend-rank=0 popularity=0.05 -> 1.13}.
   */
  public String explanation() {
    return why.get();
  }
}
