package dev.overtalkerr.tracking;

import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.SeasonSelection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the requests whose outcome nobody knows: intents left in the {@link RequestLedger} by a
 * process that stopped while they were on their way, or by an answer that never came. Each is
 * looked up on the backend as the clients look after a timed-out request ({@link
 * MediaBackend#filedRequest}: the same title, quality, person and seasons):
 *
 * <ul>
 *   <li>found: it is handed over to be followed (the {@code found} callback keeps it before it
 *       returns), then the ledger entry is completed with the backend's id;
 *   <li>not found: nothing was filed, and the intent goes;
 *   <li>the backend fails: the intent stays for the next attempt, and so do the rest (unless the
 *       failure was about this title: not found).
 * </ul>
 *
 * <p>At most {@value #PER_ATTEMPT} intents per attempt, oldest first. The request tracker makes an
 * attempt at each poll that reaches the backend, on its own thread: never during start-up or a
 * turn.
 */
final class InterruptedRequests {
  private static final Logger log = LoggerFactory.getLogger(InterruptedRequests.class);
  static final int PER_ATTEMPT = 3;

  /** An interrupted request the backend has: the intent as written down and the backend's request. */
  record Found(RequestLedger.Entry intent, RequestRecord made) {}

  private final RequestLedger ledger;
  private final MediaBackend backend;

  InterruptedRequests(RequestLedger ledger, MediaBackend backend) {
    this.ledger = ledger;
    this.backend = backend;
  }

  /** True when there is something to settle. */
  boolean any() {
    return !ledger.interrupted().isEmpty();
  }

  /** Settles up to {@value #PER_ATTEMPT} intents; returns how many were settled either way. */
  int attempt(Consumer<Found> found) {
    List<RequestLedger.Entry> waiting = ledger.interrupted();
    int settled = 0;
    for (RequestLedger.Entry intent : waiting.subList(0, Math.min(PER_ATTEMPT, waiting.size()))) {
      Optional<RequestRecord> made;
      try {
        made = backend.filedRequest(request(intent), requester(intent));
      } catch (BackendException e) {
        log.info("Could not look up the interrupted request for {} ({}): {}; trying again at the next poll", describe(intent),
            e.error().code(), e.getMessage());
        if (e.error() == BackendError.NOT_FOUND) {
          continue; // this title, perhaps: the next intent may do better
        }
        break; // the backend is down, slow or refusing: the rest waits too
      }
      if (made.isPresent()) {
        found.accept(new Found(intent, made.get()));
        ledger.settle(intent, made.get());
        log.info("The interrupted request for {} was filed: backend request {}; following it", describe(intent),
            made.get().id());
      } else {
        ledger.drop(intent);
        log.info("The interrupted request for {} was not filed; dropping it from the record", describe(intent));
      }
      settled++;
    }
    return settled;
  }

  /** The request the intent was for, as the desk sent it. */
  static MediaRequest request(RequestLedger.Entry intent) {
    if (intent.type() == MediaType.MOVIE) {
      return MediaRequest.movie(intent.tmdbId(), intent.is4k());
    }
    List<Integer> seasons = intent.seasons().stream().filter(n -> n > 0).toList();
    return MediaRequest.tv(intent.tmdbId(), null, seasons.isEmpty() ? SeasonSelection.ALL : SeasonSelection.of(seasons),
        intent.is4k());
  }

  /** Whom it was filed as: the key's owner, or the backend user. */
  static Requester requester(RequestLedger.Entry intent) {
    String by = intent.requestedBy();
    if (by == null || by.isBlank() || by.equalsIgnoreCase(RequestLedger.OWNER)) {
      return Requester.OWNER;
    }
    return new Requester(by, intent.person() == null ? by : intent.person(), false);
  }

  private static String describe(RequestLedger.Entry e) {
    return (e.title() == null ? "" : e.title() + ", ") + e.type().wire() + " " + e.tmdbId()
        + (e.seasons().isEmpty() ? "" : " seasons " + e.seasons()) + (e.is4k() ? " in 4K" : "")
        + (e.person() == null ? "" : ", asked by " + e.person());
  }
}
