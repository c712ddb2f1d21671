package dev.overtalkerr.conversation;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.tracking.RequestLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "What did I ask for?" and "What's downloading?": the requests made through Overtalkerr in the
 * last weeks, with where each stands on the backend now (one call for the backend's request list).
 */
@Singleton
final class RequestsOverview {
  private static final Logger log = LoggerFactory.getLogger(RequestsOverview.class);
  /** Requests older than this are not talked about. */
  static final Duration RECENT = Duration.ofDays(30);
  /** The most titles said in one answer. */
  static final int MOST = 5;

  /** One request as it is spoken about: its title and seasons, and where it stands. */
  record Line(String title, List<Integer> seasons, Standing standing) {}

  /** Where a request stands, as a person would put it. */
  enum Standing {
    AWAITING_APPROVAL,
    DOWNLOADING,
    AVAILABLE,
    DECLINED,
    FAILED,
    REQUESTED
  }

  private final MediaBackend backend;
  private final RequestLedger ledger;
  private final Clock clock;

  @Inject
  RequestsOverview(MediaBackend backend, RequestLedger ledger, Clock clock) {
    this.backend = backend;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * The recent requests of {@code asker} ({@code onlyMine}), or all those on their way, newest
   * first.
   */
  List<Line> lines(boolean onlyMine, Optional<Requester> asker, TurnBudget budget) {
    Instant since = clock.instant().minus(RECENT);
    String who = asker.map(r -> r.isOwner() ? Requesters.OWNER : r.backendUserId()).orElse(null);
    List<RequestLedger.Entry> entries = ledger.entries().stream()
        .filter(e -> e.requestedAt() != null && e.requestedAt().isAfter(since))
        .filter(e -> !onlyMine || (who != null && who.equals(e.requestedBy())))
        .sorted(Comparator.comparing(RequestLedger.Entry::requestedAt).reversed())
        .toList();
    if (entries.isEmpty()) {
      return List.of();
    }
    Map<String, RequestRecord> current = new HashMap<>();
    try {
      budget.beforeBackendCall();
      for (RequestRecord r : backend.requests(100)) {
        if (r.id() != null) {
          current.put(r.id(), r);
        }
      }
    } catch (BackendException e) {
      log.info("The request list could not be read ({}); answering from what was requested", e.error().code());
    }
    return entries.stream()
        .map(e -> new Line(e.title(), e.seasons(), standing(current.get(e.backendRequestId()))))
        .filter(l -> onlyMine || l.standing() == Standing.DOWNLOADING || l.standing() == Standing.AWAITING_APPROVAL
            || l.standing() == Standing.REQUESTED)
        .limit(MOST)
        .toList();
  }

  private static Standing standing(RequestRecord r) {
    if (r == null) {
      return Standing.REQUESTED;
    }
    if (r.mediaStatus() == Availability.AVAILABLE || r.status() == RequestStatus.COMPLETED) {
      return Standing.AVAILABLE;
    }
    return switch (r.status()) {
      case PENDING_APPROVAL -> Standing.AWAITING_APPROVAL;
      case APPROVED -> Standing.DOWNLOADING;
      case DECLINED -> Standing.DECLINED;
      case FAILED -> Standing.FAILED;
      default -> Standing.REQUESTED;
    };
  }
}
