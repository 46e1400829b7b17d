package io.tickwire.jobs.archive;

import io.tickwire.codecs.IsoTime;

/** A span of event time exported together: {@code [startMicros, endMicros)}, epoch microseconds. */
public record Chunk(long startMicros, long endMicros) {
  /** The chunk of length {@code lengthMillis} (aligned to the epoch) holding {@code micros}. */
  public static Chunk containing(long micros, long lengthMillis) {
    long length = lengthMillis * 1000;
    long start = Math.floorDiv(micros, length) * length;
    return new Chunk(start, start + length);
  }

  public Chunk next() {
    return new Chunk(endMicros, endMicros + (endMicros - startMicros));
  }

  public long partNumber() {
    return ArchiveLayout.partNumber(startMicros);
  }

  @Override
  public String toString() {
    return "[" + IsoTime.format(startMicros) + ", " + IsoTime.format(endMicros) + ")";
  }
}
