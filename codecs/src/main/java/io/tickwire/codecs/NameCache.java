package io.tickwire.codecs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The venue or symbol names a decoder has already seen and checked, keyed by their bytes, so the thousands of
 * frames a second that carry the same names make no {@code String} and re-check nothing. Direct-mapped with a
 * fixed number of slots: a collision replaces the slot, so memory stays fixed whatever names arrive. Only names
 * that pass the check are kept. Not thread-safe: one per decoder.
 */
final class NameCache {
  private final Function<String, String> problem;
  private final byte[][] keys;
  private final String[] names;
  private final int mask;

  /** @param problem null for a fit name, else what is wrong with it ({@link Names}); @param slots a power of two */
  NameCache(Function<String, String> problem, int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two, got " + slots);
    }
    this.problem = problem;
    this.keys = new byte[slots][];
    this.names = new String[slots];
    this.mask = slots - 1;
  }

  /** The name spelled by the ASCII bytes {@code b[from, to)}, or null when it fails the check. */
  String name(byte[] b, int from, int to) {
    int slot = hash(b, from, to) & mask;
    byte[] key = keys[slot];
    if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
      return names[slot];
    }
    String name = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    if (problem.apply(name) != null) {
      return null;
    }
    keys[slot] = Arrays.copyOfRange(b, from, to);
    names[slot] = StringInterner.intern(name);
    return names[slot];
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 16);
  }
}
