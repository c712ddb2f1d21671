package dev.overtalkerr.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way the data directory's files are written: owner-only, replaced atomically. */
class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void aReplacedFileIsOwnerOnlyInOwnerOnlyFoldersAndNoTemporaryFileIsLeft() throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("state.json");
    PrivateFiles.replace(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)), false);
    PrivateFiles.replace(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)), true);

    assertThat(Files.readString(file)).isEqualTo("two");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("a").resolve("b"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.exists(file.resolveSibling("state.json.tmp"))).isFalse();
  }

  @Test
  void aWriterThatClosesTheStreamStillGetsItsContentMovedIntoPlace() throws Exception {
    Path file = dir.resolve("closed.json");
    // Jackson closes the stream it writes to unless told otherwise
    PrivateFiles.replace(file, out -> new ObjectMapper().writeValue(out, Map.of("k", 1)), true);
    assertThat(Files.readString(file)).isEqualTo("{\"k\":1}");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path file = dir.resolve("kept.json");
    PrivateFiles.replace(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)), false);
    assertThatThrownBy(() -> PrivateFiles.replace(file, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }, false)).hasMessage("disk full");
    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(Files.exists(dir.resolve("kept.json.tmp"))).isFalse();
  }

  @Test
  void anExistingFileIsMadeOwnerOnlyAndKeepsItsContent() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    Files.writeString(file, "line\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PrivateFiles.createFile(file);
    assertThat(Files.readString(file)).isEqualTo("line\n");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void jsonFilesSuchAsTheTrackedRequestsAreOwnerOnlyToo() throws Exception {
    JsonFile<Map> file = new JsonFile<>(dir.resolve("data").resolve(RequestTracker.FILE), Map.class, new ObjectMapper(),
        Clock.systemUTC());
    assertThat(file.write(Map.of("version", 1))).isTrue();
    assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("data"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(file.read()).hasValue(Map.of("version", 1));
  }
}
