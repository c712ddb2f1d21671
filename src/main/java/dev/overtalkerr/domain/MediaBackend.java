package dev.overtalkerr.domain;

import java.util.List;
import java.util.Optional;

/**
 * A media request manager, in domain terms. Implementations: the Seerr family client (Overseerr,
 * Jellyseerr, Seerr), the Ombi client and the demo catalogue. Every method may block on I/O; the
 * caller bounds it with the voice budget. No method retries a request that changes state.
 */
public interface MediaBackend {

  /** What this backend is (flavour and version). */
  BackendInfo info();

  /**
   * Searches films and series (persons are dropped), in the backend's own order.
   *
   * @param query what to search for, as it should be sent (the client encodes it)
   * @param language a language code for localized titles (e.g. "en", "de"), or null
   */
  List<MediaItem> search(String query, String language) throws BackendException;

  /**
   * The films and series a person is credited on, found by the name as spoken ("kyle maclachlan",
   * "denis villeneuve"): the best-known person of that name. Empty credits when nobody is found or
   * the backend cannot look people up (the default); the ranker then decides without them.
   *
   * @param personName the name as spoken, lower case is fine
   * @param language a language code for the search, or null
   */
  default Credits credits(String personName, String language) throws BackendException {
    return Credits.none(personName);
  }

  /**
   * True when {@link #search} gives a film's availability (and its 4K copy's) as {@link #details}
   * would, so that a film can be offered without fetching its details first.
   */
  default boolean searchGivesFilmStatus() {
    return false;
  }

  /** The title with its current availability and, for series, every season's. */
  MediaItem details(MediaType type, int tmdbId, String language) throws BackendException;

  /**
   * Files a request as {@code requester}. Never retried blindly: on an unclear failure the
   * client checks the request list before it reports an error.
   */
  RequestRecord request(MediaRequest request, Requester requester) throws BackendException;

  /**
   * Recent requests, the most recently changed first where the backend can sort so (Seerr family:
   * by modification), else the newest first; at most {@code limit}. For tracking and duplicate checks.
   */
  List<RequestRecord> requests(int limit) throws BackendException;

  /** One request by the backend's id, if the backend still has it. */
  default Optional<RequestRecord> request(String id) throws BackendException {
    return requests(100).stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** How many requests stand where: the backend's own counters where it has them. */
  default RequestCounts requestCounts() throws BackendException {
    return RequestCounts.of(requests(100));
  }

  /**
   * The newest request on the backend that filing {@code request} as {@code requester} could have
   * made, if there is one (see {@link RequestRecord#newestFiled}): how a filing whose answer never
   * came is settled, after a timeout or a stop while it was on its way. The clients read the
   * title's own requests, as they do after a timed-out request; this default the recent request
   * list.
   */
  default Optional<RequestRecord> filedRequest(MediaRequest request, Requester requester) throws BackendException {
    return RequestRecord.newestFiled(requests(100).stream()
        .filter(r -> r.type() == request.type() && r.tmdbId() == request.tmdbId()).toList(), request, requester);
  }

  /**
   * An existing request for this title by anyone, of any quality or seasons, if the backend knows
   * one (Seerr family: the first that is not declined; otherwise the newest in the recent list).
   */
  default Optional<RequestRecord> existingRequest(MediaType type, int tmdbId) throws BackendException {
    return requests(100).stream().filter(r -> r.type() == type && r.tmdbId() == tmdbId).findFirst();
  }

  /** The backend's user accounts, for mapping Home Assistant people to them. */
  List<BackendUser> users() throws BackendException;
}
