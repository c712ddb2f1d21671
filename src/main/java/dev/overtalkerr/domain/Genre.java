package dev.overtalkerr.domain;

import java.util.Optional;

/**
 * The genres that change which title a person means ("the animated one", "the documentary"). Other
 * genres are not kept.
 */
public enum Genre {
  ANIMATION,
  DOCUMENTARY;

  /** The genre of a TMDB genre id (16 Animation, 99 Documentary, for films and series alike). */
  public static Optional<Genre> fromTmdb(int id) {
    return switch (id) {
      case 16 -> Optional.of(ANIMATION);
      case 99 -> Optional.of(DOCUMENTARY);
      default -> Optional.empty();
    };
  }
}
