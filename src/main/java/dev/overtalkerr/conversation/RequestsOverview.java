package dev.overtalkerr.conversation;

import dev.overtalkerr.domain.RequestProgress;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.tracking.RequestTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * "What did I ask for?" and "What's downloading?": the requests made through Overtalkerr in the
 * last weeks, with where each stands as the {@link RequestTracker} last saw it (it polls the
 * backend, so answering costs no backend call).
 */
@Singleton
final class RequestsOverview {
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
    FAILED
  }

  private final RequestTracker tracker;
  private final Clock clock;

  @Inject
  RequestsOverview(RequestTracker tracker, Clock clock) {
    this.tracker = tracker;
    this.clock = clock;
  }

  /**
   * The recent requests of {@code asker} ({@code onlyMine}), or all those on their way, newest
   * first.
   */
  List<Line> lines(boolean onlyMine, Optional<Requester> asker) {
    Instant since = clock.instant().minus(RECENT);
    List<RequestTracker.Tracked> requests;
    if (onlyMine) {
      Optional<String> who = asker.map(r -> r.isOwner() ? Requesters.OWNER : r.backendUserId());
      requests = who.isEmpty() ? List.of() : tracker.ofPerson(who.get());
    } else {
      requests = tracker.open();
    }
    return requests.stream()
        .filter(r -> r.requestedAt() != null && r.requestedAt().isAfter(since))
        .sorted(Comparator.comparing(RequestTracker.Tracked::requestedAt).reversed())
        .limit(MOST)
        .map(r -> new Line(r.title(), r.seasons(), standing(r.progress())))
        .toList();
  }

  private static Standing standing(RequestProgress progress) {
    return switch (progress) {
      case PENDING -> Standing.AWAITING_APPROVAL;
      case APPROVED, PARTIALLY_AVAILABLE -> Standing.DOWNLOADING;
      case AVAILABLE -> Standing.AVAILABLE;
      case DECLINED -> Standing.DECLINED;
      case FAILED -> Standing.FAILED;
    };
  }
}
