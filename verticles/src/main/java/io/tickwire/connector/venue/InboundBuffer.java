package io.tickwire.connector.venue;

import io.tickwire.codecs.FeedGap;
import io.tickwire.config.ConnectorSettings.Overflow;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.flow.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a live connector holds while the pipeline admits less than the exchange sends. An exchange cannot be paused
 * for long (it disconnects slow readers), so the buffer is bounded. When full, under {@code DROP_OLDEST} it drops
 * the oldest event and remembers its symbol, and the next {@link #take} starts with a gap marker for each symbol
 * that lost events, ahead of that symbol's surviving events: the marker sits where the hole is. Under
 * {@code RECONNECT} it refuses the new event and the connector drops the connection, whose gap markers follow what
 * was buffered. Gap markers themselves are never refused: there is at most one per symbol per hole. Confined to
 * one event loop.
 */
public final class InboundBuffer {
  private final String venue;
  private final int capacity;
  private final Overflow overflow;
  private final ArrayDeque<MarketEvent> events = new ArrayDeque<>();
  private final Set<String> lostSymbols = new LinkedHashSet<>();
  private long dropped;

  public InboundBuffer(String venue, int capacity, Overflow overflow) {
    if (capacity < 1) {
      throw new IllegalArgumentException("buffer capacity must be positive, was " + capacity);
    }
    this.venue = venue;
    this.capacity = capacity;
    this.overflow = overflow;
  }

  /** Adds {@code event}; false when the buffer is full and the policy is to reconnect (the event is dropped). */
  public boolean add(MarketEvent event) {
    if (events.size() >= capacity) {
      dropped++;
      if (overflow == Overflow.RECONNECT) {
        return false;
      }
      lostSymbols.add(events.pollFirst().symbol());
    }
    events.addLast(event);
    return true;
  }

  /** A gap marker from the session (disconnect, resync): always kept, in stream order. */
  public void addMarker(FeedGap marker) {
    events.addLast(marker);
  }

  /** Up to {@code max} events, oldest first, led by gap markers for symbols that lost events meanwhile. */
  public List<MarketEvent> take(int max) {
    List<MarketEvent> batch = new ArrayList<>(Math.min(max, events.size() + lostSymbols.size()));
    if (!lostSymbols.isEmpty()) {
      long now = Clock.nowMicros();
      for (String symbol : lostSymbols) {
        batch.add(new FeedGap(venue, symbol, "connector buffer full: oldest events dropped", now, now, 0));
      }
      lostSymbols.clear();
    }
    while (batch.size() < max && !events.isEmpty()) {
      batch.add(events.pollFirst());
    }
    return batch;
  }

  public boolean isEmpty() {
    return events.isEmpty() && lostSymbols.isEmpty();
  }

  public int size() {
    return events.size();
  }

  public long dropped() {
    return dropped;
  }
}
