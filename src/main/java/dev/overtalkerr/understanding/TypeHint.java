package dev.overtalkerr.understanding;

import dev.overtalkerr.domain.MediaType;
import java.util.Locale;

/** The media type a person named, if any ("the film", "the series"). */
public enum TypeHint {
  MOVIE,
  TV,
  ANY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean accepts(MediaType type) {
    return this == ANY || (this == MOVIE && type == MediaType.MOVIE) || (this == TV && type == MediaType.TV);
  }

  public static TypeHint of(MediaType type) {
    return type == MediaType.MOVIE ? MOVIE : TV;
  }
}
