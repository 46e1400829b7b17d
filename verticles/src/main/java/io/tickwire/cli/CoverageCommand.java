package io.tickwire.cli;

import io.tickwire.codecs.IsoTime;
import io.tickwire.config.Settings;
import io.tickwire.coverage.Channel;
import io.tickwire.coverage.CoverageReport;
import io.tickwire.coverage.Segment;
import io.tickwire.flow.Clock;
import io.tickwire.store.CoverageRow;
import io.tickwire.store.CoverageTable;
import io.tickwire.store.StoredDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire coverage [--venue --symbol --channel --from --to] [--json]}: what the completeness ledger holds for
 * a range. Exit 0 when every matching stream is complete, 3 when some has a hole (or none matched: nothing recorded
 * is not complete), 2 for bad input.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {"Is my data complete? Covered spans and holes (with their causes) of each venue x symbol x",
        "channel over a range of event time, from the completeness ledger; exit 3 when the range has holes."})
final class CoverageCommand implements Callable<Integer> {
  static final int EXIT_HOLES = 3;
  /** Segments read at most; more means the range or the filter should be narrower. */
  static final int MAX_SEGMENTS = 1_000_000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--venue", paramLabel = "VENUE", description = "Only this venue (default every venue).")
  String venue;

  @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Only this symbol (default every symbol).")
  String symbol;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "trades, book or quotes (default all).")
  String channel;

  @Option(names = "--from", paramLabel = "ISO", description = "Start (inclusive; default: everything recorded).")
  String from;

  @Option(names = "--to", paramLabel = "ISO", description = "End (exclusive; default: now).")
  String to;

  @Option(names = "--json", description = "One JSON object a stream, a line each, instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    Settings settings = configOptions.load();
    long now = Clock.nowMicros();
    long start = from == null ? IsoTime.parse("0001-01-01T00:00:00Z") : time(cmd, "--from", from);
    long end = to == null ? now : time(cmd, "--to", to);
    if (end <= start) {
      throw new CommandLine.ParameterException(cmd, "--to " + to + " must be after --from " + from);
    }
    checkChannel(cmd);
    List<CoverageRow> rows;
    try (StoredDatabase db = StoredDatabase.open(settings); Connection c = db.jdbc().connect()) {
      rows = CoverageTable.inRange(c, venue, symbol, channel, start, end, MAX_SEGMENTS + 1);
    }
    boolean truncated = rows.size() > MAX_SEGMENTS;
    CoverageReport report = CoverageReport.of(truncated ? rows.subList(0, MAX_SEGMENTS) : rows, start, end, now,
        truncated);
    print(report, cmd.getOut());
    if (truncated) {
      cmd.getErr().println("tickwire coverage: more than " + MAX_SEGMENTS + " segments; narrow the range or filter");
    }
    if (report.streams().isEmpty()) {
      cmd.getErr().println("tickwire coverage: no stream recorded in the range (nothing recorded is not complete)");
    }
    return report.complete() ? RunCommand.EXIT_OK : EXIT_HOLES;
  }

  private void checkChannel(CommandLine cmd) {
    if (channel != null) {
      try {
        Channel.parse(channel);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cmd, "--channel " + channel + ": expected trades, book or quotes");
      }
    }
  }

  private static long time(CommandLine cmd, String option, String value) {
    try {
      return IsoTime.parse(value);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(cmd, option + " " + value
          + ": expected an ISO-8601 time with a zone, e.g. 2024-05-01T00:00:00Z");
    }
  }

  private void print(CoverageReport report, PrintWriter out) {
    for (CoverageReport.StreamCoverage s : report.streams()) {
      if (json) {
        out.println(s.toJson(report.from(), report.to()).encode());
      } else {
        printRow(s, out);
      }
    }
    out.flush();
  }

  private static void printRow(CoverageReport.StreamCoverage s, PrintWriter out) {
    out.printf("%-12s %-16s %-7s %8.3f%%  %s%n", s.stream().venue(), s.stream().symbol(), s.stream().channel().wire(),
        s.percent(), s.complete() ? "complete" : s.holes().stream().filter(Segment::missing).count() + " hole(s)");
    for (Segment h : s.holes()) {
      out.printf("    %s .. %s  %-15s %-13s %s%s%n", IsoTime.format(h.from()), IsoTime.format(h.to()),
          h.cause().wire(), state(h), h.detail() == null ? "" : h.detail(), h.ongoing() ? " (ongoing)" : "");
    }
  }

  private static String state(Segment hole) {
    return switch (hole.state()) {
      case BACKFILLED -> "backfilled(" + hole.recovered() + (hole.verified() ? ", verified" : "") + ")";
      case UNRECOVERABLE -> "unrecoverable(" + hole.resolution() + ")";
      case OPEN -> "open";
    };
  }
}
