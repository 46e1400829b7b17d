package io.tickwire.cli;

import io.tickwire.codecs.IsoTime;
import io.tickwire.config.Settings;
import io.tickwire.jobs.archive.ArchiveExporter;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.store.EventTimes;
import io.tickwire.store.StoredDatabase;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire archive [--until ISO]}: exports every final chunk not yet archived now, as the archive verticle
 * does on a running node, and prints what it wrote. {@code --until} declares event time before it final: the
 * backfill of a stopped pipeline, whose last minutes no newer bar will ever make final.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
    description = "Export the final trades and bars not yet archived to Parquet now, and print a summary.")
final class ArchiveCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--until", paramLabel = "ISO", description = "Take event time before this as final (backfill).")
  String until;

  @Override
  public Integer call() throws Exception {
    Settings settings = configOptions.load();
    ClosedClock clock = until == null ? new ClosedClock(settings, System::currentTimeMillis)
        : ClosedClock.declared(settings, untilMicros());
    long started = 0;
    long chunks = 0;
    long rows = 0;
    long files = 0;
    long watermark = EventTimes.NONE;
    try (StoredDatabase db = StoredDatabase.open(settings)) {
      // Timed from here: the export's throughput, not an embedded server's start-up.
      started = System.nanoTime();
      ArchiveExporter exporter = new ArchiveExporter(settings, db.jdbc(), clock);
      ArchiveExporter.Run run;
      do {
        run = exporter.runOnce();
        chunks += run.chunks();
        rows += run.trades() + run.bars();
        files += run.files();
        watermark = run.watermarkMicros();
      } while (run.chunks() > 0);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    spec.commandLine().getOut().println(new JsonObject().put("chunks", chunks).put("rows", rows).put("files", files)
        .put("seconds", Math.round(seconds * 100) / 100.0).put("rows_per_sec", Math.round(rows / seconds))
        .put("watermark", watermark == EventTimes.NONE ? null : IsoTime.format(watermark)).encode());
    return RunCommand.EXIT_OK;
  }

  private long untilMicros() {
    try {
      return IsoTime.parse(until);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--until " + until
          + ": expected an ISO-8601 time with a zone, e.g. 2024-05-01T00:00:00Z");
    }
  }
}
