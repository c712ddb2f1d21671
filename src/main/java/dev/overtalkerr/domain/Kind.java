package dev.overtalkerr.domain;

import java.util.Locale;

/**
 * The version of a title a person asks for by its kind ("the animated Beauty and the Beast", "the
 * live-action Mulan", "the Free Solo documentary"), read from the {@link Genre}s a backend reports.
 */
public enum Kind {
  ANIMATION,
  LIVE_ACTION,
  DOCUMENTARY;

  /**
   * +1 when the item is of this kind, -1 when it is clearly another (an animated film for
   * live action), 0 when its genres do not tell.
   */
  public int fit(MediaItem item) {
    boolean animated = item.genres().contains(Genre.ANIMATION);
    return switch (this) {
      case ANIMATION -> animated ? 1 : 0;
      case LIVE_ACTION -> animated ? -1 : 0;
      case DOCUMENTARY -> item.genres().contains(Genre.DOCUMENTARY) ? 1 : 0;
    };
  }

  /** "animation", "live_action", "documentary". */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
