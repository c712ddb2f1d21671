package dev.overtalkerr.understanding;

import java.util.List;

/**
 * What Overtalkerr understood from one utterance, without asking any backend. The JSON printed by
 * {@code parse} (see the Assist contract) shows {@code intent}, {@code title}, {@code media_type},
 * {@code years}, {@code season}, {@code temporal} and {@code four_k} of the first reading.
 *
 * @param intent what the person wants
 * @param title the title as spoken (lower-case, no punctuation, articles and numbers kept), or
 *     null when none was said
 * @param mediaType film, series or either
 * @param years release years named, or null
 * @param season the season asked for, or null
 * @param temporal upcoming/latest wish, or null
 * @param fourK whether 4K was asked for
 * @param order "the newer one" / "the older one" preference when refining, or null
 * @param alternatives further readings of the title words (see {@link Reading}), most likely
 *     first; empty when the title is unambiguous
 */
public record Understanding(
    Intent intent,
    String title,
    TypeHint mediaType,
    YearRange years,
    SeasonSpec season,
    Temporal temporal,
    boolean fourK,
    Order order,
    List<Reading> alternatives) {

  /** "the newer one" or "the older one" / "the original". */
  public enum Order {
    NEWER,
    OLDER
  }

  public Understanding {
    mediaType = mediaType == null ? TypeHint.ANY : mediaType;
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  public static Understanding of(Intent intent) {
    return new Understanding(intent, null, TypeHint.ANY, null, null, null, false, null, List.of());
  }

  /** The primary reading followed by the alternatives. */
  public List<Reading> readings() {
    if (title == null && alternatives.isEmpty()) {
      return List.of();
    }
    var all = new java.util.ArrayList<Reading>();
    if (title != null) {
      all.add(new Reading(title, years));
    }
    all.addAll(alternatives);
    return List.copyOf(all);
  }

  public boolean hasTitle() {
    return title != null && !title.isBlank();
  }
}
