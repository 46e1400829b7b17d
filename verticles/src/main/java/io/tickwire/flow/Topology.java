package io.tickwire.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lossless consumer groups read each topic, and the link settings they share. Every node derives the
 * same topology from its configuration, so producers know their consumers without asking at run time.
 */
public final class Topology {
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
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
    List<String> list = groups.computeIfAbsent(topic, t -> new ArrayList<>());
    if (!list.contains(group)) {
      list.add(group);
    }
    return this;
  }

  public List<String> groupsFor(String topic) {
    return List.copyOf(groups.getOrDefault(topic, List.of()));
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
