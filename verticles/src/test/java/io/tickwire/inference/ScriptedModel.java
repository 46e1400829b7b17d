package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.Set;

/** A model whose behaviour a test switches: score rsi_14 / 100, throw, or hang past any timeout. */
final class ScriptedModel implements ModelAdapter {
  enum Mode { SCORE, THROW, HANG }

  volatile Mode mode = Mode.SCORE;
  final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

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
        // A model that hangs: nothing ever releases it, its caller's timeout must give up on it (this runs on the
        // gate's own worker pool, never on an event loop).
        try {
          new java.util.concurrent.CountDownLatch(1).await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      default:
        return snapshot.features().get("rsi_14") / 100;
    }
  }
}
