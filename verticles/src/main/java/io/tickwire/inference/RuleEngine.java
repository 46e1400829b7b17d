package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import java.util.ArrayList;
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
  private final int maxKeys;
  private List<Slot> slots = List.of();
  /** Evictions of edge trackers no longer installed, so the total never goes down when rules change. */
  private long retiredEvictions;

  public RuleEngine() {
    this(EdgeTracker.DEFAULT_MAX_KEYS);
  }

  /** @param maxKeys (venue, symbol) keys each rule tracks edges for; the least recently seen beyond it is dropped */
  public RuleEngine(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  public RuleEngine(List<CompiledRule> rules) {
    this();
    replace(rules);
  }

  /**
   * Installs a new rule set. A rule whose name and version are unchanged keeps its edge state (a reload must not
   * make every true condition fire again); a new or changed rule starts fresh.
   */
  public void replace(List<CompiledRule> rules) {
    Map<String, Slot> current = new HashMap<>();
    for (Slot slot : slots) {
      current.put(slot.rule.rule().name(), slot);
    }
    List<Slot> next = new ArrayList<>(rules.size());
    for (CompiledRule rule : rules) {
      Slot old = current.get(rule.rule().name());
      // Equal content, not just an equal version: a rule deleted and recreated restarts at version 1.
      boolean unchanged = old != null && old.rule.rule().equals(rule.rule());
      next.add(new Slot(rule, unchanged ? old.edges : new EdgeTracker(maxKeys)));
    }
    retire(next);
    next.sort(Comparator.comparing(slot -> slot.rule.rule().name()));
    slots = List.copyOf(next);
  }

  private void retire(List<Slot> next) {
    for (Slot slot : slots) {
      if (next.stream().noneMatch(kept -> kept.edges == slot.edges)) {
        retiredEvictions += slot.edges.evictions();
      }
    }
  }

  /** Keys dropped from the rules' edge trackers so far (see {@link EdgeTracker}). */
  public long edgeEvictions() {
    long total = retiredEvictions;
    for (Slot slot : slots) {
      total += slot.edges.evictions();
    }
    return total;
  }

  /** The most keys any rule tracks now; at most the cap. */
  public int edgeKeys() {
    int most = 0;
    for (Slot slot : slots) {
      most = Math.max(most, slot.edges.keys());
    }
    return most;
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
    String key = EdgeTracker.key(snapshot.venue(), snapshot.symbol());
    for (Slot slot : slots) {
      Rule rule = slot.rule.rule();
      if (!rule.enabled()) {
        continue;
      }
      Verdict verdict = slot.rule.evaluate(snapshot);
      if (verdict != Verdict.TRUE && verdict != Verdict.FALSE) {
        continue;
      }
      if (slot.edges.observe(key, verdict == Verdict.TRUE, snapshot.ts(), rule.cooldownMs() * 1000)) {
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

  private record Slot(CompiledRule rule, EdgeTracker edges) {
  }
}
