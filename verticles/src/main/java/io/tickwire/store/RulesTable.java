package io.tickwire.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rules} table, and the {@code meta} flag that records its seeding. Every change bumps {@code version}.
 * Rows travel as {@link Stored}, the table's columns, so the store needs nothing of the rule engine.
 */
public final class RulesTable {
  private static final String COLUMNS = "name, condition, signal, score, cooldown_ms, enabled, version";

  /** One row of {@code rules}. */
  public record Stored(String name, String condition, double signal, double score, long cooldownMs, boolean enabled,
      int version) {
  }

  private final Pool pool;

  public RulesTable(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Stored>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM rules ORDER BY name").execute().map(RulesTable::rows);
  }

  /** The row, or null when there is none by that name. */
  public Future<Stored> get(String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM rules WHERE name = $1").execute(Tuple.of(name))
        .map(RulesTable::firstOrNull);
  }

  /** Inserts at version 1; null when a rule by that name exists. */
  public Future<Stored> insert(Stored rule) {
    return pool.preparedQuery("INSERT INTO rules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, 1)"
            + " ON CONFLICT (name) DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.of(rule.name(), rule.condition(), rule.signal(), rule.score(), rule.cooldownMs(),
            rule.enabled()))
        .map(RulesTable::firstOrNull);
  }

  /** Replaces the row's fields and bumps its version; null when there is no such row. */
  public Future<Stored> update(String name, Stored rule) {
    return pool.preparedQuery("UPDATE rules SET condition = $2, signal = $3, score = $4, cooldown_ms = $5,"
            + " enabled = $6, version = version + 1, updated_at = now() WHERE name = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(name, rule.condition(), rule.signal(), rule.score(), rule.cooldownMs(), rule.enabled()))
        .map(RulesTable::firstOrNull);
  }

  /** True when a row was deleted. */
  public Future<Boolean> delete(String name) {
    return pool.preparedQuery("DELETE FROM rules WHERE name = $1").execute(Tuple.of(name))
        .map(rows -> rows.rowCount() > 0);
  }

  /**
   * Inserts {@code seed} on the database's first start only (recorded in {@code meta}), so rules a user deleted do
   * not come back; returns how many were inserted.
   */
  public Future<Integer> seedOnce(List<Stored> seed) {
    return pool.withTransaction(conn -> conn.query("INSERT INTO meta (key, value) VALUES ('rules_seeded', 'true')"
            + " ON CONFLICT (key) DO NOTHING RETURNING key").execute()
        .compose(first -> {
          if (first.size() == 0) {
            return Future.succeededFuture(0);
          }
          List<Tuple> batch = new ArrayList<>();
          for (Stored r : seed) {
            batch.add(Tuple.of(r.name(), r.condition(), r.signal(), r.score(), r.cooldownMs(), r.enabled()));
          }
          return batch.isEmpty() ? Future.succeededFuture(0)
              : conn.preparedQuery("INSERT INTO rules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, 1)"
                  + " ON CONFLICT (name) DO NOTHING").executeBatch(batch).map(v -> batch.size());
        }));
  }

  private static List<Stored> rows(RowSet<Row> rows) {
    List<Stored> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(row(row));
    }
    return out;
  }

  private static Stored firstOrNull(RowSet<Row> rows) {
    return rows.size() == 0 ? null : row(rows.iterator().next());
  }

  private static Stored row(Row row) {
    return new Stored(row.getString("name"), row.getString("condition"), row.getDouble("signal"),
        row.getDouble("score"), row.getLong("cooldown_ms"), row.getBoolean("enabled"), row.getInteger("version"));
  }
}
