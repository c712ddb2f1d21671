package dev.overtalkerr.understanding;

import java.util.Locale;
import java.util.Optional;

/** What a Home Assistant sentence trigger says a turn is (the Assist contract's {@code intent}). */
public enum Hint {
  REQUEST,
  MOVIE,
  SHOW,
  SEASON,
  CONFIRM,
  REJECT,
  NEXT,
  CANCEL,
  HELP,
  /** A question about a title or the requests ("is {title} ready", "what's downloading"). */
  STATUS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The hint a wire value names; empty for null or an unknown value. */
  public static Optional<Hint> of(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    for (Hint h : values()) {
      if (h.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** True for hints that announce a request with a title (the trigger cut the title out). */
  public boolean announcesRequest() {
    return this == REQUEST || this == MOVIE || this == SHOW || this == SEASON;
  }
}
