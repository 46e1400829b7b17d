package io.tickwire.connector.binance;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionSpec;
import io.tickwire.connector.venue.SessionSpec.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Frames per second through {@link BinanceSession#onFrame} on one thread: (1) trades, the recorded aggTrade frames
 * repeated, and (2) the whole recorded mix (depth diffs, book tickers, trades, klines) repeated, with each
 * symbol's REST snapshot applied once up front so depth diffs reach the books. Each pass over the mix restarts its
 * update ids, so a fresh session is used per run and diffs that repeat old ids are dropped as already applied,
 * as they would be live. One warm-up, three timed runs, median reported. A benchmark, not a test: run it by hand.
 * Argument: [trade frames] (default 3,000,000).
 */
public final class BinanceParseBenchmark {
  private static final List<String> SYMBOLS = List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");

  private BinanceParseBenchmark() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    List<String> recorded = BinanceFixtureReplay.frames();
    List<String> aggTrades = recorded.stream().filter(f -> f.contains("\"aggTrade\"")).toList();
    report("aggTrade frames", repeat(aggTrades, count), false);
    report("recorded mix", repeat(recorded, count / 4), true);
  }

  private static void report(String name, String[] frames, boolean withSnapshots) {
    run(frames, withSnapshots);
    double[] seconds = new double[3];
    long events = 0;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      events = run(frames, withSnapshots);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[1];
    System.out.printf(Locale.ROOT, "%s: %d frames, median %.3f s (runs %s), %.0f frames/s, %.0f ns per frame,"
        + " %d events per run%n", name, frames.length, median, Arrays.toString(seconds), frames.length / median,
        median * 1e9 / frames.length, events);
  }

  /** One pass through a fresh session; returns the events it put out (so the work cannot be optimised away). */
  private static long run(String[] frames, boolean withSnapshots) {
    Counter counter = new Counter();
    BinanceSession session = new BinanceSession(new SessionSpec(SYMBOLS, EnumSet.allOf(Channel.class), 1000),
        counter);
    if (withSnapshots) {
      syncBooks(session);
    }
    long received = 1_633_998_512_000_000L;
    for (String frame : frames) {
      session.onFrame(frame, received++);
    }
    if (session.stats().parseErrors() > 0) {
      throw new IllegalStateException("parse errors: " + session.stats().lastError());
    }
    return counter.events;
  }

  /** Starts each book's sync with the recorded snapshot, so the mix's depth diffs are applied, not buffered. */
  private static void syncBooks(BinanceSession session) {
    for (BinanceFixtureReplay.Step step : BinanceFixtureReplay.timeline()) {
      if (step.frame() != null && step.frame().contains("depthUpdate")) {
        session.onFrame(step.frame(), step.at());
      } else if (step.snapshot() != null) {
        session.onSnapshot(step.snapshot().symbol(), step.snapshot().body(), step.at());
      }
    }
  }

  private static String[] repeat(List<String> frames, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(frames.get(i % frames.size()));
    }
    return out.toArray(String[]::new);
  }

  /** Counts events; the rest of a session's output is not what is measured. */
  private static final class Counter implements SessionOutput {
    long events;

    @Override
    public void event(MarketEvent event) {
      events++;
    }

    @Override
    public void gap(String symbol, String reason, long receivedMicros) {
    }

    @Override
    public void send(String frame) {
    }

    @Override
    public void requestSnapshot(String symbol) {
    }

    @Override
    public void schemaDrift(String symbol, String detail, String frame) {
    }
  }
}
