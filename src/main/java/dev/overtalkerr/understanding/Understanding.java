package dev.overtalkerr.understanding;

import dev.overtalkerr.domain.Kind;
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
 * @param person a director's or actor's name said with the title ("dune, the one with kyle
 *     maclachlan"), lower case, never part of the title; or null
 * @param sequel the entry of a series counted by the person ("the second harry potter film" is
 *     2 of "harry potter"), or null
 * @param kind animation, live action or documentary, when said ("the animated lion king"), or null
 * @param origin the country a title comes from, ISO 3166 lower case ("the korean oldboy" is
 *     "kr"), or null
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
    List<Reading> alternatives,
    String person,
    Integer sequel,
    Kind kind,
    String origin) {

  /** "the newer one" or "the older one" / "the original". */
  public enum Order {
    NEWER,
    OLDER
  }

  public Understanding {
    mediaType = mediaType == null ? TypeHint.ANY : mediaType;
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  /** Without person, sequel, kind or origin. */
  public Understanding(Intent intent, String title, TypeHint mediaType, YearRange years, SeasonSpec season,
      Temporal temporal, boolean fourK, Order order, List<Reading> alternatives) {
    this(intent, title, mediaType, years, season, temporal, fourK, order, alternatives, null, null, null, null);
  }

  public static Understanding of(Intent intent) {
    return new Understanding(intent, null, TypeHint.ANY, null, null, null, false, null, List.of());
  }

  /** The same understanding with another intent. */
  public Understanding withIntent(Intent other) {
    return new Understanding(other, title, mediaType, years, season, temporal, fourK, order, alternatives, person,
        sequel, kind, origin);
  }

  /** The same understanding naming another media type. */
  public Understanding withType(TypeHint other) {
    return new Understanding(intent, title, other, years, season, temporal, fourK, order, alternatives, person, sequel, kind,
        origin);
  }

  /** The same understanding naming another season. */
  public Understanding withSeason(SeasonSpec other) {
    return new Understanding(intent, title, mediaType, years, other, temporal, fourK, order, alternatives, person, sequel, kind,
        origin);
  }

  /** The same understanding with other further readings of the title. */
  public Understanding withAlternatives(List<Reading> other) {
    return new Understanding(intent, title, mediaType, years, season, temporal, fourK, order, other, person, sequel, kind, origin);
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
