package dev.overtalkerr.domain;

/**
 * One season of a series with its availability. Season 0 (specials) is kept in the list but
 * never requested implicitly.
 *
 * @param number season number, 0 for specials
 * @param episodeCount episodes the season has (0 when unknown)
 * @param airYear the year the season first aired, or null when unknown
 * @param status availability of the regular copy
 * @param status4k availability of the 4K copy
 */
public record Season(int number, int episodeCount, Integer airYear, Availability status, Availability status4k) {
  public Season {
    status = status == null ? Availability.UNKNOWN : status;
    status4k = status4k == null ? Availability.UNKNOWN : status4k;
  }

  public Availability status(boolean fourK) {
    return fourK ? status4k : status;
  }
}
