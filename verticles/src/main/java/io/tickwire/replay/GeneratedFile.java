package io.tickwire.replay;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code tickwire generate} wrote.
 *
 * @param path the file
 * @param trades lines written, one trade each
 * @param bytes before compression
 * @param outOfOrder trades written after a newer trade of their symbol
 * @param maxLagMicros the most any trade trailed the newest trade written before it, in event time
 * @param elapsedNanos how long writing took
 */
public record GeneratedFile(Path path, long trades, long bytes, long outOfOrder, long maxLagMicros,
    long elapsedNanos) {

  /** One line for people. */
  public String toText() {
    double share = trades == 0 ? 0 : 100.0 * outOfOrder / trades;
    return String.format(Locale.ROOT, "generate: %d trades (%.1f MB, %.0f bytes a line) written to %s in %.1f s;"
            + " %d (%.2f%%) out of order within their symbol, by up to %.1f ms behind the newest trade",
        trades, bytes / 1e6, trades == 0 ? 0.0 : (double) bytes / trades, path, elapsedNanos / 1e9, outOfOrder, share,
        maxLagMicros / 1e3);
  }
}
