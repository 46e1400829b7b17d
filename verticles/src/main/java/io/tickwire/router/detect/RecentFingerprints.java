package io.tickwire.router.detect;

/**
 * The last {@code capacity} distinct 64-bit fingerprints added, oldest forgotten first: an open-addressing table
 * (linear probing, at most half full) for membership and a ring for the order of arrival. Adding costs a hash
 * probe and no allocation, where a {@code LinkedHashMap} LRU allocates a node and a key per call.
 *
 * <p>Not thread-safe: owned by the router's event loop.
 */
final class RecentFingerprints {
  /** Marks an empty slot; a fingerprint of 0 is stored as {@link #ZERO_STAND_IN}. */
  private static final long EMPTY = 0;
  private static final long ZERO_STAND_IN = 1;

  private final long[] ring;
  private final long[] table;
  private final int mask;
  /** Where the next fingerprint goes in the ring; once it is full, the oldest is there. */
  private int next;
  private int size;

  RecentFingerprints(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    ring = new long[capacity];
    int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    table = new long[slots];
    mask = slots - 1;
  }

  /** Adds {@code fingerprint}; false when it is among the last {@code capacity} added already. */
  boolean add(long fingerprint) {
    long fp = fingerprint == EMPTY ? ZERO_STAND_IN : fingerprint;
    if (contains(fp)) {
      return false;
    }
    if (size == ring.length) {
      remove(ring[next]);
    } else {
      size++;
    }
    table[emptySlotFor(fp)] = fp;
    ring[next] = fp;
    next = next + 1 == ring.length ? 0 : next + 1;
    return true;
  }

  private boolean contains(long fp) {
    for (int slot = home(fp); table[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (table[slot] == fp) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  private int emptySlotFor(long fp) {
    int slot = home(fp);
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Removes {@code fp}, moving later entries of its probe run back so no lookup stops short (Knuth's Algorithm R). */
  private void remove(long fp) {
    int hole = home(fp);
    while (table[hole] != fp) {
      hole = (hole + 1) & mask;
    }
    int next = hole;
    while (true) {
      next = (next + 1) & mask;
      long entry = table[next];
      if (entry == EMPTY) {
        break;
      }
      int home = home(entry);
      boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!homeBetween) {
        table[hole] = entry;
        hole = next;
      }
    }
    table[hole] = EMPTY;
  }

  private int home(long fp) {
    return (int) (fp ^ (fp >>> 32)) & mask;
  }
}
