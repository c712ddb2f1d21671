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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests made through Overtalkerr, kept on disk ({@code <data-dir>/requests.json}, readable
 * by its owner only) so that they can be followed until available and so that the same thing is
 * never filed twice, even across restarts. Writes are atomic (a temporary file, then a move); an
 * unreadable file is kept aside as {@code requests.json.corrupt-<time>} rather than overwritten,
 * and unreadable entries in a readable file ({@code null}, missing fields) are skipped.
 *
 * <p>A request is written down twice: as an intent (no backend id yet) before it is sent, and
 * completed with the backend's id once it was made ({@link RecordingBackend} does both). A process
 * killed during the request leaves the intent on disk: {@link #unconfirmed()} lists those, and
 * they are not counted as filed by {@link #entries()}.
 */
@Singleton
public final class RequestLedger {
  private static final Logger log = LoggerFactory.getLogger(RequestLedger.class);
  private static final int MAX_ENTRIES = 2000;

  /**
   * One request filed through us (or, with a null {@code backendRequestId}, being filed).
   *
   * @param backendRequestId the backend's request id, or null while the request is on its way
   * @param type film or series
   * @param tmdbId the title's TMDB id
   * @param title the title as the backend spells it (null for an intent)
   * @param seasons the seasons requested (empty for films)
   * @param is4k whether the 4K copy was requested
   * @param requestedBy the backend user it was filed as ("owner" for the key's owner)
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
      String satelliteId,
      Instant requestedAt) {
    public Entry {
      seasons = seasons == null ? List.of() : List.copyOf(seasons.stream().filter(Objects::nonNull).toList());
    }

    boolean confirmed() {
      return backendRequestId != null;
    }
  }

  /** A request written down before it is sent; {@link #confirm} or {@link #abandon} it. */
  public static final class Intent {
    private Entry entry;

    private Intent(Entry entry) {
      this.entry = entry;
    }
  }

  private final Path file;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();

  @Inject
  public RequestLedger(Settings settings, ObjectMapper json) {
    this(settings.dataDir(), json, Clock.systemUTC());
  }

  RequestLedger(Path dataDir, ObjectMapper json, Clock clock) {
    this.file = dataDir.resolve("requests.json");
    this.json = json;
    this.clock = clock;
    load();
  }

  /**
   * Adds an entry and writes the file. An entry whose backend id is already recorded replaces that
   * one (the conversation completes what {@link RecordingBackend} recorded). A failed write is
   * logged; the entry stays in memory.
   */
  public synchronized void record(Entry entry) {
    if (entry == null || entry.type() == null) {
      return;
    }
    int same = indexOf(entry.backendRequestId());
    if (same >= 0) {
      Entry old = entries.get(same);
      entries.set(same, new Entry(entry.backendRequestId(), entry.type(), entry.tmdbId(),
          entry.title() != null ? entry.title() : old.title(), entry.seasons().isEmpty() ? old.seasons() : entry.seasons(),
          entry.is4k(), entry.requestedBy() != null ? entry.requestedBy() : old.requestedBy(),
          entry.satelliteId() != null ? entry.satelliteId() : old.satelliteId(), old.requestedAt()));
    } else {
      entries.add(entry);
    }
    trimAndSave();
  }

  /** Writes down a request that is about to be sent (on disk before this returns). */
  public synchronized Intent intend(MediaRequest request, Requester requester) {
    Entry e = new Entry(null, request.type(), request.tmdbId(), null,
        request.seasons() == null ? List.of() : request.seasons().numbers(), request.is4k(),
        requester.isOwner() ? "owner" : requester.backendUserId(), null, clock.instant());
    entries.add(e);
    trimAndSave();
    return new Intent(e);
  }

  /** The request was made: the intent becomes an entry with the backend's id. */
  public synchronized void confirm(Intent intent, RequestRecord made) {
    Entry e = intent.entry;
    int i = entries.indexOf(e);
    Entry done = new Entry(made.id() == null ? "unknown" : made.id(), e.type(), e.tmdbId(), made.title(),
        made.seasons().isEmpty() ? e.seasons() : made.seasons(), e.is4k(), e.requestedBy(), null, e.requestedAt());
    intent.entry = done;
    int same = indexOf(done.backendRequestId());
    if (i >= 0) {
      entries.remove(i);
    }
    if (same < 0) {
      entries.add(done);
    }
    trimAndSave();
  }

  /** The request was refused or failed: nothing was filed, the intent goes. */
  public synchronized void abandon(Intent intent) {
    if (entries.remove(intent.entry)) {
      trimAndSave();
    }
  }

  /** The requests filed through us (not those whose outcome a stop interrupted). */
  public synchronized List<Entry> entries() {
    return entries.stream().filter(Entry::confirmed).toList();
  }

  /** Requests that were being sent when the process stopped: their outcome is unknown here. */
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
        log.warn("{} request(s) were being sent when Overtalkerr stopped; whether the backend filed them is unknown: {}",
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
      PrivateFiles.replace(file, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, entries), false);
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.getMessage());
    }
  }
}
