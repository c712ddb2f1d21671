package dev.overtalkerr.conversation;


import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import java.util.List;

/** The structured commands for automations and scripts (no speech understanding involved). */
public final class Commands {
  private Commands() {}

  /**
   * Who asks, and in which language.
   *
   * @param language answer language, or null for the default
   * @param satelliteId satellite entity, or null
   * @param deviceId device, or null
   * @param userId Home Assistant user, or null
   */
  public record Context(String language, String satelliteId, String deviceId, String userId) {}

  /**
   * Search the backend.
   *
   * @param query what to search for
   * @param mediaType only films or only series, or null for both
   * @param year only this release year, or null
   * @param limit how many results at most
   * @param context who asks
   */
  public record Search(String query, MediaType mediaType, Integer year, int limit, Context context) {}

  /**
   * The results of a search, best first, or why there are none.
   *
   * @param results the titles (series with their seasons)
   * @param error the failure, or null
   */
  public record SearchResult(List<MediaItem> results, Reply.ErrorInfo error) {}

  /**
   * File a request, by id or by query.
   *
   * @param tmdbId the title's TMDB id, or null to resolve {@code query}
   * @param mediaType movie or tv (required with tmdbId)
   * @param query a title to resolve like a spoken request, or null
   * @param year narrows {@code query}, or null
   * @param seasons the season numbers, or null
   * @param allSeasons true for every missing season
   * @param is4k request the 4K copy
   * @param context who asks
   */
  public record Request(
      Integer tmdbId,
      MediaType mediaType,
      String query,
      Integer year,
      List<Integer> seasons,
      boolean allSeasons,
      boolean is4k,
      Context context) {}
}
