package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the compiled rules against feature snapshots and turns condition edges into signals (see
 * {@link EdgeTracker} for the edge and cooldown semantics). Rules run in name order, so the same snapshot stream
 * gives the same signals in the same order. {@link Verdict#MISSING_FEATURE} and {@link Verdict#ERROR} are no
 * observation at all: they neither fire nor re-arm. Disabled rules are not evaluated. Not thread-safe: one
 * verticle owns an engine.
 */
public final class RuleEngine {
  private final EdgeTracker edges;
  private List<Slot> slots = List.of();

  public RuleEngine() {
    this(EdgeTracker.DEFAULT_MAX_KEYS);
  }

  /** @param maxKeys (venue, symbol) keys whose edges are tracked; the least recently seen beyond it is dropped */
  public RuleEngine(int maxKeys) {
    this.edges = new EdgeTracker(maxKeys);
  }

  public RuleEngine(List<CompiledRule> rules) {
    this();
    replace(rules);
  }

  /**
   * Installs a new rule set. A rule whose name and version are unchanged keeps its edge state (a reload must not
   * make every true condition fire again); a new or changed rule starts fresh, in a column no kept rule uses.
   */
  public void replace(List<CompiledRule> rules) {
    Map<String, Slot> current = new HashMap<>();
    for (Slot slot : slots) {
      current.put(slot.rule.rule().name(), slot);
    }
    List<Slot> next = new ArrayList<>(rules.size());
    BitSet taken = new BitSet();
    List<CompiledRule> fresh = new ArrayList<>();
    for (CompiledRule rule : rules) {
      Slot old = current.get(rule.rule().name());
      // Equal content, not just an equal version: a rule deleted and recreated restarts at version 1.
      if (old != null && old.rule.rule().equals(rule.rule())) {
        next.add(old);
        taken.set(old.column);
      } else {
        fresh.add(rule);
      }
    }
    for (CompiledRule rule : fresh) {
      int column = taken.nextClearBit(0);
      taken.set(column);
      edges.reset(column);
      next.add(new Slot(rule, column));
    }
    next.sort(Comparator.comparing(slot -> slot.rule.rule().name()));
    slots = List.copyOf(next);
  }

  /** Keys dropped from the edge tracker so far (see {@link EdgeTracker}). */
  public long edgeEvictions() {
    return edges.evictions();
  }

  /** The keys whose edges are tracked now; at most the cap. */
  public int edgeKeys() {
    return edges.keys();
  }

  /** The installed rules, in evaluation (name) order. */
  public List<CompiledRule> rules() {
    List<CompiledRule> out = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      out.add(slot.rule);
    }
    return out;
  }

  /** The signals this snapshot fires, in rule name order. */
  public List<Signal> evaluate(FeatureSnapshot snapshot) {
    List<Signal> fired = new ArrayList<>(0);
    EdgeTracker.Row row = edges.row(snapshot.venue(), snapshot.symbol());
    for (Slot slot : slots) {
      Rule rule = slot.rule.rule();
      if (!rule.enabled()) {
        continue;
      }
      Verdict verdict = slot.rule.evaluate(snapshot);
      if (verdict != Verdict.TRUE && verdict != Verdict.FALSE) {
        continue;
      }
      if (EdgeTracker.observe(row, slot.column, verdict == Verdict.TRUE, snapshot.ts(), rule.cooldownMs() * 1000)) {
        fired.add(signal(slot.rule, snapshot));
      }
    }
    return fired;
  }

  /** The signals of a batch of snapshots, in snapshot order, then rule order. */
  public List<Signal> evaluateAll(List<FeatureSnapshot> snapshots) {
    List<Signal> fired = new ArrayList<>();
    for (FeatureSnapshot snapshot : snapshots) {
      fired.addAll(evaluate(snapshot));
    }
    return fired;
  }

  private static Signal signal(CompiledRule compiled, FeatureSnapshot snapshot) {
    Rule rule = compiled.rule();
    Map<String, Object> meta = Map.of(
        "rule_version", rule.version(),
        "price", snapshot.price(),
        "features", new LinkedHashMap<>(compiled.usedValues(snapshot)));
    return new Signal(snapshot.venue(), snapshot.symbol(), snapshot.ts(), rule.name(), rule.signal(), rule.score(),
        meta);
  }

  /** A rule and its column in the edge tracker. */
  private record Slot(CompiledRule rule, int column) {
  }
}
