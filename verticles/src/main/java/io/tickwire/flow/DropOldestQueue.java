package io.tickwire.flow;

import java.util.ArrayDeque;

/**
 * A bounded queue for best-effort links: when full, the oldest item makes room for the newest, and the drop is
 * counted so it is never silent. Confined to one thread (a verticle's event loop).
 */
public final class DropOldestQueue<T> {
  private final ArrayDeque<T> items;
  private final int capacity;
  private long dropped;

  public DropOldestQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.items = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Adds {@code item}; returns the item dropped to make room, or null. */
  public T offer(T item) {
    T evicted = null;
    if (items.size() == capacity) {
      evicted = items.pollFirst();
      dropped++;
    }
    items.addLast(item);
    return evicted;
  }

  public T poll() {
    return items.pollFirst();
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public int capacity() {
    return capacity;
  }

  public long dropped() {
    return dropped;
  }
}
