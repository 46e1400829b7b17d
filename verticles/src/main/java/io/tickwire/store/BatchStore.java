package io.tickwire.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * How one table's statements are executed: the sink's {@code TableWriter} decides what goes into a statement and
 * when, and what to do when it fails; a store writes one statement's rows in one transaction.
 */
public interface BatchStore<E> {
  String table();

  /**
   * Writes {@code rows} idempotently in one transaction. The future completes, on the caller's context, once they
   * are committed, with how many the database stored (the others were already there), or fails; a failure is
   * judged by the caller ({@code TableWriter.retryable} in the sink). Never blocks the caller's thread.
   */
  Future<Integer> write(List<E> rows);

  /** Releases what the store holds (connections, threads); called after the last write completed. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
