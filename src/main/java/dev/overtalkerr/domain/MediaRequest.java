package dev.overtalkerr.domain;

/**
 * A request to file: the title, for a series which seasons, and whether the 4K copy is wanted.
 *
 * @param type film or series
 * @param tmdbId the TMDB id
 * @param tvdbId the TVDB id for series where known (Ombi v3 keys series by it), else null
 * @param seasons for a series, which seasons; null for a film
 * @param is4k request the 4K copy
 */
public record MediaRequest(MediaType type, int tmdbId, Integer tvdbId, SeasonSelection seasons, boolean is4k) {
  public MediaRequest {
    if (type == MediaType.TV && seasons == null) {
      seasons = SeasonSelection.ALL;
    }
    if (type == MediaType.MOVIE) {
      seasons = null;
    }
  }

  public static MediaRequest movie(int tmdbId, boolean is4k) {
    return new MediaRequest(MediaType.MOVIE, tmdbId, null, null, is4k);
  }

  public static MediaRequest tv(int tmdbId, Integer tvdbId, SeasonSelection seasons, boolean is4k) {
    return new MediaRequest(MediaType.TV, tmdbId, tvdbId, seasons, is4k);
  }
}
