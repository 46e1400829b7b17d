package io.tickwire.connector.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the raw recordings of cryptofeed's data collector (the format of the repository's
 * {@code fixtures/cryptofeed/} folder), one frame per line:
 * <pre>
 * wss://HOST/PATH &lt;-&gt; 1618677816.84          connection opened
 * wss://HOST/PATH &lt;- 1618677817.02: {...}    a frame sent (subscribe)
 * 1618677817.061845: {...}                   a frame received
 * https://HOST/PATH -&gt; 1633998512.32: {...}  a REST response body
 * </pre>
 * Times are epoch seconds with a fraction; they are kept as epoch microseconds (truncated). Blank lines and
 * {@code #} comment lines (the header of tickwire's own captures, {@link CaptureWriter}) are skipped. A line of
 * none of these shapes throws {@link CaptureFormatException} naming the line number.
 */
public final class CryptofeedCapture {
  public enum Direction {
    /** {@code URL <-> ts}: a websocket connection was opened; no payload. */
    OPEN,
    /** {@code URL <- ts: payload}: a frame we sent. */
    SENT,
    /** {@code ts: payload}: a frame received on the current connection. */
    RECEIVED,
    /** {@code URL -> ts: payload}: a REST response body. */
    REST
  }

  /**
   * One line. {@code url} is the line's URL for OPEN, SENT and REST, and the URL of the last OPEN (or null) for
   * RECEIVED; {@code payload} is empty for OPEN.
   */
  public record Record(long lineNumber, Direction direction, String url, long epochMicros, String payload) {
  }

  public static final class CaptureFormatException extends RuntimeException {
    public CaptureFormatException(String message) {
      super(message);
    }
  }

  private CryptofeedCapture() {
  }

  public static List<Record> readAll(Path file) {
    List<Record> out = new ArrayList<>();
    read(file, out::add);
    return out;
  }

  /** Streams the file's records to {@code sink} in order; returns how many there were. */
  public static long read(Path file, Consumer<Record> sink) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      long count = 0;
      String currentUrl = null;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue; // tickwire's own captures start with a '#' header; the line shapes are the same
        }
        Record record;
        try {
          record = parseLine(number, line, currentUrl);
        } catch (CaptureFormatException e) {
          throw new CaptureFormatException(file + ":" + e.getMessage());
        }
        if (record.direction() == Direction.OPEN) {
          currentUrl = record.url();
        }
        sink.accept(record);
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read capture " + file, e);
    }
  }

  /** Parses one non-blank line; {@code currentUrl} is attributed to RECEIVED records. */
  public static Record parseLine(long number, String line, String currentUrl) {
    if (line.isEmpty()) {
      throw bad(number, line, "empty line");
    }
    char first = line.charAt(0);
    if (first >= '0' && first <= '9') {
      int colon = line.indexOf(": ");
      if (colon < 0) {
        throw bad(number, line, "received frame without ': '");
      }
      return new Record(number, Direction.RECEIVED, currentUrl, micros(number, line, 0, colon),
          line.substring(colon + 2));
    }
    int space = line.indexOf(' ');
    if (space <= 0 || line.indexOf("://") < 0 || line.indexOf("://") > space) {
      throw bad(number, line, "neither a timestamp nor a URL at the start");
    }
    String url = line.substring(0, space);
    int arrowEnd = line.indexOf(' ', space + 1);
    if (arrowEnd < 0) {
      throw bad(number, line, "no direction arrow");
    }
    String arrow = line.substring(space + 1, arrowEnd);
    int tsStart = arrowEnd + 1;
    switch (arrow) {
      case "<->" -> {
        return new Record(number, Direction.OPEN, url, micros(number, line, tsStart, line.length()), "");
      }
      case "<-", "->" -> {
        int colon = line.indexOf(": ", tsStart);
        if (colon < 0) {
          throw bad(number, line, "frame without ': '");
        }
        Direction direction = arrow.equals("<-") ? Direction.SENT : Direction.REST;
        return new Record(number, direction, url, micros(number, line, tsStart, colon), line.substring(colon + 2));
      }
      default -> throw bad(number, line, "unknown direction '" + arrow + "'");
    }
  }

  /** Epoch seconds {@code digits[.digits]} to epoch microseconds, truncating beyond the sixth decimal. */
  static long micros(long number, String line, int from, int to) {
    long seconds = 0;
    long fraction = 0;
    int fractionDigits = 0;
    boolean point = false;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        digits++;
        if (!point) {
          if (seconds > 9_000_000_000_000L) {
            throw bad(number, line, "timestamp too large");
          }
          seconds = seconds * 10 + (c - '0');
        } else if (fractionDigits < 6) {
          fraction = fraction * 10 + (c - '0');
          fractionDigits++;
        }
      } else {
        throw bad(number, line, "bad timestamp character '" + c + "'");
      }
    }
    if (digits == 0) {
      throw bad(number, line, "empty timestamp");
    }
    for (; fractionDigits < 6; fractionDigits++) {
      fraction *= 10;
    }
    return seconds * 1_000_000 + fraction;
  }

  private static CaptureFormatException bad(long number, String line, String why) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
    return new CaptureFormatException(number + ": " + why + ": " + shown);
  }
}
