package io.tickwire.bench;

import io.tickwire.batcher.PartitionWindows;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.BatcherSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The batcher's per-event work: one partition's event-time windows ({@link PartitionWindows}) with the default
 * three intervals (1s, 10s, 1m), allowed lateness and late policy, fed batches of {@value #BATCH} routed trades
 * as the batcher receives them on {@code md.ticks.<p>}. Trades are in order over 4 symbols at 2,000 trades/s of
 * event time, so every batch moves the watermark and bars close as they would live (about every 2,000 trades
 * for the 1s windows). The pool of {@value #POOL_BATCHES} batches (about 4.4 minutes of event time) starts over
 * with fresh windows when it runs out. Scores are events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatcherBenchmark {
  static final int BATCH = 256;
  static final int POOL_BATCHES = 2048;

  private BatcherSettings settings;
  private List<TickBatch> batches;
  private int next;
  private PartitionWindows windows;
  private final List<Bar> bars = new ArrayList<>();

  @Setup
  public void setup() {
    settings = BenchInputs.settings().batcher();
    if (!Arrays.equals(settings.intervalsMillis(), new long[] {1_000, 10_000, 60_000})) {
      throw new IllegalStateException("expected the default intervals 1s, 10s, 1m; conf/tickwire.yaml has "
          + Arrays.toString(settings.intervalsMillis()));
    }
    batches = BenchInputs.batches(BenchInputs.trades(BATCH * POOL_BATCHES,
        List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD"), 2_000, 5), BATCH, 5);
    windows = new PartitionWindows(settings);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void onEvents(Blackhole bh) {
    if (next == batches.size()) {
      windows = new PartitionWindows(settings);
      next = 0;
    }
    List<MarketEvent> events = batches.get(next++).items();
    bars.clear();
    windows.onEvents(events, events.get(events.size() - 1).ingestTime(), bars);
    bh.consume(bars.size());
  }
}
