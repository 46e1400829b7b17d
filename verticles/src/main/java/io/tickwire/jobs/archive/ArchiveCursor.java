package io.tickwire.jobs.archive;

import io.tickwire.codecs.IsoTime;
import io.tickwire.store.EventTimes;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The event time up to which every chunk is published, kept in {@code cursor.json} and replaced atomically only
 * after a chunk's files are all in place. A crash between two of a chunk's renames leaves the cursor behind that
 * chunk, so the next run exports it again under the same file names: the archive converges without duplicates.
 */
final class ArchiveCursor {
  private final Path file;

  ArchiveCursor(Path file) {
    this.file = file;
  }

  /** The published watermark (epoch µs), {@link EventTimes#NONE} before the first chunk. */
  long read() throws IOException {
    if (!Files.exists(file)) {
      return EventTimes.NONE;
    }
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    return IsoTime.parse(json.getString("watermark"));
  }

  void write(long watermarkMicros) throws IOException {
    AtomicFiles.writeString(file, new JsonObject().put("watermark", IsoTime.format(watermarkMicros)).encode() + "\n");
  }
}
