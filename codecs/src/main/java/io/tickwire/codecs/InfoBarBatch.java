package io.tickwire.codecs;

import java.util.List;

/** Information-driven bars (tick, volume, dollar) as they complete. The list is an immutable copy. */
public record InfoBarBatch(List<InfoBar> items) implements Batch<InfoBar> {
  public InfoBarBatch {
    items = List.copyOf(items);
  }
}
