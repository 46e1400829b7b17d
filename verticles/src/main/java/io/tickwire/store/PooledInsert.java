package io.tickwire.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** A table written through the reactive pool: one {@link SqlBatch} statement (array {@code unnest}) per batch. */
public final class PooledInsert<E> implements BatchStore<E> {
  private final Pool pool;
  private final SqlBatch<E> sql;

  public PooledInsert(Pool pool, SqlBatch<E> sql) {
    this.pool = pool;
    this.sql = sql;
  }

  @Override
  public String table() {
    return sql.table();
  }

  @Override
  public Future<Integer> write(List<E> rows) {
    return pool.preparedQuery(sql.sql()).execute(sql.params(sql.prepare(rows))).map(r -> r.rowCount());
  }
}
