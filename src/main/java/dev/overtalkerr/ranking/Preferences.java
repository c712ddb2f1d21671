package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Kind;
import dev.overtalkerr.understanding.Understanding;
import java.util.Locale;

/**
 * What a person said about the title besides its words, for the {@link Ranker} to choose among
 * results: which entry of a series ("the second Harry Potter film"), which kind ("the animated
 * one"), where it comes from ("the Korean Oldboy") and who made or played in it ("Dune, the one
 * with Kyle MacLachlan", resolved to the person's credits by the backend).
 *
 * @param sequel the entry of a series by its place (1 = the first), or null
 * @param kind animation, live action or documentary, or null
 * @param origin an ISO 3166 country code (lower or upper case), or null
 * @param credits the titles a named person is credited on, or null when no person was named
 */
public record Preferences(Integer sequel, Kind kind, String origin, Credits credits) {
  /** Nothing said besides the title. */
  public static final Preferences NONE = new Preferences(null, null, null, null);

  public Preferences {
    if (sequel != null && sequel < 1) {
      throw new IllegalArgumentException("a sequel is counted from 1: " + sequel);
    }
    origin = origin == null || origin.isBlank() ? null : origin.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * What the understanding says besides the title, with the named person's credits as the backend
   * gave them ({@code MediaBackend.credits(u.person(), language)}; null when no person was named).
   */
  public static Preferences of(Understanding u, Credits credits) {
    return new Preferences(u.sequel(), u.kind(), u.origin(), u.person() == null ? null : credits);
  }

  public static Preferences sequel(int n) {
    return new Preferences(n, null, null, null);
  }

  public static Preferences kind(Kind kind) {
    return new Preferences(null, kind, null, null);
  }

  public static Preferences origin(String country) {
    return new Preferences(null, null, country, null);
  }

  public static Preferences credits(Credits credits) {
    return new Preferences(null, null, null, credits);
  }
}
