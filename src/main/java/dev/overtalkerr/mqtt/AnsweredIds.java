package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.tracking.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replies already sent, by reply topic ({@code assist/reply/<id>}, {@code command/reply/<id>}),
 * so that a repeated id gets the same reply and causes no backend call, also after a restart, and so
 * that retained replies a crash left on the broker are cleared at the next start.
 *
 * <p>Kept in memory for the newest {@value #REMEMBERED} ids and on disk in {@code
 * <data-dir>/answered.jsonl} (owner-only): one line per reply sent and one per reply cleared,
 * appended as they happen and compacted (a temporary file, then an atomic move) when the journal
 * grows past twice the bound. A torn last line (a kill mid-write) is skipped on reading.
 */
@Singleton
public final class AnsweredIds {
  private static final Logger log = LoggerFactory.getLogger(AnsweredIds.class);
  static final int REMEMBERED = 4096;
  static final String FILE = "answered.jsonl";

  /** A reply sent: its bytes, when, and whether its retained copy was cleared since. */
  public record Answer(byte[] reply, Instant sentAt, boolean cleared) {}

  private final Path file;
  private final ObjectMapper json;
  private final Map<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
      return size() > REMEMBERED;
    }
  };
  private BufferedWriter journal;
  private int linesSinceCompaction;
  private boolean writable = true;

  @Inject
  public AnsweredIds(Settings settings, ObjectMapper json) {
    this(settings.dataDir(), json);
  }

  AnsweredIds(Path dataDir, ObjectMapper json) {
    this.file = dataDir.resolve(FILE);
    this.json = json;
    load();
  }

  /** The reply already sent on this key, if any. */
  public synchronized Optional<Answer> get(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  /** How many replies are remembered (never more than {@value #REMEMBERED}). */
  public synchronized int size() {
    return answers.size();
  }

  /** Records a reply sent on {@code key}. */
  public synchronized void sent(String key, byte[] reply, Instant at) {
    answers.put(key, new Answer(reply, at, false));
    ObjectNode line = json.createObjectNode().put("k", key).put("t", at.toEpochMilli())
        .put("r", new String(reply, StandardCharsets.UTF_8));
    append(line);
  }

  /** Records that the retained reply on {@code key} was cleared. */
  public synchronized void cleared(String key) {
    Answer a = answers.get(key);
    if (a != null && !a.cleared()) {
      answers.put(key, new Answer(a.reply(), a.sentAt(), true));
      append(json.createObjectNode().put("k", key).put("c", 1));
    }
  }

  /** Replies whose retained copy has not been cleared yet (after a crash: still on the broker). */
  public synchronized List<Map.Entry<String, Answer>> uncleared() {
    List<Map.Entry<String, Answer>> out = new ArrayList<>();
    answers.forEach((k, a) -> {
      if (!a.cleared()) {
        out.add(Map.entry(k, a));
      }
    });
    return out;
  }

  private void append(ObjectNode line) {
    if (!writable) {
      return;
    }
    try {
      if (journal == null) {
        if (!Files.exists(file)) {
          PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
          PrivateFiles.createFile(file);
        }
        journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      journal.write(json.writeValueAsString(line));
      journal.write('\n');
      journal.flush();
      if (++linesSinceCompaction > 2 * REMEMBERED) {
        compact();
      }
    } catch (IOException e) {
      writable = false;
      log.error("Cannot write {} ({}); repeated ids are recognised until the next restart only", file, e.getMessage());
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    int bad = 0;
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String text : (Iterable<String>) lines::iterator) {
        try {
          JsonNode line = json.readTree(text);
          String key = line.path("k").asText("");
          if (key.isEmpty()) {
            bad++;
          } else if (line.has("c")) {
            Answer a = answers.get(key);
            if (a != null) {
              answers.put(key, new Answer(a.reply(), a.sentAt(), true));
            }
          } else if (line.path("r").isTextual() && line.path("t").canConvertToLong()) {
            answers.put(key, new Answer(line.path("r").asText().getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochMilli(line.path("t").asLong()), false));
          } else {
            bad++;
          }
        } catch (IOException | RuntimeException e) {
          bad++;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      log.warn("Cannot read {} ({}); starting without the record of answered ids", file, e.getMessage());
    }
    if (bad > 0) {
      log.warn("Skipped {} unreadable lines in {}", bad, file);
    }
    try {
      compact();
    } catch (IOException e) {
      log.warn("Cannot rewrite {}: {}", file, e.getMessage());
    }
  }

  /** Rewrites the journal with what is remembered now: a temporary file, then an atomic move. */
  private void compact() throws IOException {
    if (journal != null) {
      journal.close();
      journal = null;
    }
    PrivateFiles.replace(file, stream -> {
      BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      for (var e : answers.entrySet()) {
        out.write(json.writeValueAsString(json.createObjectNode().put("k", e.getKey()).put("t", e.getValue().sentAt().toEpochMilli())
            .put("r", new String(e.getValue().reply(), StandardCharsets.UTF_8))));
        out.write('\n');
        if (e.getValue().cleared()) {
          out.write(json.writeValueAsString(json.createObjectNode().put("k", e.getKey()).put("c", 1)));
          out.write('\n');
        }
      }
      out.flush();
    }, false);
    linesSinceCompaction = 0;
  }
}
