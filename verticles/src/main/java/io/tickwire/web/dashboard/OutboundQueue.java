package io.tickwire.web.dashboard;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Predicate;

/**
 * A client's bounded outbound queue. A coalescing message replaces the queued one of its key and moves to the back
 * (so it is sent after what was already waiting, in order); any other message, and a new key, takes a place at the
 * back, and when every place is taken the oldest message is dropped. Each replaced or dropped message is counted
 * for the client and for the node. Confined to the web event loop.
 */
final class OutboundQueue {
  private final int capacity;
  private final DropCounts clientDrops;
  private final DropCounts nodeDrops;
  /** Keyed by the coalescing key, or by a unique number for messages that never coalesce. */
  private final LinkedHashMap<Object, Push> waiting = new LinkedHashMap<>();
  private long uniqueKeys;

  OutboundQueue(int capacity, DropCounts clientDrops, DropCounts nodeDrops) {
    this.capacity = capacity;
    this.clientDrops = clientDrops;
    this.nodeDrops = nodeDrops;
  }

  void offer(Push push) {
    Object key = push.key() != null ? push.key() : Long.valueOf(uniqueKeys++);
    Push replaced = waiting.remove(key);
    if (replaced != null) {
      dropped(replaced);
    } else if (waiting.size() == capacity) {
      dropOldest();
    }
    waiting.put(key, push);
  }

  /** The oldest message, removed; null when none waits. */
  Push poll() {
    Iterator<Push> oldest = waiting.values().iterator();
    if (!oldest.hasNext()) {
      return null;
    }
    Push push = oldest.next();
    oldest.remove();
    return push;
  }

  /** Forgets waiting messages the client no longer wants (after it changed its subscription); not drops. */
  void retain(Predicate<Push> wanted) {
    waiting.values().removeIf(wanted.negate());
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  int size() {
    return waiting.size();
  }

  private void dropOldest() {
    dropped(poll());
  }

  private void dropped(Push push) {
    clientDrops.add(push.stream());
    nodeDrops.add(push.stream());
  }
}
