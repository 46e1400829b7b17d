package io.tickwire.codecs;

/** A set of {@link V1Key}s as bits in two words: the v1 contract has more keys than one long holds. */
record KeyMask(long low, long high) {
  static final int CAPACITY = 2 * Long.SIZE;

  static KeyMask of(V1Key... keys) {
    long[] words = new long[2];
    for (V1Key key : keys) {
      words[key.word()] |= key.bit();
    }
    return new KeyMask(words[0], words[1]);
  }

  /** These keys and {@code more}. */
  KeyMask and(V1Key... more) {
    KeyMask other = of(more);
    return new KeyMask(low | other.low, high | other.high);
  }
}
