package io.tickwire.bench;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * The event bus's binary batch codec ({@link Codecs#TICK_BATCH}, {@link Codecs#BAR_BATCH}), the bytes every batch
 * costs when it crosses to another cluster node: encode into a fresh buffer (as the event bus does per message),
 * decode from one. A tick batch is {@value #TRADES} synthetic trades over 8 symbols, routed and sequenced; a bar
 * batch is {@value #BARS} bars (16 symbols times the 1s, 10s and 1m intervals, closing together). Scores are per
 * element: trades/s and bars/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BinaryCodecBenchmark {
  static final int TRADES = 256;
  static final int BARS = 48;

  private TickBatch ticks;
  private BarBatch bars;
  private Buffer encodedTicks;
  private Buffer encodedBars;

  @Setup
  public void setup() {
    List<Trade> trades = BenchInputs.trades(TRADES, List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "ADA-USD",
        "DOGE-USD", "AVAX-USD", "LINK-USD"), 10_000, 42);
    ticks = new TickBatch(3, List.copyOf(trades));
    bars = new BarBatch(bars(16));
    encodedTicks = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(encodedTicks, ticks);
    encodedBars = Buffer.buffer();
    Codecs.BAR_BATCH.encodeToWire(encodedBars, bars);
    if (!Codecs.TICK_BATCH.decodeFromWire(0, encodedTicks).equals(ticks)
        || !Codecs.BAR_BATCH.decodeFromWire(0, encodedBars).equals(bars)) {
      throw new IllegalStateException("the codec does not round-trip the benchmark's batches");
    }
  }

  /** One closed bar per symbol and interval, prices near 100, as the batcher emits them. */
  static List<Bar> bars(int symbols) {
    SplittableRandom random = new SplittableRandom(7);
    long[] intervals = {1_000, 10_000, 60_000};
    List<Bar> out = new ArrayList<>(symbols * intervals.length);
    for (long interval : intervals) {
      for (int s = 0; s < symbols; s++) {
        double open = 100 + random.nextDouble(-5, 5);
        double close = open * (1 + random.nextDouble(-0.01, 0.01));
        double high = Math.max(open, close) * (1 + random.nextDouble(0.005));
        double low = Math.min(open, close) * (1 - random.nextDouble(0.005));
        long start = BenchInputs.START_MICROS + 60_000_000L - interval * 1000;
        out.add(new Bar("synthetic", "SYM" + s + "-USD", interval, start, open, high, low, close,
            random.nextDouble(1, 50), (open + close) / 2, 1 + random.nextInt(500), 0));
      }
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(TRADES)
  public Buffer encodeTicks() {
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, ticks);
    return buffer;
  }

  @Benchmark
  @OperationsPerInvocation(TRADES)
  public TickBatch decodeTicks() {
    return Codecs.TICK_BATCH.decodeFromWire(0, encodedTicks);
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public Buffer encodeBars() {
    Buffer buffer = Buffer.buffer();
    Codecs.BAR_BATCH.encodeToWire(buffer, bars);
    return buffer;
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public BarBatch decodeBars() {
    return Codecs.BAR_BATCH.decodeFromWire(0, encodedBars);
  }
}
