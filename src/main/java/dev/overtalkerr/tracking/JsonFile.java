package dev.overtalkerr.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file in the data directory, readable by its owner only and written so that neither a
 * crash nor a SIGKILL leaves it half-written: a synced temporary file, then an atomic move over the
 * old one ({@link PrivateFiles}). A file that cannot be read is kept aside as {@code
 * <name>.corrupt-<millis>} instead of being overwritten.
 */
public final class JsonFile<T> {
  private static final Logger log = LoggerFactory.getLogger(JsonFile.class);

  private final Path file;
  private final Class<T> type;
  private final ObjectMapper json;
  private final Clock clock;

  public JsonFile(Path file, Class<T> type, ObjectMapper json, Clock clock) {
    this.file = file;
    this.type = type;
    this.json = json;
    this.clock = clock;
  }

  public Path path() {
    return file;
  }

  /** The content; empty when there is no file, or it could not be read (then it is moved aside). */
  public Optional<T> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(json.readValue(file.toFile(), type));
    } catch (IOException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + clock.millis());
      log.error("Cannot read {} ({}); keeping it as {} and starting afresh", file, e.getMessage(), aside);
      try {
        Files.move(file, aside);
      } catch (IOException moveFailed) {
        log.error("Cannot move {} aside: {}", file, moveFailed.getMessage());
      }
      return Optional.empty();
    }
  }

  /** Writes atomically and durably; a failure is logged (the caller keeps its state in memory). */
  public boolean write(T value) {
    try {
      byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
      PrivateFiles.replace(file, out -> out.write(bytes), true);
      return true;
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.getMessage());
      return false;
    }
  }

  /** Deletes the file, if there is one. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Cannot delete {}: {}", file, e.getMessage());
    }
  }
}
