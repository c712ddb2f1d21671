package dev.overtalkerr.requesting;

import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.understanding.SeasonSpec;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestEvents;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.tracking.RequestLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a "yes" becomes a backend request: what exactly to file for a title (the season or
 * seasons asked for, only those still missing, the 4K copy where allowed), why there is nothing to
 * file ({@link Decision}), and filing it once ({@link Filing}) — not while the same request is in flight, not when it
 * was filed through Overtalkerr minutes ago. Shared by the spoken dialog and the structured
 * commands. Every request is written into the {@link RequestLedger} (with the title, the person and
 * the satellite) before it is sent and completed with the backend's id when it was made.
 */
@Singleton
public final class RequestDesk {
  private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);

  private final MediaBackend backend;
  private final RequestLedger ledger;
  private final Clock clock;
  private final RequestEvents events;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public RequestDesk(MediaBackend backend, RequestLedger ledger, Clock clock) {
    this(backend, ledger, clock, RequestEvents.NONE);
  }

  /** A desk that tells {@code events} what became of each filing (the request tracker). */
  @Inject
  public RequestDesk(MediaBackend backend, RequestLedger ledger, Clock clock, RequestEvents events) {
    this.backend = backend;
    this.ledger = ledger;
    this.clock = clock;
    this.events = events;
  }

  /** What a "yes" to {@code item} comes to: what to file, or why there is nothing to file. */
  public Decision decide(MediaItem item, SeasonSpec season, boolean fourK) {
    Availability status = item.status(fourK);
    if (status == Availability.BLOCKLISTED) {
      return new Decision.Blocklisted();
    }
    List<Season> seasons = item.regularSeasons();
    if (item.type() == MediaType.MOVIE || seasons.isEmpty()) {
      if (status.isRequestedOrAvailable()) {
        return new Decision.Already(status, List.of());
      }
      return new Decision.File(item.type() == MediaType.MOVIE ? MediaRequest.movie(item.tmdbId(), fourK)
          : MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.ALL, fourK));
    }
    List<Integer> missing = seasons.stream().filter(s -> s.status(fourK).isRequestable()).map(Season::number).toList();
    if (season == null) {
      if (missing.isEmpty()) {
        return nothingMissing(seasons, fourK);
      }
      if (seasons.size() == 1 || missing.size() == 1) {
        // one season to request: the offer already said which one is missing
        return new Decision.File(MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(missing), fourK));
      }
      return new Decision.AskSeason(null);
    }
    if (!season.more().isEmpty()) {
      // "seasons 4 to 6": file those of them that are still missing
      List<Integer> wanted = season.numbers();
      List<Season> named = seasons.stream().filter(x -> wanted.contains(x.number())).toList();
      if (named.size() < wanted.size()) {
        int absent = wanted.stream().filter(n -> seasons.stream().noneMatch(x -> x.number() == n)).findFirst().orElse(wanted.get(0));
        return new Decision.AskSeason(absent);
      }
      List<Integer> toFile = named.stream().filter(x -> x.status(fourK).isRequestable()).map(Season::number).toList();
      if (!toFile.isEmpty()) {
        return new Decision.File(MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(toFile), fourK));
      }
      boolean allThere = named.stream().allMatch(x -> x.status(fourK) == Availability.AVAILABLE);
      return new Decision.Already(allThere ? Availability.AVAILABLE : Availability.PENDING, named.stream().map(Season::number).toList());
    }
    if (season.which() == SeasonSpec.Which.ALL) {
      return missing.isEmpty() ? nothingMissing(seasons, fourK)
          : new Decision.File(MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(missing), fourK));
    }
    OptionalInt resolved = seasonNumber(item, season, fourK);
    if (resolved.isEmpty()) {
      return new Decision.NoNextSeason();
    }
    int number = resolved.getAsInt();
    Optional<Season> chosen = seasons.stream().filter(s -> s.number() == number).findFirst();
    if (chosen.isEmpty()) {
      return new Decision.AskSeason(number);
    }
    Availability s = chosen.get().status(fourK);
    if (s == Availability.AVAILABLE || s == Availability.PENDING || s == Availability.PROCESSING) {
      return new Decision.Already(s, List.of(number));
    }
    return new Decision.File(MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(number), fourK));
  }

  private static Decision nothingMissing(List<Season> seasons, boolean fourK) {
    return new Decision.NothingMissing(seasons.stream().allMatch(s -> s.status(fourK) == Availability.AVAILABLE));
  }

  /**
   * The season number a spec means for this series: the number said; for "the latest" the highest
   * season that has aired (or has no air year); for "the next" the first season after the last one
   * that is there or requested. Empty for "all", or when there is no next season.
   */
  public OptionalInt seasonNumber(MediaItem item, SeasonSpec spec, boolean fourK) {
    if (spec == null || spec.which() == SeasonSpec.Which.ALL || !spec.more().isEmpty()) {
      return OptionalInt.empty();
    }
    if (spec.number() != null) {
      return OptionalInt.of(spec.number());
    }
    List<Season> seasons = item.regularSeasons();
    if (spec.which() == SeasonSpec.Which.LATEST) {
      int thisYear = LocalDate.now(clock).getYear();
      OptionalInt aired = seasons.stream().filter(x -> x.airYear() == null || x.airYear() <= thisYear).mapToInt(Season::number).max();
      return aired.isPresent() ? aired : seasons.stream().mapToInt(Season::number).max();
    }
    int lastThere = seasons.stream().filter(x -> !x.status(fourK).isRequestable()).mapToInt(Season::number).max().orElse(0);
    return seasons.stream().mapToInt(Season::number).filter(n -> n > lastThere).min();
  }

  /** Files the request once: not while the same one is in flight, not when the ledger has it. */
  public Filing file(MediaRequest request, MediaItem item, Requester requester, String satelliteId, TurnBudget budget) {
    Filing filing = fileOnce(request, item, requester, satelliteId, budget);
    RequestEvents.Outcome outcome = filing instanceof Filing.Made ? RequestEvents.Outcome.FILED
        : filing instanceof Filing.Duplicate ? RequestEvents.Outcome.DUPLICATE : RequestEvents.Outcome.FAILED;
    events.filing(new RequestEvents.Filing(outcome, item, request, filing instanceof Filing.Made m ? m.record() : null, requester,
        satelliteId, filing instanceof Filing.Failed f ? f.error().error().code() : null));
    return filing;
  }

  /**
   * Tells the listeners (the request tracker and Home Assistant's event entity) that a "yes" found
   * nothing to file because {@code decision} says the title is there or requested already.
   */
  public void reportNothingFiled(Decision decision, MediaItem item, boolean fourK, Requester requester, String satelliteId) {
    List<Integer> seasons = decision instanceof Decision.Already a ? a.seasons() : List.of();
    if (!(decision instanceof Decision.Already || decision instanceof Decision.NothingMissing)) {
      return;
    }
    MediaRequest asked = item.type() == MediaType.MOVIE ? MediaRequest.movie(item.tmdbId(), fourK)
        : MediaRequest.tv(item.tmdbId(), item.tvdbId(), seasons.isEmpty() ? SeasonSelection.ALL : SeasonSelection.of(seasons), fourK);
    events.filing(new RequestEvents.Filing(RequestEvents.Outcome.DUPLICATE, item, asked, null, requester, satelliteId, null));
  }

  private Filing fileOnce(MediaRequest request, MediaItem item, Requester requester, String satelliteId, TurnBudget budget) {
    List<Integer> seasons = request.seasons() == null ? List.of() : request.seasons().numbers();
    String key = request.type().wire() + ":" + request.tmdbId() + ":" + request.is4k() + ":" + seasons;
    if (!inFlight.add(key)) {
      return new Filing.Duplicate(false);
    }
    try {
      // requests made through us in the last minutes guard against a backend that has not caught up
      List<RequestLedger.Entry> recent = ledger.entries().stream()
          .filter(e -> e.type() == request.type() && e.tmdbId() == request.tmdbId() && e.is4k() == request.is4k() && recent(e))
          .toList();
      if (!recent.isEmpty()) {
        boolean everything = request.type() == MediaType.MOVIE || seasons.isEmpty() || recent.stream().anyMatch(e -> e.seasons().isEmpty());
        List<Integer> remaining = everything ? List.of()
            : seasons.stream().filter(n -> recent.stream().noneMatch(e -> e.seasons().contains(n))).toList();
        if (remaining.isEmpty()) {
          log.info("{} was requested through Overtalkerr minutes ago (request {}); not filing it again", item.title(),
              recent.get(recent.size() - 1).backendRequestId());
          return new Filing.Duplicate(false);
        }
        if (remaining.size() < seasons.size()) {
          return fileOnce(MediaRequest.tv(request.tmdbId(), request.tvdbId(), SeasonSelection.of(remaining), request.is4k()), item,
              requester, satelliteId, budget);
        }
      }
      RequestRecord made;
      RequestLedger.Intent intent = null;
      try {
        budget.beforeBackendCall();
        // on disk before the request goes out, so that a stop while it is on its way loses nothing
        intent = ledger.intend(request, requester, item.title(), satelliteId, clock.instant());
        made = backend.request(request, requester);
      } catch (BackendException e) {
        if (intent != null && e.error() == BackendError.TIMEOUT) {
          ledger.outcomeUnknown(intent); // the client's read-back could not settle it: settled later
        } else if (intent != null) {
          ledger.abandon(intent); // refused, or never sent: nothing was filed
        }
        if (e.error() == BackendError.ALREADY_REQUESTED) {
          return new Filing.Duplicate(false);
        }
        if (e.error() == BackendError.NO_SEASONS_LEFT) {
          return new Filing.Duplicate(true);
        }
        log.warn("Backend call failed ({}): {}", e.error().code(), e.getMessage());
        return new Filing.Failed(e);
      } catch (RuntimeException e) {
        if (intent != null) {
          ledger.abandon(intent);
        }
        throw e;
      }
      ledger.confirm(intent, made);
      List<Integer> filed = made.seasons().isEmpty() ? seasons : made.seasons();
      log.info("Requested {} ({} {}, seasons {}, 4K {}) as {}: backend request {} is {}", item.title(), request.type().wire(),
          request.tmdbId(), seasons, request.is4k(), requester.displayName(), made.id(), made.status().wire());
      return new Filing.Made(made, filed, isUpcoming(item));
    } finally {
      inFlight.remove(key);
    }
  }

  private boolean recent(RequestLedger.Entry entry) {
    return entry.requestedAt() != null && entry.requestedAt().isAfter(clock.instant().minus(Duration.ofMinutes(10)));
  }

  public boolean isUpcoming(MediaItem item) {
    return item.releaseDate() != null && item.releaseDate().isAfter(LocalDate.now(clock));
  }
}
