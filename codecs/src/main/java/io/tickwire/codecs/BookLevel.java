package io.tickwire.codecs;

import java.util.Objects;

/** One price level of an order book side; a size of zero removes the level. Exact decimals (see {@link Decimals}). */
public record BookLevel(Side side, long price, long size) {
  public BookLevel {
    Objects.requireNonNull(side, "side");
  }
}
