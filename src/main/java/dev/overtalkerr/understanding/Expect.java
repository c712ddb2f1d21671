package dev.overtalkerr.understanding;

import java.util.Locale;

/**
 * What the conversation waits for: the Assist contract's {@code expect}, and what the
 * {@link Interpreter} is told so that it reads an answer as an answer ("two" to "which season?").
 */
public enum Expect {
  /** Nothing is pending. */
  NONE,
  /** A yes, a no, the next one or a narrowing of the title on offer. */
  CONFIRM,
  /** Which season (or seasons) of the series on offer. */
  SEASON,
  /** The film or the series of that name. */
  MEDIA_TYPE,
  /** A title. */
  TITLE,
  /** Yes to playing a title that is already in the library, or no. */
  PLAY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True while a title is on offer (its confirmation, its season, or playing it). */
  public boolean hasOffer() {
    return this == CONFIRM || this == SEASON || this == PLAY;
  }
}
