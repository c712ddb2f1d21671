package dev.overtalkerr.understanding;

import java.util.Locale;

/** A wish about when the title comes out: "the upcoming one", "when it comes out", "the latest". */
public enum Temporal {
  UPCOMING,
  LATEST;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
