package io.tickwire.replay;

import io.tickwire.codecs.Trade;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Holds delayed trades back from a stream written in event-time order and lets each go once the stream has moved
 * past its delay. A held trade goes out right after the first trade of its symbol at least its delay newer, so it
 * lands out of order within its own symbol (what a per-symbol order check, like the router's, sees); and it goes out
 * at the latest before a trade more than {@code maxDelayMicros} newer, so nothing ever trails the newest trade
 * written by more than that. It therefore holds at most the delayed trades of {@code maxDelayMicros} of event time,
 * however long the stream.
 */
final class DelayBuffer {
  /** A trade held back; released once, from whichever queue reaches it first. */
  private static final class Held {
    final Trade trade;
    final long releaseAt;
    boolean released;

    Held(Trade trade, long releaseAt) {
      this.trade = trade;
      this.releaseAt = releaseAt;
    }
  }

  private final long maxDelayMicros;
  private final Map<String, PriorityQueue<Held>> dueBySymbol = new HashMap<>();
  /** Event-time order, since trades are held in the order they were made: the oldest first. */
  private final ArrayDeque<Held> oldestFirst = new ArrayDeque<>();
  private int held;

  DelayBuffer(long maxDelayMicros) {
    this.maxDelayMicros = maxDelayMicros;
  }

  /** Holds {@code trade} until a trade of its symbol at least {@code delayMicros} (1 to the bound) newer is written. */
  void hold(Trade trade, long delayMicros) {
    Held h = new Held(trade, trade.eventTime() + delayMicros);
    dueBySymbol.computeIfAbsent(key(trade), k -> new PriorityQueue<>(Comparator.comparingLong(x -> x.releaseAt)))
        .add(h);
    oldestFirst.addLast(h);
    held++;
  }

  /** Before a trade at {@code eventTime} is written: the held trades it would put more than the bound behind. */
  void releaseOverdue(long eventTime, Consumer<Trade> out) {
    while (!oldestFirst.isEmpty()) {
      Held oldest = oldestFirst.peekFirst();
      if (!oldest.released && oldest.trade.eventTime() + maxDelayMicros >= eventTime) {
        return;
      }
      oldestFirst.removeFirst();
      release(oldest, out);
    }
  }

  /** After {@code written} went out: the held trades of its symbol whose delay it has passed. */
  void releaseDue(Trade written, Consumer<Trade> out) {
    PriorityQueue<Held> due = dueBySymbol.get(key(written));
    while (due != null && !due.isEmpty() && due.peek().releaseAt <= written.eventTime()) {
      release(due.poll(), out);
    }
  }

  /** At the end of the stream: whatever is still held, oldest first. */
  void drain(Consumer<Trade> out) {
    while (!oldestFirst.isEmpty()) {
      release(oldestFirst.removeFirst(), out);
    }
  }

  /** Trades held now. */
  int size() {
    return held;
  }

  private void release(Held h, Consumer<Trade> out) {
    if (!h.released) {
      h.released = true;
      held--;
      out.accept(h.trade);
    }
  }

  private static String key(Trade trade) {
    return trade.venue() + '|' + trade.symbol();
  }
}
