package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsweredIdsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aHundredThousandDistinctIdsKeepMemoryAndTheFileBounded() throws Exception {
    AnsweredIds ids = new AnsweredIds(dir, JSON);
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    for (int i = 0; i < 100_000; i++) {
      ids.sent("assist/reply/id-" + i, ("{\"id\":\"id-" + i + "\"}").getBytes(StandardCharsets.UTF_8), t.plusMillis(i));
      if (i % 3 == 0) {
        ids.cleared("assist/reply/id-" + i);
      }
    }
    assertThat(ids.size()).isEqualTo(AnsweredIds.REMEMBERED);
    assertThat(Files.readAllLines(dir.resolve(AnsweredIds.FILE))).hasSizeLessThanOrEqualTo(4 * AnsweredIds.REMEMBERED);
    AnsweredIds reloaded = new AnsweredIds(dir, JSON);
    assertThat(reloaded.get("assist/reply/id-99999")).get().extracting(a -> new String(a.reply(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"id-99999\"}");
    assertThat(reloaded.get("assist/reply/id-99999").get().cleared()).isTrue();
    assertThat(reloaded.get("assist/reply/id-99998").get().cleared()).isFalse();
    assertThat(reloaded.get("assist/reply/id-1")).isEmpty();
    assertThat(Files.getPosixFilePermissions(dir.resolve(AnsweredIds.FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aLineTornByAKillIsSkipped() throws Exception {
    AnsweredIds ids = new AnsweredIds(dir, JSON);
    ids.sent("assist/reply/a", "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8), Instant.now());
    Files.writeString(dir.resolve(AnsweredIds.FILE), "{\"k\":\"assist/reply/b\",\"t\":12", StandardOpenOption.APPEND);
    AnsweredIds reloaded = new AnsweredIds(dir, JSON);
    assertThat(reloaded.get("assist/reply/a")).isPresent();
    assertThat(reloaded.get("assist/reply/b")).isEmpty();
    assertThat(reloaded.uncleared()).extracting(java.util.Map.Entry::getKey).containsExactly("assist/reply/a");
  }
}
