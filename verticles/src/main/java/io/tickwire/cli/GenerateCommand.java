package io.tickwire.cli;

import io.tickwire.codecs.Intervals;
import io.tickwire.replay.Disorder;
import io.tickwire.replay.GeneratedFile;
import io.tickwire.replay.Progress;
import io.tickwire.replay.TradeFileWriter;
import io.tickwire.replay.TradeStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire generate}: writes a file of synthetic v1 JSON trades, partly out of order within a bound, for
 * {@code tickwire replay --file} and for other systems fed the same input. Same options and seed, same file. Bad
 * options exit 2 naming the option and value.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a file of synthetic v1 JSON trades (one per line), a share of them out of order within a"
        + " bound of event time; the same for the same options and seed.")
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The file to write; gzip when it ends in .gz, zstd when it ends in .zst. Replaced if it exists.")
  Path out;

  @Option(names = "--trades", paramLabel = "N", defaultValue = "2000000",
      description = "Trades to write (default: ${DEFAULT-VALUE}).")
  long trades;

  @Option(names = "--symbols", paramLabel = "K", defaultValue = "8",
      description = "Symbols, all on venue synthetic: BTC-USD, ETH-USD, ... (default: ${DEFAULT-VALUE}).")
  int symbols;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "1000",
      description = "Trades per second of event time over all symbols: the file spans --trades / --rate seconds"
          + " (default: ${DEFAULT-VALUE}).")
  long rate;

  @Option(names = "--disorder", paramLabel = "P", defaultValue = "5%",
      description = "Share of trades delayed, e.g. 5%% or 0.05; each lands after a newer trade of its symbol"
          + " (default: ${DEFAULT-VALUE}).")
  String disorder;

  @Option(names = "--max-delay", paramLabel = "DURATION", defaultValue = "500ms",
      description = "How far behind the newest trade written a delayed trade may fall, in event time, e.g. 500ms, 1s"
          + " (default: ${DEFAULT-VALUE}).")
  String maxDelay;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of prices, sizes, arrivals and delays (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    TradeStream stream = stream();
    writable(out);
    GeneratedFile written = new TradeFileWriter(Progress.toStderr("generate")).write(stream, out);
    spec.commandLine().getErr().println(written.toText());
    return RunCommand.EXIT_OK;
  }

  private TradeStream stream() {
    if (trades < 0) {
      throw Options.bad(spec, "--trades must be 0 or more, got " + trades);
    }
    if (symbols < 1) {
      throw Options.bad(spec, "--symbols must be at least 1, got " + symbols);
    }
    if (rate < 1) {
      throw Options.bad(spec, "--rate must be at least 1 trade per second, got " + rate);
    }
    double share = Options.parse(spec, "--disorder", disorder, Disorder::parseShare);
    long delayMillis = Options.parse(spec, "--max-delay", maxDelay, Intervals::parse);
    return new TradeStream(trades, symbols, rate, new Disorder(share, delayMillis * 1000), seed);
  }

  private void writable(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    if (path.getFileName() == null || Files.isDirectory(path)) {
      throw Options.bad(spec, "--out " + path + ": is a directory; give a file name");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw Options.bad(spec, "--out " + path + ": no such directory " + parent);
    }
  }
}
