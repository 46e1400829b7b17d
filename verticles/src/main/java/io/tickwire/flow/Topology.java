package io.tickwire.flow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lossless consumer groups read each topic, and the link settings they share. Every node derives the
 * same topology from its configuration, so producers know their consumers without asking at run time.
 */
public final class Topology {
  private final Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
  private final Map<String, Integer> groupWindows = new HashMap<>();
  private final int creditWindow;
  private final long sendTimeoutMs;
  private final boolean publishToObservers;

  public Topology(int creditWindow, long sendTimeoutMs, boolean publishToObservers) {
    this.creditWindow = creditWindow;
    this.sendTimeoutMs = sendTimeoutMs;
    this.publishToObservers = publishToObservers;
  }

  /** Adds {@code group} as a lossless consumer of {@code topic}; adding it twice is harmless. */
  public Topology addGroup(String topic, String group) {
    groups.computeIfAbsent(topic, t -> new LinkedHashMap<>()).putIfAbsent(group, 0);
    return this;
  }

  /**
   * Gives every link into {@code group} its own window, for consumers that batch far more than one producer batch
   * at a time (a database sink wants thousands of rows per statement).
   */
  public Topology windowFor(String group, int window) {
    groupWindows.put(group, window);
    return this;
  }

  public List<String> groupsFor(String topic) {
    return List.copyOf(groups.getOrDefault(topic, Map.of()).keySet());
  }

  /** The credit window of links into {@code group}. */
  public int creditWindow(String group) {
    return groupWindows.getOrDefault(group, creditWindow);
  }

  public int creditWindow() {
    return creditWindow;
  }

  public long sendTimeoutMs() {
    return sendTimeoutMs;
  }

  public boolean publishToObservers() {
    return publishToObservers;
  }
}
