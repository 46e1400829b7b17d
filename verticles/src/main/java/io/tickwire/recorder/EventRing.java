package io.tickwire.recorder;

import io.tickwire.codecs.MarketEvent;
import java.util.List;

/**
 * The recent events in arrival order, bounded three ways: by count, by bytes (the records' encoded size, see
 * {@link EventRecords}) and by age in event time behind the newest event seen (event time, so a replay keeps
 * exactly what the live run kept).
 *
 * <p>Held as bytes, not objects: each event is encoded into a record appended to {@link ChunkedBytes}, with its
 * event time and record size in parallel primitive arrays, and decoded back only when a capture asks for it. A
 * window of half a million events is then a few hundred chunks and two arrays, with no references for young
 * collections to trace and, once the chunks go round, nothing for them to copy, where event objects would each
 * survive several collections on their way to the old generation. Records lie back
 * to back in arrival order, so a record's position follows from the sizes of those after it: no offset is stored.
 * The slot arrays grow by doubling up to {@code maxEvents} and the bytes chunk by chunk, so a small stream never
 * pays for the full bounds. Not thread-safe: owned by one event loop.
 */
final class EventRing {
  private static final int INITIAL_CAPACITY = 1024;

  private final int maxEvents;
  private final long maxBytes;
  private final long windowMicros;
  private final RecordWriter writer = new RecordWriter();
  private final ChunkedBytes records;
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
    this.records = new ChunkedBytes(maxBytes);
    int capacity = Math.min(maxEvents, INITIAL_CAPACITY);
    this.times = new long[capacity];
    this.sizes = new int[capacity];
  }

  /**
   * Appends {@code event} and evicts what falls outside the bounds; returns how many events were evicted. An event
   * larger than {@code maxBytes} evicts everything and is itself counted as evicted, never held, and still moves
   * the age window: the same counts and window as had it been stored and evicted at once.
   */
  int add(MarketEvent event) {
    int size = encode(event);
    newestTime = Math.max(newestTime, event.eventTime());
    int evicted = makeRoom(size);
    if (size > maxBytes) {
      return evicted + 1;
    }
    store(event.eventTime(), size);
    return evicted + evictTooOld();
  }

  private int encode(MarketEvent event) {
    writer.reset();
    EventRecords.write(writer, event);
    return writer.length();
  }

  /** Evicts for the count bound, then for the bytes bound with the new record counted; grows the slots if full. */
  private int makeRoom(int size) {
    int evicted = 0;
    if (count == maxEvents) {
      evictOldest();
      evicted++;
    }
    while (count > 0 && bytes + size > maxBytes) {
      evictOldest();
      evicted++;
    }
    if (count == times.length) {
      grow();
    }
    return evicted;
  }

  private void store(long eventTime, int size) {
    int slot = index(count);
    records.append(writer.array(), size);
    times[slot] = eventTime;
    sizes[slot] = size;
    count++;
    bytes += size;
  }

  private int evictTooOld() {
    int evicted = 0;
    while (count > 0 && newestTime - times[head] > windowMicros) {
      evictOldest();
      evicted++;
    }
    return evicted;
  }

  private void evictOldest() {
    records.release(sizes[head]);
    bytes -= sizes[head];
    head = index(1);
    count--;
  }

  private void grow() {
    int capacity = (int) Math.min(maxEvents, 2L * times.length);
    long[] newTimes = new long[capacity];
    int[] newSizes = new int[capacity];
    for (int i = 0; i < count; i++) {
      int slot = index(i);
      newTimes[i] = times[slot];
      newSizes[i] = sizes[slot];
    }
    times = newTimes;
    sizes = newSizes;
    head = 0;
  }

  /** The ring slot of the {@code offset}-th event after the oldest. */
  private int index(int offset) {
    int slot = head + offset;
    return slot >= times.length ? slot - times.length : slot;
  }

  /** The newest {@code n} events (fewer if fewer are held), oldest first, decoded into new event objects. */
  List<MarketEvent> newest(int n) {
    int k = Math.min(n, count);
    MarketEvent[] events = new MarketEvent[k];
    long position = records.tail() - bytesOfNewest(k);
    byte[] record = new byte[0];
    for (int i = 0; i < k; i++) {
      int slot = index(count - k + i);
      if (record.length < sizes[slot]) {
        record = new byte[Math.max(sizes[slot], 2 * record.length)];
      }
      records.copy(position, record, sizes[slot]);
      events[i] = EventRecords.read(new RecordReader(record, 0), times[slot]);
      position += sizes[slot];
    }
    return List.of(events);
  }

  private long bytesOfNewest(int k) {
    long sum = 0;
    for (int i = count - k; i < count; i++) {
      sum += sizes[index(i)];
    }
    return sum;
  }

  int size() {
    return count;
  }

  /** The encoded bytes of the events held. */
  long bytes() {
    return bytes;
  }

  /** The heap the record bytes take now, part-used and spare chunks included. */
  long bytesAllocated() {
    return (long) records.chunksHeld() * records.chunkSize();
  }
}
