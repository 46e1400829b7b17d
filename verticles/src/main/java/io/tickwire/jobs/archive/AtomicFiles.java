package io.tickwire.jobs.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that appear whole or not at all: written elsewhere on the same file system, forced to disk, then renamed
 * into place (a rename within a file system is atomic, so a reader sees the old file or the new one, never half).
 */
final class AtomicFiles {
  private AtomicFiles() {
  }

  /** Moves a complete file to {@code target}, replacing what is there; forced to disk first so a crash after the
   *  rename cannot leave a published name pointing at data still in the page cache. */
  static void publish(Path complete, Path target) throws IOException {
    force(complete);
    Files.createDirectories(target.getParent());
    Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static void writeString(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    publish(tmp, target);
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Deletes a directory tree (the staging area of an interrupted export). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
