package io.tickwire.codecs;

import java.util.List;

/** Implied-volatility surface snapshots, one per (venue, underlying, expiry). The list is an immutable copy. */
public record IvSurfaceBatch(List<IvSurface> items) implements Batch<IvSurface> {
  public IvSurfaceBatch {
    items = List.copyOf(items);
  }
}
