package io.tickwire.connector.venue;

/**
 * Trades missing from {@code symbol}'s stream: the ids strictly between {@code afterId} and {@code beforeId} (the
 * last trade before the hole and the first after it). {@code reason} is the hole's gap-marker reason, by which the
 * ledger finds it again.
 */
public record TradeHole(String symbol, long afterId, long beforeId, String reason) {
  public TradeHole {
    if (beforeId - afterId < 2) {
      throw new IllegalArgumentException("a trade hole needs ids missing between " + afterId + " and " + beforeId);
    }
  }

  public long missing() {
    return beforeId - afterId - 1;
  }

  public boolean contains(long id) {
    return id > afterId && id < beforeId;
  }
}
