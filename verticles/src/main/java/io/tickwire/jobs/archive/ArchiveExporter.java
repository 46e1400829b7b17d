package io.tickwire.jobs.archive;

import io.tickwire.config.Settings;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.store.EventTimes;
import io.tickwire.store.JdbcTarget;
import io.tickwire.store.StoredTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One export run: every chunk of event time that is final and not yet archived, oldest first, at most
 * {@code archive.max_chunks_per_run}. For each chunk both tables are written to staging, their files published by
 * rename, and only then the cursor moves past the chunk. Stretches with no stored data are skipped, not walked.
 * Blocking: the archive verticle runs it on a worker thread.
 */
public final class ArchiveExporter {
  private static final System.Logger LOG = System.getLogger(ArchiveExporter.class.getName());

  private final Settings settings;
  private final JdbcTarget pg;
  private final ClosedClock clock;
  private final ArchiveLayout layout;
  private final ArchiveCursor cursor;
  /** A bar starting in a chunk is final only once its whole window is. */
  private final long longestBarMicros;

  /** What one run did. {@code watermarkMicros}: the cursor after it ({@link EventTimes#NONE} before any chunk). */
  public record Run(int chunks, long trades, long bars, int files, long watermarkMicros, long closedUntilMicros) {
  }

  public ArchiveExporter(Settings settings, JdbcTarget pg, ClosedClock clock) {
    this.settings = settings;
    this.pg = pg;
    this.clock = clock;
    this.layout = new ArchiveLayout(settings.archiveDir());
    this.cursor = new ArchiveCursor(layout.cursorFile());
    long[] intervals = settings.batcher().intervalsMillis();
    long longest = intervals[intervals.length - 1];
    // A calendar day across a daylight-saving change lasts an hour longer than its nominal interval.
    this.longestBarMicros = (longest + (settings.batcher().calendar(longest) ? 3_600_000L : 0)) * 1000;
  }

  public ArchiveLayout layout() {
    return layout;
  }

  public Run runOnce() throws SQLException, IOException {
    // Whatever staging holds was never published (the cursor is behind it): it is redone from the database.
    AtomicFiles.deleteTree(layout.staging());
    Files.createDirectories(layout.staging());
    try (Connection db = pg.connect(); ParquetChunkWriter writer = new ParquetChunkWriter(
        settings.batch().archiveMemoryMb(), layout.staging().resolve("spill"))) {
      db.setAutoCommit(false);
      db.setReadOnly(true);
      return exportFinalChunks(db, writer);
    } finally {
      AtomicFiles.deleteTree(layout.staging());
    }
  }

  private Run exportFinalChunks(Connection db, ParquetChunkWriter writer) throws SQLException, IOException {
    long closed = clock.closedUntil(db);
    long watermark = cursor.read();
    int chunks = 0;
    long trades = 0;
    long bars = 0;
    int files = 0;
    while (chunks < settings.batch().archiveMaxChunksPerRun()) {
      Chunk chunk = nextChunkWithData(db, watermark);
      if (chunk == null || closed == EventTimes.NONE || !isFinal(chunk, closed)) {
        break;
      }
      Path stage = layout.stagingFor(chunk.partNumber());
      trades += writer.write(ArchiveTable.TRADES, db, chunk, stage.resolve(ArchiveTable.TRADES.dirName()));
      bars += writer.write(ArchiveTable.BARS, db, chunk, stage.resolve(ArchiveTable.BARS.dirName()));
      db.commit();
      files += publish(stage);
      cursor.write(chunk.endMicros());
      watermark = chunk.endMicros();
      chunks++;
    }
    if (chunks > 0) {
      LOG.log(System.Logger.Level.DEBUG, "archive: {0} chunks, {1} trades, {2} bars, {3} files", chunks, trades,
          bars, files);
    }
    return new Run(chunks, trades, bars, files, watermark, closed);
  }

  /** A chunk's trades and every bar starting in it are final (a declared time covers whole windows itself). */
  private boolean isFinal(Chunk chunk, long closed) {
    return chunk.endMicros() + (clock.declared() ? 0 : longestBarMicros) <= closed;
  }

  /** The first chunk at or after the cursor holding a stored trade or bar; null when nothing is stored there. */
  private Chunk nextChunkWithData(Connection db, long watermark) throws SQLException {
    long first = StoredTimes.firstStoredFrom(db, watermark == EventTimes.NONE ? 0 : watermark);
    return first == EventTimes.NONE ? null : Chunk.containing(first, settings.batch().archiveChunkMillis());
  }

  /** Renames every staged file to its place under {@code v1/}; returns how many. */
  private int publish(Path stage) throws IOException {
    int published = 0;
    for (ArchiveTable table : ArchiveTable.values()) {
      Path tableStage = stage.resolve(table.dirName());
      if (!Files.isDirectory(tableStage)) {
        continue;
      }
      List<Path> staged;
      try (var walk = Files.walk(tableStage)) {
        staged = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
      }
      for (Path file : staged) {
        Path partition = tableStage.relativize(file).getParent();
        Path target = layout.tableDir(table).resolve(partition)
            .resolve(ArchiveLayout.publishedName(file.getFileName().toString()));
        AtomicFiles.publish(file, target);
        published++;
      }
    }
    return published;
  }
}
