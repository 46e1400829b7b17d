package io.tickwire.batcher;

/** What happened to events in one partition's windows; read by tests, health and metrics. */
public final class WindowCounters {
  long trades;
  long barsClosed;
  long lateRevised;
  long lateDropped;
  long idleAdvances;

  public long trades() {
    return trades;
  }

  public long barsClosed() {
    return barsClosed;
  }

  /** Late trades folded into an already emitted bar, which was emitted again as a revision. */
  public long lateRevised() {
    return lateRevised;
  }

  /** Late trades dropped: by policy, or because their bar was past the revision horizon. */
  public long lateDropped() {
    return lateDropped;
  }

  /** Times the watermark moved by the wall clock because the partition was idle. */
  public long idleAdvances() {
    return idleAdvances;
  }
}
