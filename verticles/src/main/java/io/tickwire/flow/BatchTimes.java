package io.tickwire.flow;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Batch;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Signal;

/**
 * The event time a batch has reached, for the event-time lag of the link carrying it: the time of its last item
 * (items travel in the order they were made). A bar counts at its window's end, when it could first be made.
 */
final class BatchTimes {
  static final long NONE = -1;

  private BatchTimes() {
  }

  /** The newest event time in {@code batch}, epoch microseconds, or {@link #NONE} when it has none. */
  static long newestMicros(Object batch) {
    if (!(batch instanceof Batch<?> items) || items.size() == 0) {
      return NONE;
    }
    Object last = items.items().get(items.size() - 1);
    if (last instanceof MarketEvent event) {
      return event.eventTime();
    }
    if (last instanceof Bar bar) {
      return bar.end();
    }
    if (last instanceof FeatureSnapshot snapshot) {
      return snapshot.ts();
    }
    if (last instanceof Signal signal) {
      return signal.ts();
    }
    if (last instanceof BookSnapshot book) {
      return book.ts();
    }
    if (last instanceof Anomaly anomaly) {
      return anomaly.ts();
    }
    return NONE;
  }
}
