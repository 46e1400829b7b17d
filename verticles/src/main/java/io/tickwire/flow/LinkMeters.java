package io.tickwire.flow;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the receiving end of a lossless link reports how far behind it is and the batches its handler failed. The
 * node's metrics implement it: they also label the event-bus meters by this package's addresses, so flow states what
 * it reports here instead of depending on the metrics registry, which would make the two depend on each other.
 */
public interface LinkMeters {
  /** The lag of {@code link}, shared by every receiver of that link on this node. */
  LagObserver lag(String link);

  /** The count of failures of {@code component} (a link) for {@code reason}. */
  LongAdder errorCount(String component, String reason);

  /** Told of each batch a link's receiver gets. */
  interface LagObserver {
    /**
     * @param sentAtMillis when the sender sent the batch (epoch ms), or a negative value when unknown
     * @param newestEventMicros the newest event time in the batch (epoch µs), or a negative value when it has none
     */
    void observe(long sentAtMillis, long newestEventMicros);
  }
}
