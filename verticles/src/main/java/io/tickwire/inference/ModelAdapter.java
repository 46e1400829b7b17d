package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.Set;

/**
 * An ML evaluator: maps a feature snapshot to a probability-like score. {@link ModelGate} calls it on a worker
 * thread (so it may block), bounded by {@code inference.model_timeout_ms} and behind a circuit breaker, only for
 * snapshots that carry every one of {@link #features()}. A signal is emitted when the score crosses
 * {@link #threshold()} upward.
 */
public interface ModelAdapter {
  String name();

  /** The features the model reads; a snapshot missing any of them is not scored. */
  Set<String> features();

  double threshold();

  double score(FeatureSnapshot snapshot);
}
