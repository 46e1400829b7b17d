package io.tickwire.derived.sampling;

import java.util.Arrays;

/**
 * How far each routed partition has got in event time, and which the router has said are idle: what tells a
 * derived stream that every input stamped before a sample time has arrived.
 *
 * <p>Why per partition: a stream joins inputs from several partitions (an asset's venues, an option chain's
 * instruments), and the router delivers each partition in its own order on its own link, in batches whose cuts
 * depend on timing (socket reads, back-pressure). One partition's batch may run seconds of event time ahead of
 * another's. Within a partition events arrive in sequence; so once every partition a stream waits for has passed
 * T (plus the lateness its sources' own disorder needs), nothing stamped at or before T is still on its way, and
 * a sample at T holds the same inputs however the partitions were interleaved.
 *
 * <p>A partition is not waited for when the router's last word on it is that it is idle (an empty batch: nothing
 * routed there for {@code batcher.idle_timeout_ms} of wall clock), or when it is more than {@code maxWait} of event
 * time behind the stream's newest input (a venue whose clock or feed lags that far would otherwise hold the stream
 * back without bound). A partition that has never carried an event counts as being at the stream's first input,
 * so it is waited for during the stream's first {@code maxWait}.
 *
 * <p>Not thread-safe: owned by the derived stage's event loop.
 */
public final class PartitionWatermarks {
  private static final long NONE = Long.MIN_VALUE;

  private final long[] newest;
  private final boolean[] idle;

  public PartitionWatermarks(int partitions) {
    this.newest = new long[partitions];
    this.idle = new boolean[partitions];
    Arrays.fill(newest, NONE);
  }

  public int partitions() {
    return newest.length;
  }

  /** An event of partition {@code p} stamped {@code time}; partitions outside the range (unrouted) are ignored. */
  public void event(int p, long time) {
    if (p < 0 || p >= newest.length) {
      return;
    }
    newest[p] = Math.max(newest[p], time);
    idle[p] = false;
  }

  /** The router's word that partition {@code p} has been idle. */
  public void idle(int p) {
    if (p >= 0 && p < idle.length) {
      idle[p] = true;
    }
  }

  /**
   * The event time up to which a stream has all its inputs: the lowest newest event time among the {@code waited}
   * partitions still waited for, never above the stream's own newest input.
   *
   * @param streamNewest the stream's newest input
   * @param streamFirst the stream's first input, where a partition that has said nothing is taken to be
   */
  public long low(int[] waited, long streamNewest, long streamFirst, long maxWait) {
    long floor = streamNewest - maxWait;
    long low = streamNewest;
    for (int p : waited) {
      if (idle[p]) {
        continue;
      }
      long at = newest[p] == NONE ? streamFirst : newest[p];
      if (at >= floor) {
        low = Math.min(low, at);
      }
    }
    return low;
  }
}
