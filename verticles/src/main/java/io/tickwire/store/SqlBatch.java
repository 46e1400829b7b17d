package io.tickwire.store;

import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * How one table is written: a single statement that inserts a whole batch of rows through {@code unnest} of
 * array parameters (one round trip however many rows), and its parameters for a list of rows.
 */
public interface SqlBatch<E> {
  String table();

  String sql();

  Tuple params(List<E> rows);

  /** Rows as the statement needs them; e.g. one per key when a statement may not touch a row twice. */
  default List<E> prepare(List<E> rows) {
    return rows;
  }
}
