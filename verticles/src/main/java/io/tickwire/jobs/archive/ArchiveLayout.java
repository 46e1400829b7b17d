package io.tickwire.jobs.archive;

import java.nio.file.Path;

/**
 * Where archive files live under the archive directory:
 * {@code v1/<table>/date=YYYY-MM-DD/venue=V/symbol=S/part-<n>.parquet}, with {@code n} the chunk's start in epoch
 * seconds, so exporting a chunk again (after a crash) replaces its files instead of adding copies. Files being
 * written live under {@code .staging/}, outside {@code v1/}, so no reader's glob ever matches a partial file.
 */
public final class ArchiveLayout {
  public static final String VERSION = "v1";
  private final Path root;

  public ArchiveLayout(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path tableDir(ArchiveTable table) {
    return root.resolve(VERSION).resolve(table.dirName());
  }

  /** Every published file of the table, as a DuckDB glob. */
  public String glob(ArchiveTable table) {
    return tableDir(table).toAbsolutePath() + "/**/*.parquet";
  }

  /** The staging area; same file system as {@code v1/}, so publishing is a rename. */
  public Path staging() {
    return root.resolve(".staging");
  }

  /** Where a chunk's files are written before they are published. */
  public Path stagingFor(long partNumber) {
    return staging().resolve("part-" + partNumber);
  }

  /** What DuckDB names each partition's file in staging ({@code {i}} counts files within one partition). */
  static String stagedPattern(long partNumber) {
    return "part-" + partNumber + "_{i}";
  }

  /** The published name of a staged file: {@code part-<n>.parquet}, or {@code part-<n>-<i>.parquet} past the first. */
  static String publishedName(String stagedName) {
    String stem = stagedName.substring(0, stagedName.length() - ".parquet".length());
    int underscore = stem.lastIndexOf('_');
    String index = stem.substring(underscore + 1);
    return stem.substring(0, underscore) + (index.equals("0") ? "" : "-" + index) + ".parquet";
  }

  /** The export cursor: the event time up to which every chunk is published. */
  public Path cursorFile() {
    return root.resolve("cursor.json");
  }

  /** The part number of the chunk starting at {@code startMicros}. */
  public static long partNumber(long startMicros) {
    return Math.floorDiv(startMicros, 1_000_000L);
  }
}
