package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.Set;

/** A model whose behaviour a test switches: score rsi_14 / 100, throw, or hang until the test releases it. */
final class ScriptedModel implements ModelAdapter {
  enum Mode { SCORE, THROW, HANG }

  volatile Mode mode = Mode.SCORE;
  final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
  /** Calls that returned a score (in any mode but THROW): a hung call counts only once released. */
  final java.util.concurrent.atomic.AtomicInteger returned = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Set<String> features() {
    return Set.of("rsi_14");
  }

  @Override
  public double threshold() {
    return 0.5;
  }

  @Override
  public double score(FeatureSnapshot snapshot) {
    calls.incrementAndGet();
    switch (mode) {
      case THROW:
        throw new IllegalStateException("model down");
      case HANG:
        // Hangs until the test releases it, so the caller's timeout must give up on it (this runs on the gate's own
        // worker pool, never on an event loop). The cap only frees the thread of a test that forgot to release.
        try {
          released.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        returned.incrementAndGet();
        return 0;
      default:
        returned.incrementAndGet();
        return snapshot.features().get("rsi_14") / 100;
    }
  }

  /** Lets every hung call return. */
  void release() {
    released.countDown();
  }
}
