package io.tickwire.recorder;

import io.tickwire.codecs.MarketEvent;
import java.util.List;

/**
 * The recent events in arrival order, bounded three ways: by count, by estimated bytes ({@link EventSizes}) and by
 * age in event time behind the newest event seen (event time, so a replay keeps exactly what the live run kept).
 * Parallel arrays keep each event's time and size next to the ring slot, so evicting reads no cold event object.
 * The arrays grow by doubling up to {@code maxEvents}, so a small stream never pays for the full bound.
 * Not thread-safe: owned by one event loop.
 */
final class EventRing {
  private static final int INITIAL_CAPACITY = 1024;

  private final int maxEvents;
  private final long maxBytes;
  private final long windowMicros;
  private MarketEvent[] events;
  private long[] times;
  private int[] sizes;
  private int head;
  private int count;
  private long bytes;
  private long newestTime = Long.MIN_VALUE;

  EventRing(int maxEvents, long maxBytes, long windowMicros) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.windowMicros = windowMicros;
    int capacity = Math.min(maxEvents, INITIAL_CAPACITY);
    this.events = new MarketEvent[capacity];
    this.times = new long[capacity];
    this.sizes = new int[capacity];
  }

  /** Appends {@code event} and evicts what falls outside the bounds; returns how many events were evicted. */
  int add(MarketEvent event) {
    int evicted = makeRoom();
    store(event);
    return evicted + evictOverBounds();
  }

  private int makeRoom() {
    if (count == maxEvents) {
      evictOldest();
      return 1;
    }
    if (count == events.length) {
      grow();
    }
    return 0;
  }

  private void store(MarketEvent event) {
    int slot = index(count);
    int size = EventSizes.estimate(event);
    events[slot] = event;
    times[slot] = event.eventTime();
    sizes[slot] = size;
    count++;
    bytes += size;
    newestTime = Math.max(newestTime, event.eventTime());
  }

  private int evictOverBounds() {
    int evicted = 0;
    while (count > 0 && (bytes > maxBytes || newestTime - times[head] > windowMicros)) {
      evictOldest();
      evicted++;
    }
    return evicted;
  }

  private void evictOldest() {
    bytes -= sizes[head];
    events[head] = null; // let the event be collected
    head = index(1);
    count--;
  }

  private void grow() {
    int capacity = (int) Math.min(maxEvents, 2L * events.length);
    MarketEvent[] newEvents = new MarketEvent[capacity];
    long[] newTimes = new long[capacity];
    int[] newSizes = new int[capacity];
    for (int i = 0; i < count; i++) {
      int slot = index(i);
      newEvents[i] = events[slot];
      newTimes[i] = times[slot];
      newSizes[i] = sizes[slot];
    }
    events = newEvents;
    times = newTimes;
    sizes = newSizes;
    head = 0;
  }

  /** The ring slot of the {@code offset}-th event after the oldest. */
  private int index(int offset) {
    int slot = head + offset;
    return slot >= events.length ? slot - events.length : slot;
  }

  /** A copy of the newest {@code n} events (fewer if fewer are held), oldest first. */
  List<MarketEvent> newest(int n) {
    int k = Math.min(n, count);
    MarketEvent[] copy = new MarketEvent[k];
    for (int i = 0; i < k; i++) {
      copy[i] = events[index(count - k + i)];
    }
    return List.of(copy);
  }

  int size() {
    return count;
  }

  long bytes() {
    return bytes;
  }
}
