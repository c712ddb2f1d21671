package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.MediaItem;

/**
 * One search result with the score the {@link Ranker} gave it.
 *
 * @param item the result
 * @param score higher is better; comparable only within one {@link Ranker#rank} call (results of
 *     another type than asked for, or outside the asked-for years, score below zero)
 * @param explanation the score's components for the debug log, e.g. {@code title=exact(1.00)
 *     year=in-range(+0.05) type=ok backend-rank=0 popularity=0.05 -> 1.13}
 */
public record Ranked(MediaItem item, double score, String explanation) {}
