package io.tickwire.router.detect;

/** One symbol's trade-id continuity for {@link SequenceGapDetector}: the highest id and the missing ids below it. */
final class IdTrack {
  long max;
  /** Ascending. */
  long[] pending = new long[4];
  int count;

  IdTrack(long max) {
    this.max = max;
  }
}
