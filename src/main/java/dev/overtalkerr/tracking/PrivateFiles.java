package dev.overtalkerr.tracking;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The files of the data directory, readable by their owner only (folders {@code rwx------}, files
 * {@code rw-------}, where the file system has POSIX permissions) and replaced atomically: the new
 * content goes into an owner-only {@code <name>.tmp} beside the file, optionally forced to disk, then
 * is moved over the file in one step (a plain move where the file system cannot move atomically).
 * A crash or a SIGKILL leaves the old file or the new one, never half of one. The one place that
 * knows how: the request ledger, the tracked requests, the answered ids, what was announced to Home
 * Assistant and the MQTT client id all write through here.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  /** Writes a file's new content; the stream is closed by {@link #replace}, not by the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private PrivateFiles() {}

  /** Creates the folder (and its parents) readable by the owner only where the file system allows. */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Creates an empty file readable and writable by its owner only (where the file system allows);
   * a file that is already there keeps its content and is made owner-only.
   */
  public static void createFile(Path path) throws IOException {
    FileAttribute<?>[] attrs = posix(path.toAbsolutePath().getParent())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    try {
      Files.createFile(path, attrs);
    } catch (FileAlreadyExistsException e) {
      if (attrs.length > 0) {
        Files.setPosixFilePermissions(path, OWNER_ONLY);
      }
    }
  }

  /**
   * Replaces {@code file} with what {@code content} writes: into an owner-only temporary file beside
   * it (its folder created owner-only first), forced to disk when {@code sync} is set, then moved
   * over the file atomically. On a failure the old file is left as it was and the temporary file is
   * removed.
   */
  public static void replace(Path file, Content content, boolean sync) throws IOException {
    Path target = file.toAbsolutePath();
    createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    createFile(tmp);
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        content.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush(); // the channel is closed (and forced) below, not by the content's writer
          }
        });
        out.flush();
        if (sync) {
          channel.force(true);
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the next replace removes it
      }
      throw e;
    }
  }

  private static boolean posix(Path near) {
    Path p = near;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    try {
      return p != null && Files.getFileStore(p).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }
}
