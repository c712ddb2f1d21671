package dev.overtalkerr.testing;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small backend for channel tests: three titles, every call counted, an optional delay and an
 * optional failure, and requests that change the status like a real server's.
 */
public final class TestCatalogue implements MediaBackend {
  public final AtomicInteger searches = new AtomicInteger();
  public final AtomicInteger requestCalls = new AtomicInteger();
  /** Calls inside the backend right now (a slow call may outlive the turn that made it). */
  public final AtomicInteger inFlight = new AtomicInteger();
  public final List<MediaRequest> filed = new CopyOnWriteArrayList<>();
  public final List<Requester> filedAs = new CopyOnWriteArrayList<>();
  private final List<MediaItem> items = new CopyOnWriteArrayList<>();
  public volatile Duration delay = Duration.ZERO;
  public volatile BackendError failWith;
  /** A bug or nonsense deep in a backend: an unchecked exception instead of an answer. */
  public volatile RuntimeException blowUpWith;

  public TestCatalogue() {
    items.add(movie(438631, "Dune", 2021, Availability.UNKNOWN, 80));
    items.add(movie(841, "Dune", 1984, Availability.AVAILABLE, 20));
    items.add(new MediaItem(MediaType.TV, 95396, 371980, "Severance", null, List.of(), LocalDate.of(2022, 2, 18), "Office workers.",
        null, "en", 60, 1000, Availability.PARTIALLY_AVAILABLE, Availability.UNKNOWN,
        List.of(new Season(1, 9, 2022, Availability.AVAILABLE, null), new Season(2, 10, 2025, Availability.UNKNOWN, null))));
  }

  private static MediaItem movie(int id, String title, int year, Availability status, double popularity) {
    return new MediaItem(MediaType.MOVIE, id, null, title, null, List.of(), LocalDate.of(year, 6, 1), "A film.", null, "en",
        popularity, 1000, status, Availability.UNKNOWN, List.of());
  }

  private void pause() throws BackendException {
    if (blowUpWith != null) {
      throw blowUpWith;
    }
    if (failWith != null) {
      throw new BackendException(failWith, "simulated " + failWith.code());
    }
    if (!delay.isZero()) {
      inFlight.incrementAndGet();
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Override
  public BackendInfo info() {
    return new BackendInfo(BackendFlavour.DEMO, "test");
  }

  @Override
  public List<MediaItem> search(String query, String language) throws BackendException {
    searches.incrementAndGet();
    pause();
    String q = query.toLowerCase(Locale.ROOT);
    return items.stream().filter(i -> i.title().toLowerCase(Locale.ROOT).contains(q)).toList();
  }

  @Override
  public MediaItem details(MediaType type, int tmdbId, String language) throws BackendException {
    pause();
    return items.stream().filter(i -> i.type() == type && i.tmdbId() == tmdbId).findFirst()
        .orElseThrow(() -> new BackendException(BackendError.NOT_FOUND, "no " + type.wire() + " " + tmdbId));
  }

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    requestCalls.incrementAndGet();
    pause();
    filed.add(request);
    filedAs.add(requester);
    MediaItem item = details(request.type(), request.tmdbId(), null);
    items.replaceAll(i -> i == item ? item.withDetails(Availability.PENDING, item.status4k(), pendingSeasons(item, request)) : i);
    return new RequestRecord(Integer.toString(100 + requestCalls.get()), request.type(), request.tmdbId(), item.title(),
        requester.isOwner() ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL, Availability.PENDING,
        request.seasons() == null ? List.of() : request.seasons().numbers(), request.is4k(), requester.backendUserId(), null);
  }

  private static List<Season> pendingSeasons(MediaItem item, MediaRequest request) {
    List<Season> out = new ArrayList<>();
    for (Season s : item.seasons()) {
      boolean asked = request.seasons() != null && (request.seasons().all() || request.seasons().numbers().contains(s.number()));
      out.add(asked && s.status().isRequestable() ? new Season(s.number(), s.episodeCount(), s.airYear(), Availability.PENDING, s.status4k()) : s);
    }
    return out;
  }

  @Override
  public List<RequestRecord> requests(int limit) {
    return List.of();
  }

  @Override
  public List<BackendUser> users() {
    return List.of(new BackendUser("1", "admin", null));
  }
}
