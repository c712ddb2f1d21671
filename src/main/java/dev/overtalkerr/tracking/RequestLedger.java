package dev.overtalkerr.tracking;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Requester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests made through Overtalkerr, kept on disk ({@code <data-dir>/requests.json}, readable
 * by its owner only) so that they can be followed until available and so that the same thing is
 * never filed twice, even across restarts. Writes are atomic (a temporary file forced to disk, then a move); an
 * unreadable file is kept aside as {@code requests.json.corrupt-<time>} rather than overwritten,
 * and unreadable entries in a readable file ({@code null}, missing fields) are skipped.
 *
 * <p>A request is written down twice: as an intent (no backend id yet, but the title, the person
 * and the satellite) before it is sent, and completed with the backend's id once it was made (the
 * request desk does both). A process killed during the request, or a request whose answer never
 * came, leaves the intent: {@link #unconfirmed()} lists those, and they are not counted as filed by
 * {@link #entries()}. Those not on their way in this process ({@link #interrupted()}) are settled
 * with the backend later ({@link InterruptedRequests}): {@link #settle} or {@link #drop}.
 */
@Singleton
public final class RequestLedger {
  private static final Logger log = LoggerFactory.getLogger(RequestLedger.class);
  private static final int MAX_ENTRIES = 2000;
  /** {@link Entry#requestedBy()} of a request filed as the API key's owner. */
  public static final String OWNER = "owner";

  /**
   * One request filed through us (or, with a null {@code backendRequestId}, being filed).
   *
   * @param backendRequestId the backend's request id, or null while the request is on its way
   * @param type film or series
   * @param tmdbId the title's TMDB id
   * @param title the title as the backend spells it (null in intents written before 2026-12)
   * @param seasons the seasons requested (empty for films and for all of a series)
   * @param is4k whether the 4K copy was requested
   * @param requestedBy the backend user it was filed as ("owner" for the key's owner)
   * @param person who asked, as the backend names them, or null (older files)
   * @param satelliteId where it was asked for, or null
   * @param requestedAt when
   */
  public record Entry(
      String backendRequestId,
      MediaType type,
      int tmdbId,
      String title,
      List<Integer> seasons,
      boolean is4k,
      String requestedBy,
      String person,
      String satelliteId,
      Instant requestedAt) {
    public Entry {
      seasons = seasons == null ? List.of() : List.copyOf(seasons.stream().filter(Objects::nonNull).toList());
    }

    boolean confirmed() {
      return backendRequestId != null;
    }
  }

  /**
   * A request written down before it is sent; {@link #confirm} or {@link #abandon} it, or, when its
   * outcome is unknown, leave it to be settled later ({@link #outcomeUnknown}).
   */
  public static final class Intent {
    private Entry entry;

    private Intent(Entry entry) {
      this.entry = entry;
    }
  }

  private final Path file;
  private final ObjectMapper json;
  private final List<Entry> entries = new ArrayList<>();
  /** Intents whose request is on its way in this process: not to be settled by anyone else. */
  private final Set<Entry> onTheirWay = Collections.newSetFromMap(new IdentityHashMap<>());

  @Inject
  public RequestLedger(Settings settings, ObjectMapper json) {
    this.file = settings.dataDir().resolve("requests.json");
    this.json = json;
    load();
  }

  /**
   * Writes down a request that is about to be sent (on disk before this returns), with what is
   * needed to settle it and announce it should the answer never come: the title, who asked and
   * where; {@code at} is when it was asked for (the caller's clock).
   */
  public synchronized Intent intend(MediaRequest request, Requester requester, String title, String satelliteId, Instant at) {
    Entry e = new Entry(null, request.type(), request.tmdbId(), title,
        request.seasons() == null ? List.of() : request.seasons().numbers(), request.is4k(),
        requester.isOwner() ? OWNER : requester.backendUserId(), requester.displayName(), satelliteId, at);
    entries.add(e);
    onTheirWay.add(e);
    trimAndSave();
    return new Intent(e);
  }

  /** The request was made: the intent becomes an entry with the backend's id. */
  public synchronized void confirm(Intent intent, RequestRecord made) {
    onTheirWay.remove(intent.entry);
    intent.entry = complete(intent.entry, made);
  }

  /** The request was refused or failed: nothing was filed, the intent goes. */
  public synchronized void abandon(Intent intent) {
    onTheirWay.remove(intent.entry);
    if (entries.remove(intent.entry)) {
      trimAndSave();
    }
  }

  /**
   * The request's answer never came and the backend could not say whether it was made (a
   * timeout): the intent stays, to be settled later like one a stop interrupted.
   */
  public synchronized void outcomeUnknown(Intent intent) {
    onTheirWay.remove(intent.entry);
  }

  /**
   * Intents whose outcome nobody here is waiting for any more, oldest first: left by a process that
   * stopped while they were on their way, or by an answer that never came.
   */
  public synchronized List<Entry> interrupted() {
    return entries.stream().filter(e -> !e.confirmed() && !onTheirWay.contains(e)).toList();
  }

  /**
   * The backend has the request an interrupted intent was for: the intent becomes an entry with
   * the backend's id. Returns that entry, or the one already recorded with that id (then the
   * intent just goes); empty when the intent is no longer here.
   */
  public synchronized Optional<Entry> settle(Entry intent, RequestRecord made) {
    if (intent.confirmed() || onTheirWay.contains(intent) || !entries.contains(intent)) {
      return Optional.empty();
    }
    Entry done = complete(intent, made);
    int same = indexOf(done.backendRequestId());
    return Optional.of(same >= 0 ? entries.get(same) : done);
  }

  /** The backend has no request for an interrupted intent: nothing was filed, the intent goes. */
  public synchronized void drop(Entry intent) {
    if (!intent.confirmed() && !onTheirWay.contains(intent) && entries.remove(intent)) {
      trimAndSave();
    }
  }

  /** Replaces an intent by its completed entry (unless that id is recorded already) and saves. */
  private Entry complete(Entry e, RequestRecord made) {
    int i = entries.indexOf(e);
    Entry done = new Entry(made.id() == null ? "unknown" : made.id(), e.type(), e.tmdbId(),
        e.title() != null ? e.title() : made.title(), made.seasons().isEmpty() ? e.seasons() : made.seasons(), e.is4k(),
        e.requestedBy(), e.person(), e.satelliteId(), e.requestedAt());
    int same = indexOf(done.backendRequestId());
    if (i >= 0) {
      entries.remove(i);
    }
    if (same < 0) {
      if (i >= 0 && i <= entries.size()) {
        entries.add(i, done); // where the intent was: the order stays the order of asking
      } else {
        entries.add(done);
      }
    }
    trimAndSave();
    return done;
  }

  /** The requests filed through us (not those whose outcome a stop interrupted). */
  public synchronized List<Entry> entries() {
    return entries.stream().filter(Entry::confirmed).toList();
  }

  /** Requests without a backend id: on their way, or interrupted (see {@link #interrupted()}). */
  public synchronized List<Entry> unconfirmed() {
    return entries.stream().filter(e -> !e.confirmed()).toList();
  }

  private int indexOf(String backendRequestId) {
    if (backendRequestId == null) {
      return -1;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (backendRequestId.equals(entries.get(i).backendRequestId())) {
        return i;
      }
    }
    return -1;
  }

  private void trimAndSave() {
    while (entries.size() > MAX_ENTRIES) {
      entries.remove(0);
    }
    save();
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<Entry> read = json.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
      int skipped = 0;
      for (Entry e : read == null ? List.<Entry>of() : read) {
        if (e == null || e.type() == null || e.tmdbId() <= 0) {
          skipped++;
        } else {
          entries.add(e);
        }
      }
      log.info("Loaded {} tracked requests from {}", entries.size(), file);
      if (skipped > 0) {
        log.warn("Skipped {} unreadable entries in {}", skipped, file);
      }
      List<Entry> open = unconfirmed();
      if (!open.isEmpty()) {
        log.info("{} request(s) were on their way when Overtalkerr stopped; each is looked up on the backend once it answers: {}",
            open.size(), open.stream().map(e -> e.type().wire() + " " + e.tmdbId()).toList());
      }
    } catch (IOException e) {
      Path aside = file.resolveSibling("requests.json.corrupt-" + Instant.now().toEpochMilli());
      log.error("Cannot read {} ({}); keeping it as {} and starting with an empty list", file, e.getClass().getSimpleName(), aside);
      try {
        Files.move(file, aside);
      } catch (IOException moveFailed) {
        log.error("Cannot move {} aside: {}", file, moveFailed.getMessage());
      }
    }
  }

  private void save() {
    try {
      // forced to disk before the move: an intent must survive a power cut too, not only a kill
      // (it is written only when a request is filed, so the cost does not reach ordinary turns)
      PrivateFiles.replace(file, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, entries), true);
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.getMessage());
    }
  }
}
