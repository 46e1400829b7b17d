package io.tickwire.inference;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rules} table: the source of truth for rules once seeded. Every change bumps {@code version}.
 * Inserting a name that exists fails with {@link DuplicateRuleException}; updating or deleting a missing one
 * yields null / false.
 */
public final class RuleStore {
  private static final String COLUMNS = "name, condition, signal, score, cooldown_ms, enabled, version";
  private final Pool pool;

  public RuleStore(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Rule>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM rules ORDER BY name").execute().map(RuleStore::rules);
  }

  /** The rule, or null when there is none by that name. */
  public Future<Rule> get(String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM rules WHERE name = $1").execute(Tuple.of(name))
        .map(rows -> rows.size() == 0 ? null : rule(rows.iterator().next()));
  }

  /** Inserts at version 1. */
  public Future<Rule> insert(Rule rule) {
    return pool.preparedQuery("INSERT INTO rules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, 1)"
            + " ON CONFLICT (name) DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.of(rule.name(), rule.condition(), rule.signal(), rule.score(), rule.cooldownMs(),
            rule.enabled()))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new DuplicateRuleException(rule.name()))
            : Future.succeededFuture(rule(rows.iterator().next())));
  }

  /** Replaces the rule's fields and bumps its version; null when there is no such rule. */
  public Future<Rule> update(String name, Rule rule) {
    return pool.preparedQuery("UPDATE rules SET condition = $2, signal = $3, score = $4, cooldown_ms = $5,"
            + " enabled = $6, version = version + 1, updated_at = now() WHERE name = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(name, rule.condition(), rule.signal(), rule.score(), rule.cooldownMs(), rule.enabled()))
        .map(rows -> rows.size() == 0 ? null : rule(rows.iterator().next()));
  }

  /** True when a rule was deleted. */
  public Future<Boolean> delete(String name) {
    return pool.preparedQuery("DELETE FROM rules WHERE name = $1").execute(Tuple.of(name))
        .map(rows -> rows.rowCount() > 0);
  }

  /**
   * Loads {@code seed} on the database's first start only (recorded in {@code meta}), so rules a user deleted do
   * not come back; returns how many were inserted.
   */
  public Future<Integer> seedOnce(List<Rule> seed) {
    return pool.withTransaction(conn -> conn.query("INSERT INTO meta (key, value) VALUES ('rules_seeded', 'true')"
            + " ON CONFLICT (key) DO NOTHING RETURNING key").execute()
        .compose(first -> {
          if (first.size() == 0) {
            return Future.succeededFuture(0);
          }
          List<Tuple> batch = new ArrayList<>();
          for (Rule r : seed) {
            batch.add(Tuple.of(r.name(), r.condition(), r.signal(), r.score(), r.cooldownMs(), r.enabled()));
          }
          return batch.isEmpty() ? Future.succeededFuture(0)
              : conn.preparedQuery("INSERT INTO rules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, 1)"
                  + " ON CONFLICT (name) DO NOTHING").executeBatch(batch).map(v -> batch.size());
        }));
  }

  private static List<Rule> rules(RowSet<Row> rows) {
    List<Rule> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(rule(row));
    }
    return out;
  }

  private static Rule rule(Row row) {
    return new Rule(row.getString("name"), row.getString("condition"), row.getDouble("signal"),
        row.getDouble("score"), row.getLong("cooldown_ms"), row.getBoolean("enabled"), row.getInteger("version"));
  }
}
