package io.tickwire.recorder;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.V1JsonWriter;
import io.tickwire.flow.Clock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes an incident bundle ({@code events.jsonl}, {@code meta.json}, {@code report.md}) so that a reader never
 * sees a partial one: everything goes into {@code .tmp-<id>/}, each file is forced to disk, then the directory is
 * renamed to {@code <id>/} in one atomic move. A crash leaves at most a {@code .tmp-} directory, which
 * {@link IncidentStore} ignores. Blocking: call it from a worker ({@code executeBlocking}), never an event loop.
 */
public final class IncidentWriter {
  public static final String EVENTS = "events.jsonl";
  public static final String META = "meta.json";
  public static final String REPORT = "report.md";
  static final String TMP_PREFIX = ".tmp-";

  private IncidentWriter() {
  }

  /** Writes {@code incident} under {@code incidentsDir} (created if missing); returns the bundle's directory. */
  public static Path write(Path incidentsDir, Incident incident) throws IOException {
    Path target = incidentsDir.resolve(incident.id());
    Path tmp = incidentsDir.resolve(TMP_PREFIX + incident.id());
    try {
      Files.createDirectories(incidentsDir);
      refuseExisting(target);
      Files.createDirectory(tmp);
      writeFiles(tmp, target, incident);
      // A rename onto an existing empty directory would succeed on POSIX; refuseExisting ruled that out.
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp, e);
      throw new IOException("cannot write incident bundle " + target + ": " + e, e);
    }
  }

  private static void refuseExisting(Path target) throws IOException {
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "an incident with this id already exists");
    }
  }

  private static void writeFiles(Path tmp, Path target, Incident incident) throws IOException {
    writeDurably(tmp.resolve(EVENTS), out -> writeEvents(out, incident));
    String meta = IncidentMeta.of(incident, Clock.nowMicros()).encodePrettily();
    writeDurably(tmp.resolve(META), out -> out.write(meta.getBytes(StandardCharsets.UTF_8)));
    // The report names the final path: that is where the events are once anyone can read the report.
    String report = IncidentReport.render(incident, target.resolve(EVENTS));
    writeDurably(tmp.resolve(REPORT), out -> out.write(report.getBytes(StandardCharsets.UTF_8)));
  }

  private static void writeEvents(OutputStream out, Incident incident) {
    V1JsonWriter writer = new V1JsonWriter(out);
    for (MarketEvent event : incident.before()) {
      writer.writeEvent(event);
    }
    for (MarketEvent event : incident.after()) {
      writer.writeEvent(event);
    }
    writer.flush();
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeDurably(Path file, Content content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  private static void deleteQuietly(Path dir, Exception cause) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // The original failure is what the caller must see; a leftover .tmp- directory is ignored by readers.
      cause.addSuppressed(e);
    }
  }
}
