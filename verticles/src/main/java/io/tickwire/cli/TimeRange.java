package io.tickwire.cli;

import io.tickwire.codecs.IsoTime;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: a range of event time, ISO-8601 with a zone, {@code to} after {@code from}. */
final class TimeRange {
  @Option(names = "--from", required = true, paramLabel = "ISO", description = "Start (inclusive), e.g. 2024-05-01T00:00:00Z.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ISO", description = "End (exclusive).")
  String to;

  long fromMicros(CommandLine cmd) {
    return parse(cmd, "--from", from);
  }

  long toMicros(CommandLine cmd) {
    long end = parse(cmd, "--to", to);
    if (end <= fromMicros(cmd)) {
      throw new CommandLine.ParameterException(cmd, "--to " + to + " must be after --from " + from);
    }
    return end;
  }

  private static long parse(CommandLine cmd, String option, String value) {
    try {
      return IsoTime.parse(value);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(cmd, option + " " + value
          + ": expected an ISO-8601 time with a zone, e.g. 2024-05-01T00:00:00Z");
    }
  }
}
