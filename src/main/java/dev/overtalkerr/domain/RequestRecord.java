package dev.overtalkerr.domain;

import java.time.Instant;
import java.util.List;

/**
 * A request as the backend keeps it: made now, or read back from its request list.
 *
 * @param id the backend's request id (a number on Seerr, a number on Ombi), as text
 * @param type film or series
 * @param tmdbId the TMDB id of the title
 * @param title the title, when the backend told it (request lists often do not), else null
 * @param status the request's state
 * @param mediaStatus the availability of what was requested
 * @param seasons the seasons it covers (empty for films)
 * @param is4k whether it is for the 4K copy
 * @param requestedBy the backend user it was filed as (id or name), or null
 * @param createdAt when it was filed, or null
 */
public record RequestRecord(
    String id,
    MediaType type,
    int tmdbId,
    String title,
    RequestStatus status,
    Availability mediaStatus,
    List<Integer> seasons,
    boolean is4k,
    String requestedBy,
    Instant createdAt) {
  public RequestRecord {
    seasons = seasons == null ? List.of() : List.copyOf(seasons);
    status = status == null ? RequestStatus.UNKNOWN : status;
    mediaStatus = mediaStatus == null ? Availability.UNKNOWN : mediaStatus;
  }
}
