package io.tickwire.cli;

import io.tickwire.bench.BarKindsBench;
import io.tickwire.bench.BenchOptions;
import io.tickwire.bench.BenchReport;
import io.tickwire.bench.BenchRun;
import io.tickwire.codecs.Intervals;
import io.tickwire.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire bench}: runs the whole pipeline in this JVM against the synthetic feed and reports sustained
 * throughput, bar and signal latency percentiles, memory, GC and losses. Exit 0 after a run, 1 when it failed, 2 on
 * bad options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline in-process on the synthetic feed and report throughput, latency, memory.")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long to measure, after the warm-up, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long to run before measuring (JIT, first windows closing) (default: ${DEFAULT-VALUE}).")
  String warmup;

  @Option(names = "--rate", paramLabel = "max|N", defaultValue = "max",
      description = "Synthetic events per second, or max: as fast as the pipeline takes them (default:"
          + " ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--symbols", paramLabel = "K", defaultValue = "8",
      description = "Synthetic symbols, spread over the partitions (default: ${DEFAULT-VALUE}).")
  int symbols;

  @Option(names = "--persist-trades", description = "Also write every trade to PostgreSQL (bars and signals always"
      + " are).")
  boolean persistTrades;

  @Option(names = "--cluster", description = "Run two clustered nodes in this JVM (ingest+persist, compute), the"
      + " batches crossing the clustered event bus over loopback.")
  boolean cluster;

  @Option(names = "--bar-kinds", description = "Instead of the pipeline, time each bar kind's builder on its own"
      + " (time skip/flat, calendar, tick, volume, dollar) over --trades synthetic trades of --symbols symbols and"
      + " report nanoseconds per trade.")
  boolean barKinds;

  @Option(names = "--trades", paramLabel = "N", defaultValue = "1000000",
      description = "Trades per pass for --bar-kinds (default: ${DEFAULT-VALUE}).")
  int trades;

  @Option(names = "--json", description = "Print one JSON object (snake_case keys with units) instead of text.")
  boolean json;

  @Override
  public Integer call() {
    if (barKinds) {
      return barKinds();
    }
    BenchOptions options;
    try {
      options = new BenchOptions(Intervals.parse(duration), warmup(), rate(rate), symbols, persistTrades, cluster);
    } catch (IllegalArgumentException e) {
      return fail(RunCommand.EXIT_BAD_CONFIG, e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      BenchReport report = new BenchRun(options, line -> err.println(line)).run(configOptions::load);
      spec.commandLine().getOut().println(json ? report.toJson().encode() : report.toText());
      return RunCommand.EXIT_OK;
    } catch (ConfigException e) {
      return fail(RunCommand.EXIT_BAD_CONFIG, e.getMessage());
    } catch (Exception e) {
      return fail(RunCommand.EXIT_FAILED, "the run failed: " + e);
    }
  }

  private int barKinds() {
    List<BarKindsBench.Result> results;
    try {
      results = new BarKindsBench(trades, symbols, spec.commandLine().getErr()::println).run();
    } catch (IllegalArgumentException e) {
      return fail(RunCommand.EXIT_BAD_CONFIG, e.getMessage());
    }
    spec.commandLine().getOut().println(json ? BarKindsBench.toJson(results, trades, symbols).encode()
        : BarKindsBench.toText(results, trades, symbols));
    return RunCommand.EXIT_OK;
  }

  private int fail(int code, String message) {
    spec.commandLine().getErr().println("tickwire bench: " + message);
    return code;
  }

  private long warmup() {
    return warmup.equals("0") ? 0 : Intervals.parse(warmup);
  }

  /** {@code max} is 0; otherwise a positive whole number of events per second. */
  static long rate(String value) {
    if (value.equals("max")) {
      return 0;
    }
    try {
      long perSecond = Long.parseLong(value.replace("_", ""));
      if (perSecond > 0) {
        return perSecond;
      }
    } catch (NumberFormatException e) {
      // fall through to the message naming the value
    }
    throw new IllegalArgumentException("--rate must be max or a positive number of events/s, was '" + value + "'");
  }
}
