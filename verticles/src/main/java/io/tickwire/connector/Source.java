package io.tickwire.connector;

import io.vertx.core.Future;

/** A connector that may come to an end by itself (a finite synthetic stream, a replayed capture). */
public interface Source {
  /** Completes when the source has produced everything it will and the pipeline has admitted it. */
  Future<Void> finished();

  /** Whether the source ends by itself; an unbounded one runs until stopped. */
  boolean bounded();

  /**
   * A passive source only takes what others send (a listening socket): it neither ends a run nor keeps one alive,
   * so a finite synthetic or replayed stream still ends the run while the node also listens.
   */
  default boolean passive() {
    return false;
  }
}
