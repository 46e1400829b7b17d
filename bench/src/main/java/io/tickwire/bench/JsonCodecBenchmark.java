package io.tickwire.bench;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.codecs.V1JsonWriter;
import java.nio.charset.StandardCharsets;
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
 * The v1 JSON contract over a batch of {@value #EVENTS} trades. Decoding is the TCP ingest's per-frame step
 * ({@link V1Json#parseEvent} on the frame's UTF-8 bytes, unknown keys collected for schema drift); encoding is
 * what {@code tickwire tail} and {@code run --print} do per item ({@link V1JsonWriter}, one line each, into a
 * reused buffer). Scores are events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonCodecBenchmark {
  static final int EVENTS = 256;

  private List<Trade> trades;
  private byte[][] frames;
  private final V1JsonWriter writer = new V1JsonWriter();

  @Setup
  public void setup() {
    trades = BenchInputs.trades(EVENTS, List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "ADA-USD", "DOGE-USD",
        "AVAX-USD", "LINK-USD"), 10_000, 42);
    frames = new byte[EVENTS][];
    for (int i = 0; i < EVENTS; i++) {
      frames[i] = V1Json.toJson(trades.get(i)).getBytes(StandardCharsets.UTF_8);
      if (!V1Json.readEvent(frames[i]).equals(trades.get(i))) {
        throw new IllegalStateException("v1 JSON does not round-trip " + trades.get(i));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void decodeTrades(Blackhole bh) {
    for (byte[] frame : frames) {
      V1Json.Parsed parsed = V1Json.parseEvent(frame, 0, frame.length);
      bh.consume((MarketEvent) parsed.record());
      bh.consume(parsed.unknownKeys().isEmpty());
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int encodeTrades() {
    writer.reset();
    writer.writeAll(trades);
    return writer.size();
  }
}
