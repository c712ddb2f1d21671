package dev.overtalkerr.mqtt;

import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.conversation.Commands;
import java.util.List;

/**
 * A structured request from {@code <base>/command/request}, decoded and checked.
 *
 * @param id the caller's id
 * @param tmdbId the title's TMDB id, or null when {@code query} names it
 * @param mediaType film or series (required with {@code tmdbId})
 * @param query a title to resolve like a spoken request, or null
 * @param year the release year with {@code query}, or null
 * @param seasons season numbers, or null
 * @param allSeasons true for {@code "seasons": "all"}
 * @param is4k the 4K copy
 * @param context who asks, in which language
 */
public record RequestCommand(
    String id,
    Integer tmdbId,
    MediaType mediaType,
    String query,
    Integer year,
    List<Integer> seasons,
    boolean allSeasons,
    boolean is4k,
    Commands.Context context) {

  /** The command for the dialog. */
  public Commands.Request toRequest() {
    return new Commands.Request(tmdbId, mediaType, query, year, seasons, allSeasons, is4k, context);
  }
}
