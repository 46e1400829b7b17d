package io.tickwire.cli;

import io.tickwire.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a batch command ({@code query}, {@code reconcile}, {@code profile}) in-process against a test schema. */
final class BatchCommands {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final TestDatabase db;
  private final Path dataDir;

  BatchCommands(TestDatabase db, Path dataDir) {
    this.db = db;
    this.dataDir = dataDir;
  }

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--set", "data_dir=" + dataDir, "--set", "batcher.allowed_lateness_ms=300"));
    for (String setting : db.settings()) {
      all.addAll(List.of("--set", setting));
    }
    return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  List<String> lines() {
    return out.toString().lines().toList();
  }
}
