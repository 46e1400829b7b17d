package io.tickwire.cli;

import io.tickwire.codecs.Intervals;
import io.tickwire.config.Settings;
import io.tickwire.jobs.reconcile.ReconcileReport;
import io.tickwire.jobs.reconcile.Reconciler;
import io.tickwire.store.StoredDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire reconcile --from --to}: recomputes the bars of a closed range from the stored trades and compares
 * them with the stored real-time bars. Exit 0 when everything matched, 3 when some bar did not, 2 for bad input.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = {"Recompute bars from the stored trades over a closed range and compare them field by field",
        "with the stored real-time bars: matched, missing, extra, drifted."})
final class ReconcileCommand implements Callable<Integer> {
  static final int EXIT_DRIFT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @CommandLine.Mixin
  TimeRange range = new TimeRange();

  @Option(names = "--interval", split = ",", defaultValue = "1s", paramLabel = "1s,10s,...",
      description = "Bar intervals to reconcile (default 1s); --from and --to must be aligned to each.")
  List<String> intervals;

  @Option(names = "--threshold", paramLabel = "RATIO",
      description = "Relative difference above which a bar is drifted (default reconcile.threshold, 0.005).")
  Double threshold;

  @Option(names = "--samples", paramLabel = "N", description = "Bars quoted per outcome (default reconcile.samples).")
  Integer samples;

  @Option(names = "--json", description = "One JSON object: counts under matched, missing, extra, drifted; samples.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    Settings settings = configOptions.load();
    long from = range.fromMicros(cmd);
    long to = range.toMicros(cmd);
    long[] millis = parseIntervals(cmd);
    refuseCalendarIntervals(cmd, settings, millis);
    double ratio = threshold != null ? threshold : settings.batch().reconcileThreshold();
    if (ratio < 0 || ratio > 1) {
      throw new CommandLine.ParameterException(cmd, "--threshold " + threshold + ": expected a ratio from 0 to 1");
    }
    ReconcileReport report;
    try (StoredDatabase db = StoredDatabase.open(settings); Connection c = db.jdbc().connect()) {
      report = new Reconciler(ratio).run(c, from, to, millis);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    print(report, samples != null ? samples : settings.batch().reconcileSamples(), cmd.getOut());
    return report.clean() ? RunCommand.EXIT_OK : EXIT_DRIFT;
  }

  private long[] parseIntervals(CommandLine cmd) {
    long[] out = new long[intervals.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Intervals.parse(intervals.get(i));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cmd, "--interval " + intervals.get(i)
            + ": expected intervals such as 1s, 10s, 1m");
      }
    }
    return out;
  }

  /**
   * The recomputation from stored trades places windows on the epoch grid, so a calendar interval (whole hours in a
   * timezone or from a session start) would be reported as drift it is not.
   */
  private void refuseCalendarIntervals(CommandLine cmd, Settings settings, long[] millis) {
    for (int i = 0; i < millis.length; i++) {
      if (settings.batcher().calendar(millis[i])) {
        throw new CommandLine.ParameterException(cmd, "--interval " + intervals.get(i) + ": its bars follow the "
            + "calendar of batcher.timezone " + settings.batcher().shapes().timezone() + " from batcher.session_start "
            + settings.batcher().shapes().sessionStart() + ", and reconcile recomputes epoch-aligned windows only");
      }
    }
  }

  private void print(ReconcileReport report, int n, PrintWriter out) {
    out.print(json ? report.toJson(n).encode() + "\n" : report.toText(n));
    out.flush();
  }
}
