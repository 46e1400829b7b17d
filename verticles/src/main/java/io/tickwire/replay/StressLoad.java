package io.tickwire.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a TCP ingest with synthetic trades: {@code connections} producers, one thread each, sharing the rate,
 * for a duration. A producer whose connection fails counts an error and reconnects after a short pause until
 * the time is up, so a node that restarts or refuses connections shows up as errors, not as a hang.
 */
public final class StressLoad {
  private static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** What the producers wrote, over the wall time of the whole load, and how often a connection failed. */
  public record Result(SendResult sent, long errors, String firstError) {
  }

  private final HostPort target;
  private final Rate rate;
  private final int connections;
  private final int symbols;
  private final Duration duration;
  private final Progress progress;
  private final String token;
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();

  public StressLoad(HostPort target, Rate rate, int connections, int symbols, Duration duration, Progress progress) {
    this(target, rate, connections, symbols, duration, progress, null);
  }

  /** @param token the producer token each connection's handshake sends; null: no handshake */
  public StressLoad(HostPort target, Rate rate, int connections, int symbols, Duration duration, Progress progress,
      String token) {
    if (connections < 1 || symbols < 1) {
      throw new IllegalArgumentException("connections and symbols must be at least 1");
    }
    rate.share(connections, 0); // fails now, not in a producer thread, when the rate cannot be shared
    this.target = target;
    this.rate = rate;
    this.connections = connections;
    this.symbols = symbols;
    this.duration = duration;
    this.progress = progress;
    this.token = token;
  }

  /** Runs the load to its end; may be called once. */
  public Result run() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Thread> producers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      int index = i;
      Thread producer = new Thread(() -> produce(index, deadline), "tickwire-stress-" + i);
      producer.start();
      producers.add(producer);
    }
    for (Thread producer : producers) {
      producer.join();
    }
    return new Result(new SendResult(frames.get(), bytes.get(), System.nanoTime() - start), errors.get(),
        firstError.get());
  }

  private void produce(int index, long deadline) {
    FrameSender sender = new FrameSender(target, rate.share(connections, index), progress).authenticating(token);
    int attempt = 0;
    while (System.nanoTime() < deadline) {
      SyntheticFrames payloads = new SyntheticFrames("stress-" + (index + 1), symbols, index * 1_000L + attempt++,
          rate.share(connections, index), deadline);
      try {
        record(sender.send(payloads));
      } catch (SendException e) {
        record(e.sentBefore());
        failed(e);
        LockSupport.parkNanos(Math.min(RECONNECT_PAUSE_NANOS, deadline - System.nanoTime()));
      }
    }
  }

  private void record(SendResult sent) {
    frames.addAndGet(sent.frames());
    bytes.addAndGet(sent.bytes());
  }

  private void failed(SendException e) {
    errors.incrementAndGet();
    firstError.compareAndSet(null, e.getMessage());
  }
}
