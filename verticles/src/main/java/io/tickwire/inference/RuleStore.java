package io.tickwire.inference;

import io.tickwire.store.RulesTable;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules as stored ({@link RulesTable}): the source of truth for rules once seeded. Every change bumps
 * {@code version}. Inserting a name that exists fails with {@link DuplicateRuleException}; updating or deleting a
 * missing one yields null / false.
 */
public final class RuleStore {
  private final RulesTable table;

  public RuleStore(Pool pool) {
    this.table = new RulesTable(pool);
  }

  public Future<List<Rule>> all() {
    return table.all().map(RuleStore::rules);
  }

  /** The rule, or null when there is none by that name. */
  public Future<Rule> get(String name) {
    return table.get(name).map(RuleStore::ruleOrNull);
  }

  /** Inserts at version 1. */
  public Future<Rule> insert(Rule rule) {
    return table.insert(stored(rule)).compose(row -> row == null
        ? Future.failedFuture(new DuplicateRuleException(rule.name()))
        : Future.succeededFuture(rule(row)));
  }

  /** Replaces the rule's fields and bumps its version; null when there is no such rule. */
  public Future<Rule> update(String name, Rule rule) {
    return table.update(name, stored(rule)).map(RuleStore::ruleOrNull);
  }

  /** True when a rule was deleted. */
  public Future<Boolean> delete(String name) {
    return table.delete(name);
  }

  /**
   * Loads {@code seed} on the database's first start only (recorded in {@code meta}), so rules a user deleted do
   * not come back; returns how many were inserted.
   */
  public Future<Integer> seedOnce(List<Rule> seed) {
    List<RulesTable.Stored> rows = new ArrayList<>(seed.size());
    for (Rule r : seed) {
      rows.add(stored(r));
    }
    return table.seedOnce(rows);
  }

  private static List<Rule> rules(List<RulesTable.Stored> rows) {
    List<Rule> out = new ArrayList<>(rows.size());
    for (RulesTable.Stored row : rows) {
      out.add(rule(row));
    }
    return out;
  }

  private static Rule ruleOrNull(RulesTable.Stored row) {
    return row == null ? null : rule(row);
  }

  private static Rule rule(RulesTable.Stored row) {
    return new Rule(row.name(), row.condition(), row.signal(), row.score(), row.cooldownMs(), row.enabled(),
        row.version());
  }

  private static RulesTable.Stored stored(Rule rule) {
    return new RulesTable.Stored(rule.name(), rule.condition(), rule.signal(), rule.score(), rule.cooldownMs(),
        rule.enabled(), rule.version());
  }
}
