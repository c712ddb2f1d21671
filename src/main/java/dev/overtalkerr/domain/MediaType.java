package dev.overtalkerr.domain;

import java.util.Locale;
import java.util.Optional;

/** What kind of title a result is. Persons are never a {@code MediaType}: clients drop them. */
public enum MediaType {
  MOVIE("movie"),
  TV("tv");

  private final String wire;

  MediaType(String wire) {
    this.wire = wire;
  }

  /** The lower-case name used by the Seerr API and by our MQTT payloads. */
  public String wire() {
    return wire;
  }

  public static Optional<MediaType> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "movie", "film" -> Optional.of(MOVIE);
      case "tv", "show", "series" -> Optional.of(TV);
      default -> Optional.empty();
    };
  }
}
