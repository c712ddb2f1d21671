package dev.overtalkerr.mqtt;

import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.conversation.Commands;

/**
 * A structured search from {@code <base>/command/search}, decoded and checked.
 *
 * @param id the caller's id
 * @param query what to search for
 * @param mediaType film or series, or null for both
 * @param year the release year, or null
 * @param limit how many results at most (1-20, default 5)
 * @param context who asks, in which language
 */
public record SearchCommand(String id, String query, MediaType mediaType, Integer year, int limit, Commands.Context context) {

  /** The command for the dialog. */
  public Commands.Search toSearch() {
    return new Commands.Search(query, mediaType, year, limit, context);
  }
}
