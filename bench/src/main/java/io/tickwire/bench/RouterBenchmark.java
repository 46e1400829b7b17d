package io.tickwire.bench;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.router.Detectors;
import io.tickwire.router.EventValidator;
import io.tickwire.router.KnownSymbols;
import io.tickwire.router.PartitionSequencer;
import io.tickwire.router.detect.SymbolState;
import java.util.ArrayList;
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
 * The router's per-event work with every detector on (the defaults of conf/tickwire.yaml: duplicates, order,
 * sequence gaps, latency p99, MAD outliers, stale-feed bookkeeping), without the event bus. The router's step is
 * {@code RouterVerticle.split}, which is private to the verticle and needs its Vert.x-bound dead letters and flight
 * recorder, so it cannot be called alone:
 * <ul>
 *   <li>{@link #detectors}: {@link KnownSymbols#admit} (which finds the symbol's detector state) and
 *   {@link Detectors#admit} per event of an ingress {@link TickBatch}, exactly as the router calls them;</li>
 *   <li>{@link #route}: the whole of {@code split} minus the flight recorder (BENCHMARKS.md measures its recording
 *   cost on its own) and the dead letters (no event of this input is rejected): validation, detectors, then the
 *   router's own {@link PartitionSequencer} (partition, sequence number), and the per-partition {@link TickBatch}es
 *   that {@code route} then sends.</li>
 * </ul>
 * Input: ingress batches of {@value #BATCH} synthetic trades over 12 symbols at 20,000 trades/s of event time, each
 * received 1-20 ms after its event time (which also serves as the router's clock). Trades are unique, in order and
 * consecutive per symbol, so the detectors do their common-case work; the pool of {@value #POOL_BATCHES} batches
 * starts over with fresh detectors when it runs out. Scores are events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouterBenchmark {
  static final int BATCH = 256;
  static final int POOL_BATCHES = 2048;

  private Settings settings;
  private List<TickBatch> batches;
  private int next;
  private KnownSymbols symbols;
  private Detectors detectors;
  private PartitionSequencer sequencer;
  private final List<Anomaly> seen = new ArrayList<>();
  /** Anomalies found (none on this input: in-order, unique, consecutive trades with normal latency and prices). */
  private long anomalies;

  @Setup
  public void setup() {
    settings = BenchInputs.settings();
    List<String> symbols = List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "ADA-USD", "DOGE-USD", "AVAX-USD",
        "LINK-USD", "DOT-USD", "LTC-USD", "BCH-USD", "ATOM-USD");
    List<Trade> trades = BenchInputs.trades(BATCH * POOL_BATCHES, symbols, 20_000, 11).stream()
        .map(t -> t.withSeq(0)).toList(); // ingress events are not sequenced yet
    batches = BenchInputs.batches(trades, BATCH, TickBatch.UNPARTITIONED);
    restart();
  }

  private void restart() {
    symbols = new KnownSymbols(settings.router().maxSymbols(), settings.router().symbolIdleMs());
    detectors = new Detectors(settings.detect(), settings.router().maxFutureMs() * 1000);
    sequencer = new PartitionSequencer(settings.pipeline().partitions());
    next = 0;
  }

  private TickBatch nextBatch() {
    if (next == batches.size()) {
      restart();
    }
    return batches.get(next++);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int detectors() {
    int kept = 0;
    for (MarketEvent event : nextBatch().items()) {
      seen.clear();
      SymbolState state = symbols.admit(event.venue(), event.symbol(), event.ingestTime() / 1000);
      if (detectors.admit(event, state, event.ingestTime(), seen)) {
        kept++;
      }
      anomalies += seen.size();
    }
    return kept;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void route(Blackhole bh) {
    for (MarketEvent event : nextBatch().items()) {
      long now = event.ingestTime();
      String reason = EventValidator.rejectReason(event, now, settings.router().maxFutureMs() * 1000);
      if (reason != null) {
        bh.consume(reason);
        continue;
      }
      seen.clear();
      SymbolState state = symbols.admit(event.venue(), event.symbol(), now / 1000);
      boolean keep = detectors.admit(event, state, now, seen);
      anomalies += seen.size();
      if (!keep) {
        continue;
      }
      sequencer.append(sequencer.partitionOf(event), event);
    }
    for (int p = 0; p < sequencer.partitions(); p++) {
      List<MarketEvent> events = sequencer.take(p);
      if (events != null) {
        bh.consume(new TickBatch(p, events));
      }
    }
  }
}
