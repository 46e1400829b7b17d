package io.tickwire.codecs;

/**
 * A small, bounded, lock-free canonicalising cache for decoded strings: thousands of batches a second carry the
 * same few hundred symbols, and sharing one instance keeps the heap small and makes equals() hit the identity
 * fast path. Direct-mapped: a collision simply replaces the slot, so memory stays fixed whatever the input.
 * Racy by design; String is immutable, so a slot read under a race is always a complete string. Shared by every
 * decoder of venue and symbol names (batches, the flight recorder's ring).
 */
public final class StringInterner {
  private static final int SLOTS = 4096;
  private static final String[] CACHE = new String[SLOTS];

  private StringInterner() {
  }

  public static String intern(String s) {
    int slot = (s.hashCode() ^ (s.hashCode() >>> 16)) & (SLOTS - 1);
    String cached = CACHE[slot];
    if (s.equals(cached)) {
      return cached;
    }
    CACHE[slot] = s;
    return s;
  }
}
