package io.tickwire.recorder;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read side of the incident bundles, for the REST API and the CLI. Blocking (file reads): call it from a worker.
 * Only directories named like an incident id are bundles, so the {@code .tmp-} directories of a write in progress
 * or of a crash are never seen. An id from outside is checked against {@link IncidentIds#PATTERN} before it
 * touches a path, so it cannot name anything outside {@code incidentsDir}.
 */
public final class IncidentStore {
  private static final System.Logger LOG = System.getLogger(IncidentStore.class.getName());

  /** A listed bundle: its directory name (a valid id, whatever meta.json says) and its meta. */
  private record Listed(String id, JsonObject meta) {
    String triggerSecond() {
      return id.substring(0, id.indexOf('_'));
    }

    String created() {
      return String.valueOf(meta.getValue("created", ""));
    }
  }

  // Newest trigger second first; within one second the later-written bundle first.
  private static final Comparator<Listed> NEWEST_FIRST = Comparator.comparing(Listed::triggerSecond)
      .thenComparing(Listed::created)
      .thenComparing(Listed::id)
      .reversed();

  private final Path incidentsDir;

  public IncidentStore(Path incidentsDir) {
    this.incidentsDir = incidentsDir;
  }

  public Path dir() {
    return incidentsDir;
  }

  /** The meta.json of every complete bundle, newest first; none when the directory does not exist yet. */
  public List<JsonObject> list() throws IOException {
    if (!Files.isDirectory(incidentsDir)) {
      return List.of();
    }
    List<Listed> listed = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(incidentsDir)) {
      for (Path dir : dirs.filter(IncidentStore::isBundleDir).toList()) {
        readListedMeta(dir).ifPresent(meta -> listed.add(new Listed(dir.getFileName().toString(), meta)));
      }
    }
    listed.sort(NEWEST_FIRST);
    return listed.stream().map(Listed::meta).toList();
  }

  private static boolean isBundleDir(Path dir) {
    return IncidentIds.isValid(dir.getFileName().toString()) && Files.isRegularFile(dir.resolve(IncidentWriter.META));
  }

  /** A damaged meta.json must not hide the other incidents; it is logged, not listed. */
  private static Optional<JsonObject> readListedMeta(Path dir) throws IOException {
    try {
      return readMeta(dir);
    } catch (DecodeException e) {
      LOG.log(System.Logger.Level.WARNING, "incident {0}: unreadable {1}, not listed: {2}", dir,
          IncidentWriter.META, e.getMessage());
      return Optional.empty();
    }
  }

  /** The bundle's meta.json; empty for an unknown id; IllegalArgumentException for a malformed one. */
  public Optional<JsonObject> meta(String id) throws IOException {
    return readMeta(bundle(id));
  }

  /** The bundle's report.md; empty for an unknown id; IllegalArgumentException for a malformed one. */
  public Optional<String> report(String id) throws IOException {
    return readText(bundle(id).resolve(IncidentWriter.REPORT));
  }

  /** The path of the bundle's events.jsonl; empty for an unknown id; IllegalArgumentException for a malformed one. */
  public Optional<Path> events(String id) {
    Path events = bundle(id).resolve(IncidentWriter.EVENTS);
    return Files.isRegularFile(events) ? Optional.of(events) : Optional.empty();
  }

  private Path bundle(String id) {
    return incidentsDir.resolve(IncidentIds.requireValid(id));
  }

  private static Optional<JsonObject> readMeta(Path dir) throws IOException {
    return readText(dir.resolve(IncidentWriter.META)).map(JsonObject::new);
  }

  private static Optional<String> readText(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
