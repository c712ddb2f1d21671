package dev.overtalkerr.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

  /**
   * The newest of {@code records} that filing {@code request} as {@code requester} could have made:
   * same kind and quality, the same user (any user when filed as the key's owner), not declined,
   * and for chosen seasons at least one of them. The caller passes the records of the one title.
   */
  public static Optional<RequestRecord> newestFiled(List<RequestRecord> records, MediaRequest request, Requester requester) {
    return records.stream()
        .filter(r -> r.type() == request.type() && r.is4k() == request.is4k())
        .filter(r -> requester.isOwner() || requester.backendUserId().equalsIgnoreCase(r.requestedBy()))
        .filter(r -> r.status() != RequestStatus.DECLINED)
        .filter(r -> request.seasons() == null || request.seasons().all()
            || r.seasons().stream().anyMatch(request.seasons().numbers()::contains))
        .max(Comparator.comparingLong(r -> idOrder(r.id())));
  }

  private static long idOrder(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException | NullPointerException e) {
      return -1;
    }
  }
}
