package io.tickwire.connector.binance;

import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.CaptureFormatException;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The depth snapshots of a cryptofeed REST capture (the BINANCE.http format:
 * {@code https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000 -> 1633998512.32: {...}}), in receive
 * order, so a replay can answer a session's snapshot requests with what the venue answered at the time.
 */
public final class BinanceRestCapture {
  /** One REST depth answer: the symbol from the request URL, when it arrived (epoch micros), and its body. */
  public record Snapshot(String symbol, long receivedMicros, String body) {
  }

  private BinanceRestCapture() {
  }

  /** Every {@code /depth} REST record of {@code file}, earliest first; other lines are skipped. */
  public static List<Snapshot> read(Path file) {
    List<Snapshot> out = new ArrayList<>();
    CryptofeedCapture.read(file, record -> {
      if (record.direction() == Direction.REST && record.url().contains("/depth?")) {
        out.add(new Snapshot(symbolOf(file, record), record.epochMicros(), record.payload()));
      }
    });
    out.sort(Comparator.comparingLong(Snapshot::receivedMicros));
    return out;
  }

  private static String symbolOf(Path file, CryptofeedCapture.Record record) {
    String url = record.url();
    int start = url.indexOf("symbol=");
    if (start < 0) {
      throw new CaptureFormatException(file + ":" + record.lineNumber() + ": depth URL without symbol=: " + url);
    }
    start += "symbol=".length();
    int end = url.indexOf('&', start);
    String symbol = url.substring(start, end < 0 ? url.length() : end);
    if (symbol.isEmpty()) {
      throw new CaptureFormatException(file + ":" + record.lineNumber() + ": depth URL with an empty symbol: " + url);
    }
    return BinanceStreams.symbol(symbol);
  }
}
