package io.tickwire.redis;

import io.tickwire.codecs.Bar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars waiting for the Redis hot cache, bounded whatever Redis does. The latest-bar keys only ever need the
 * newest bar of each series, so a bar replaced before it was written is dropped (counted as coalesced); the 1s
 * streams keep every bar, in arrival order, up to a bound past which the oldest are lost (counted). Confined to
 * the sink's event loop.
 */
final class BarCoalescer {
  /** Bars of this interval also go to the per-symbol stream. */
  static final long STREAM_INTERVAL_MS = 1000;

  /** What one write cycle takes: latest bars (one per key) and 1s stream entries, oldest first. */
  record Pending(List<Bar> latest, List<Bar> stream) {
    boolean isEmpty() {
      return latest.isEmpty() && stream.isEmpty();
    }
  }

  private final int maxKeys;
  private final int maxStream;
  private final LinkedHashMap<String, Bar> latest = new LinkedHashMap<>();
  private final Map<String, Bar> newestSeen;
  private ArrayDeque<Bar> stream = new ArrayDeque<>();
  private long coalesced;
  private long stale;
  private long keysDropped;
  private long streamDropped;

  BarCoalescer(int maxKeys, int maxStream) {
    this.maxKeys = maxKeys;
    this.maxStream = maxStream;
    this.newestSeen = boundedLru(maxKeys);
  }

  /** Remembers the newest bar per key across writes, so a late revision of an older window cannot regress a key. */
  private static Map<String, Bar> boundedLru(int maxKeys) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bar> eldest) {
        return size() > maxKeys;
      }
    };
  }

  void add(Bar bar) {
    if (bar.intervalMillis() == STREAM_INTERVAL_MS) {
      appendToStream(bar);
    }
    String key = RedisKeys.bar(bar);
    if (isOlderThanSeen(key, bar)) {
      stale++;
      return;
    }
    newestSeen.put(key, bar);
    putLatest(key, bar);
  }

  private boolean isOlderThanSeen(String key, Bar bar) {
    Bar seen = newestSeen.get(key);
    return seen != null && (bar.start() < seen.start()
        || (bar.start() == seen.start() && bar.revision() < seen.revision()));
  }

  private void putLatest(String key, Bar bar) {
    if (latest.put(key, bar) != null) {
      coalesced++;
    } else if (latest.size() > maxKeys) {
      Iterator<Bar> eldest = latest.values().iterator();
      eldest.next();
      eldest.remove();
      keysDropped++;
    }
  }

  private void appendToStream(Bar bar) {
    stream.addLast(bar);
    trimStream();
  }

  private void trimStream() {
    while (stream.size() > maxStream) {
      stream.pollFirst();
      streamDropped++;
    }
  }

  /** Removes and returns up to {@code max} latest bars and {@code max} stream entries, oldest first. */
  Pending take(int max) {
    List<Bar> bars = new ArrayList<>(Math.min(max, latest.size()));
    Iterator<Bar> it = latest.values().iterator();
    while (it.hasNext() && bars.size() < max) {
      bars.add(it.next());
      it.remove();
    }
    List<Bar> entries = new ArrayList<>(Math.min(max, stream.size()));
    while (!stream.isEmpty() && entries.size() < max) {
      entries.add(stream.pollFirst());
    }
    return new Pending(bars, entries);
  }

  /**
   * Puts back what a failed write took: a key that received a newer bar meanwhile keeps the newer one; stream
   * entries go back in front of the ones that arrived since, and the bound then drops the oldest.
   */
  void restore(Pending failed) {
    for (Bar bar : failed.latest()) {
      String key = RedisKeys.bar(bar);
      if (latest.containsKey(key)) {
        coalesced++;
      } else {
        putLatest(key, bar);
      }
    }
    ArrayDeque<Bar> merged = new ArrayDeque<>(failed.stream().size() + stream.size());
    merged.addAll(failed.stream());
    merged.addAll(stream);
    stream = merged;
    trimStream();
  }

  boolean isEmpty() {
    return latest.isEmpty() && stream.isEmpty();
  }

  int pendingKeys() {
    return latest.size();
  }

  int pendingStream() {
    return stream.size();
  }

  /** Bars replaced by a newer bar of the same key before they were written. */
  long coalesced() {
    return coalesced;
  }

  /** Bars older than one already seen for their key (late revisions of past windows), kept out of the latest key. */
  long stale() {
    return stale;
  }

  /** Latest bars dropped because more than the bound of distinct keys were waiting. */
  long keysDropped() {
    return keysDropped;
  }

  /** 1s bars that never reached their stream because the backlog was full. */
  long streamDropped() {
    return streamDropped;
  }
}
