package dev.overtalkerr.tracking;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.configuration.Settings;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests made through Overtalkerr, kept on disk ({@code <data-dir>/requests.json}) so that
 * they can be followed until available and so that the same thing is never filed twice, even
 * across restarts. Writes are atomic (a temporary file, then a move); an unreadable file is kept
 * aside as {@code requests.json.corrupt-<time>} rather than overwritten.
 */
@Singleton
public final class RequestLedger {
  private static final Logger log = LoggerFactory.getLogger(RequestLedger.class);
  private static final int MAX_ENTRIES = 2000;

  /**
   * One request filed through us.
   *
   * @param backendRequestId the backend's request id
   * @param type film or series
   * @param tmdbId the title's TMDB id
   * @param title the title as the backend spells it
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
      seasons = seasons == null ? List.of() : List.copyOf(seasons);
    }
  }

  private final Path file;
  private final ObjectMapper json;
  private final List<Entry> entries = new ArrayList<>();

  @Inject
  public RequestLedger(Settings settings, ObjectMapper json) {
    this.file = settings.dataDir().resolve("requests.json");
    this.json = json;
    load();
  }

  /** Adds an entry and writes the file. A failed write is logged; the entry stays in memory. */
  public synchronized void record(Entry entry) {
    entries.add(entry);
    while (entries.size() > MAX_ENTRIES) {
      entries.remove(0);
    }
    save();
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      entries.addAll(json.readValue(file.toFile(), new TypeReference<List<Entry>>() {}));
      log.info("Loaded {} tracked requests from {}", entries.size(), file);
    } catch (IOException e) {
      Path aside = file.resolveSibling("requests.json.corrupt-" + Instant.now().toEpochMilli());
      log.error("Cannot read {} ({}); keeping it as {} and starting with an empty list", file, e.getMessage(), aside);
      try {
        Files.move(file, aside);
      } catch (IOException moveFailed) {
        log.error("Cannot move {} aside: {}", file, moveFailed.getMessage());
      }
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("requests.json.tmp");
      json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), entries);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.getMessage());
    }
  }
}
