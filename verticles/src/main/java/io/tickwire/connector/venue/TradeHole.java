package io.tickwire.connector.venue;

/**
 * Trades missing from {@code symbol}'s stream: the ids strictly between {@code afterId} and {@code beforeId} (the
 * last trade before the hole and the first after it); none when they are consecutive (a disconnect that cost no
 * trade). {@code reason} is the hole's gap-marker reason, by which the ledger finds it again. {@code afterMicros}
 * is the event time of the last trade before the hole (0 when unknown), for venues whose history is paged by time.
 */
public record TradeHole(String symbol, long afterId, long beforeId, String reason, long afterMicros) {
  public TradeHole(String symbol, long afterId, long beforeId, String reason) {
    this(symbol, afterId, beforeId, reason, 0);
  }

  public TradeHole {
    if (beforeId <= afterId) {
      throw new IllegalArgumentException("a trade hole ends after it starts: ids " + afterId + " and " + beforeId);
    }
  }

  public long missing() {
    return beforeId - afterId - 1;
  }

  public boolean contains(long id) {
    return id > afterId && id < beforeId;
  }
}
