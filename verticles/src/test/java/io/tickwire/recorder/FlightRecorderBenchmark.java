package io.tickwire.recorder;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.RecorderSettings;
import io.tickwire.codecs.AnomalyTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recording cost per event on the router's thread: the default bounds (500,000 events, 64 MiB, 10 min) so the ring
 * is full and evicting, mixed trades, quotes and books, and a trigger anomaly every 100,000 events with a 0 cooldown
 * so captures (5,000 before, 3,000 after) run throughout. One warm-up, three timed runs, median reported. A
 * benchmark, not a test: run it by hand (command in BENCHMARKS.md). Argument: [events].
 */
public final class FlightRecorderBenchmark {
  private static final int TRIGGER_EVERY = 100_000;

  private FlightRecorderBenchmark() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    MarketEvent[] events = new MarketEvent[count];
    Arrays.setAll(events, Recorded::mixed);
    RecorderSettings settings = new RecorderSettings(true, 600_000, 500_000, 64L << 20, 5_000, 3_000, 30_000, 0,
        List.of(AnomalyTypes.OUTLIER_PRICE), "incidents");

    run(settings, events);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] seconds = new double[3];
    double[] cpuSeconds = new double[3];
    long incidents = 0;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      incidents = run(settings, events);
      cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    Arrays.sort(cpuSeconds);
    double median = seconds[1];
    // CPU time as well: on a shared machine, wall time also counts the time other processes had the core.
    System.out.printf(Locale.ROOT, "%d events: median %.3f s (runs %s), %.0f events/s, %.1f ns per event,"
        + " %.1f ns CPU per event, %d incidents per run%n", count, median, Arrays.toString(seconds), count / median,
        median * 1e9 / count, cpuSeconds[1] * 1e9 / count, incidents);
  }

  private static long run(RecorderSettings settings, MarketEvent[] events) {
    long[] incidents = new long[1];
    FlightRecorder recorder = new FlightRecorder(settings, incident -> incidents[0]++);
    for (int i = 0; i < events.length; i++) {
      recorder.record(events[i]);
      if (i % TRIGGER_EVERY == TRIGGER_EVERY - 1) {
        recorder.anomaly(Recorded.anomaly(AnomalyTypes.OUTLIER_PRICE, events[i]), 0);
      }
    }
    recorder.flush();
    return incidents[0];
  }
}
