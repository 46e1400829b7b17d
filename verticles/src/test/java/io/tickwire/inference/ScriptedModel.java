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
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      default:
        return snapshot.features().get("rsi_14") / 100;
    }
  }
}
