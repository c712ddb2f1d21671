package dev.overtalkerr.understanding;

/**
 * One way to read the title words of an utterance. A number that may belong to the title or be a
 * year ("2012", "ocean's 8", "blade runner 2049") gives two readings; the search results settle
 * which one is meant.
 *
 * @param title the title, lower-case, every spoken word kept, no punctuation
 * @param years the release years this reading implies, or null
 */
public record Reading(String title, YearRange years) {}
