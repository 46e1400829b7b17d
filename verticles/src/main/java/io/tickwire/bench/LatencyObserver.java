package io.tickwire.bench;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Watches the bars and signals the pipeline publishes for observers and records, for each, the time from its
 * window's end (event time, which the bench's synthetic feed takes from the wall clock) to its arrival here: bar
 * latency includes the allowed lateness, the batcher and the event bus; signal latency adds the feature and rule
 * stages. Revisions are late data, not latency, and are left out.
 *
 * <p>A best-effort observer: it never slows the pipeline, and recording costs nanoseconds, so it keeps up.
 */
final class LatencyObserver {
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  /** Four significant digits: about 30 µs of resolution at half a second, where the latency targets sit. */
  private static final int DIGITS = 4;

  private final Recorder bars = new Recorder(HIGHEST_MICROS, DIGITS);
  private final Recorder signals = new Recorder(HIGHEST_MICROS, DIGITS);

  Future<Void> start(Vertx vertx) {
    MessageConsumer<BarBatch> barConsumer = vertx.eventBus().localConsumer(Addresses.BARS,
        message -> barsArrived(message.body()));
    MessageConsumer<SignalBatch> signalConsumer = vertx.eventBus().localConsumer(Addresses.SIGNALS,
        message -> signalsArrived(message.body()));
    return Future.all(barConsumer.completion(), signalConsumer.completion()).mapEmpty();
  }

  private void barsArrived(BarBatch batch) {
    long now = Clock.nowMicros();
    for (Bar bar : batch.items()) {
      if (bar.revision() == 0) {
        bars.recordValue(clamp(now - bar.end()));
      }
    }
  }

  private void signalsArrived(SignalBatch batch) {
    long now = Clock.nowMicros();
    for (Signal signal : batch.items()) {
      signals.recordValue(clamp(now - signal.ts()));
    }
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(HIGHEST_MICROS, micros));
  }

  /** Bar latencies since the previous call (µs): the warm-up is read and thrown away, then the measured run. */
  Histogram barsSinceLast() {
    return bars.getIntervalHistogram();
  }

  /** Signal latencies since the previous call (µs). */
  Histogram signalsSinceLast() {
    return signals.getIntervalHistogram();
  }
}
