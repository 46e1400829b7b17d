package io.tickwire.bench;

import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.replay.CaptureReplay;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A recorded capture replayed whole through {@link CaptureReplay} (as {@code replay --capture} runs it): what a
 * trade frame in {@link VenueParseBenchmark} skips, i.e. books, Kraken's checksum after every update, Coinbase's L2
 * deltas, and the Binance depth sync with its REST snapshots of 1,000 levels applied on every pass. The score is
 * whole replays/s; the secondary {@code frames} score is the received frames those replays went through per second,
 * the figure to compare with the per-frame rows. A replay with a parse error or a failed checksum fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CaptureReplayBenchmark {
  /** Frames and events the replays went through, reported by JMH per second next to the replays. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Replayed {
    public long frames;
    public long events;

    @Setup(Level.Iteration)
    public void clear() {
      frames = 0;
      events = 0;
    }
  }

  @Param({"KRAKEN.ws.50.head1500", "COINBASE.ws.28.0", "BINANCE.ws.1.0"})
  public String capture;

  private CaptureSource source;
  private long frames;

  @Setup
  public void setup() {
    String venue = capture.substring(0, capture.indexOf('.')).toLowerCase(Locale.ROOT);
    // Binance's depth sync needs the REST snapshots recorded beside the stream, or every book stays unsynced.
    String rest = venue.equals("binance") ? "BINANCE.http.0.0" : null;
    source = CaptureSource.read(BenchInputs.cryptofeed(capture), rest == null ? null : BenchInputs.cryptofeed(rest),
        venue, null);
    frames = source.timeline().stream().filter(r -> r.direction() == Direction.RECEIVED).count();
    replay(new Replayed()); // one pass up front: a capture that does not replay cleanly fails here
  }

  @Benchmark
  public CaptureReplay.Result replay(Replayed replayed) {
    CaptureReplay.Result result = CaptureReplay.run(source);
    if (result.summary().getLong("parse_errors") > 0 || result.summary().getLong("checksum_failed") > 0) {
      throw new IllegalStateException("errors replaying " + capture + ": " + result.summary());
    }
    replayed.frames += frames;
    replayed.events += result.events().size();
    return result;
  }
}
