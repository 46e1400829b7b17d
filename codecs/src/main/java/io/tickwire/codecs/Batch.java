package io.tickwire.codecs;

import java.util.List;

/** What travels the event bus: every hop carries a batch of items, never a single event. */
public interface Batch<E> {
  List<E> items();

  default int size() {
    return items().size();
  }
}
