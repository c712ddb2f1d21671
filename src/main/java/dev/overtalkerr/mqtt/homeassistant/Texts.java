package dev.overtalkerr.mqtt.homeassistant;

/** Small text rules of Home Assistant states. */
final class Texts {
  /** Home Assistant drops a state longer than this. */
  static final int MAX_STATE = 255;
  private static final String TMDB_POSTERS = "https://image.tmdb.org/t/p/w342";

  private Texts() {}

  /** A state of at most 255 characters (an ellipsis marks a cut). */
  static String state(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return text.length() <= MAX_STATE ? text : text.substring(0, MAX_STATE - 1) + "…";
  }

  /** A poster as a URL Home Assistant can fetch: TMDB paths become TMDB image URLs; null stays null. */
  static String posterUrl(String posterPath) {
    if (posterPath == null || posterPath.isBlank()) {
      return null;
    }
    if (posterPath.startsWith("http://") || posterPath.startsWith("https://")) {
      return posterPath;
    }
    return TMDB_POSTERS + (posterPath.startsWith("/") ? "" : "/") + posterPath;
  }
}
