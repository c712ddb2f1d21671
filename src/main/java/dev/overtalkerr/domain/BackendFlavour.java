package dev.overtalkerr.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of media request manager Overtalkerr talks to. */
public enum BackendFlavour {
  OVERSEERR("Overseerr"),
  JELLYSEERR("Jellyseerr"),
  SEERR("Seerr"),
  OMBI("Ombi"),
  DEMO("the demo catalogue");

  private final String displayName;

  BackendFlavour(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** True for Overseerr, Jellyseerr and Seerr, which share one API. */
  public boolean isSeerrFamily() {
    return this == OVERSEERR || this == JELLYSEERR || this == SEERR;
  }

  public static Optional<BackendFlavour> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (BackendFlavour f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return Optional.of(f);
      }
    }
    return value.trim().toLowerCase(Locale.ROOT).equals("mock") ? Optional.of(DEMO) : Optional.empty();
  }
}
