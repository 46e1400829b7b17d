package io.tickwire.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr now and then during a long send: every few seconds for a person watching a
 * terminal, rarely otherwise, so a CI log gets a heartbeat rather than a flood. Thread-safe: several
 * connections may report into one.
 */
public final class Progress {
  private static final long TERMINAL_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final Progress NONE = new Progress("", null, Long.MAX_VALUE);
  private static final String FRAMES = "frames";
  private static final String SENT = "sent";

  private final String label;
  private final PrintStream out;
  private final long everyNanos;
  private final long startNanos = System.nanoTime();
  private final AtomicLong nextNanos;
  private final LongAdder frames = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  /** Bytes of the input file read so far, and its size; null when the frames come from no file. */
  private final LongSupplier fileRead;
  private final long fileSize;
  /** What is counted and what is done with it, as a line tells it: "frames" "sent", "trades" "written". */
  private final String items;
  private final String done;

  Progress(String label, PrintStream out, long everyNanos) {
    this(label, out, everyNanos, null, 0, FRAMES, SENT);
  }

  private Progress(String label, PrintStream out, long everyNanos, LongSupplier fileRead, long fileSize,
      String items, String done) {
    this.label = label;
    this.out = out;
    this.everyNanos = everyNanos;
    this.nextNanos = new AtomicLong(out == null ? Long.MAX_VALUE : startNanos + everyNanos);
    this.fileRead = fileRead;
    this.fileSize = fileSize;
    this.items = items;
    this.done = done;
  }

  /** Reports nothing. */
  public static Progress none() {
    return NONE;
  }

  /** Reports on stderr, every 5 s on an interactive console and every 30 s otherwise. */
  public static Progress toStderr(String label) {
    return new Progress(label, System.err, System.console() != null ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS);
  }

  /**
   * This progress, each line also telling how much of the input file has been read: {@code read} bytes of
   * {@code size}, both as on disk (compressed), so the share is right for a .gz or .zst file too.
   */
  public Progress reading(LongSupplier read, long size) {
    return new Progress(label, out, everyNanos, read, size, items, done);
  }

  /** This progress, its lines counting {@code items} that were {@code done} (e.g. "trades", "written"). */
  public Progress counting(String items, String done) {
    return new Progress(label, out, everyNanos, fileRead, fileSize, items, done);
  }

  /** One frame (or item) of {@code size} bytes sent (or done); prints a line when one is due. */
  void sent(long size) {
    frames.increment();
    bytes.add(size);
    long now = System.nanoTime();
    long next = nextNanos.get();
    if (now >= next && nextNanos.compareAndSet(next, now + everyNanos)) {
      print(now);
    }
  }

  private void print(long now) {
    double seconds = (now - startNanos) / 1e9;
    long n = frames.sum();
    out.printf(Locale.ROOT, "%s: %d %s (%.1f MB) %s in %.0f s, %.0f events/s%s%n", label, n, items,
        bytes.sum() / 1e6, done, seconds, n / seconds, fileShare());
  }

  private String fileShare() {
    if (fileRead == null || fileSize <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, ", %.0f%% of the file read", Math.min(100.0, 100.0 * fileRead.getAsLong()
        / fileSize));
  }
}
