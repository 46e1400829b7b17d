package io.tickwire.connector.binance;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Side;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps one symbol's book in step with Binance's depth diffs by the documented procedure: buffer diffs until a REST
 * snapshot arrives, then
 * <ul>
 *   <li>spot: drop diffs with {@code u <= lastUpdateId}; the first applied diff must straddle
 *       {@code lastUpdateId + 1} ({@code U <= lastUpdateId + 1 <= u}); afterwards each diff's {@code U} must be the
 *       previous {@code u + 1};</li>
 *   <li>USD-M futures: drop diffs with {@code u < lastUpdateId}; the first applied diff must straddle
 *       {@code lastUpdateId} ({@code U <= lastUpdateId <= u}); afterwards each diff's {@code pu} must be the
 *       previous diff's {@code u} (futures ids are not consecutive).</li>
 * </ul>
 * Anything else is a gap: the book is cleared and a fresh snapshot requested, for this symbol only. Confined to one
 * thread.
 */
public final class BinanceDepthSync {
  /** A diff or snapshot side as received: [price, size] decimal strings already parsed to packed decimals. */
  public record Level(long price, long size) {
  }

  /**
   * One {@code depthUpdate}: first and last update id, the changed levels, its exchange and receive times (epoch
   * microseconds; 0 when unknown) so a diff applied late, out of the buffer, is still published with its own times,
   * and on futures the last update id of the diff before it ({@code pu}; {@link #NO_PREVIOUS} on spot).
   */
  public record Diff(long firstUpdateId, long lastUpdateId, List<Level> bids, List<Level> asks, long eventTime,
      long receivedTime, long previousUpdateId) {
    public static final long NO_PREVIOUS = -1;

    public Diff(long firstUpdateId, long lastUpdateId, List<Level> bids, List<Level> asks, long eventTime,
        long receivedTime) {
      this(firstUpdateId, lastUpdateId, bids, asks, eventTime, receivedTime, NO_PREVIOUS);
    }

    public Diff(long firstUpdateId, long lastUpdateId, List<Level> bids, List<Level> asks) {
      this(firstUpdateId, lastUpdateId, bids, asks, 0, 0);
    }
  }

  /** Asked for whenever the book must be (re)built from a REST snapshot. */
  public interface SnapshotRequester {
    void requestSnapshot(String symbol);
  }

  /** Told what reached the book and where continuity broke, so a session can publish both. */
  public interface Listener {
    /** {@code diff} was applied to the book, in update-id order. */
    default void applied(Diff diff) {
    }

    /** {@code diff} does not continue the book (last applied update id {@code lastApplied}); a resync follows. */
    default void gap(long lastApplied, Diff diff) {
    }
  }

  private static final Listener NO_LISTENER = new Listener() {
  };

  private final String symbol;
  private final OrderBook book;
  private final SnapshotRequester requester;
  private final int maxBuffered;
  private final Listener listener;
  private final BinanceMarket market;
  private final Deque<Diff> buffered = new ArrayDeque<>();
  private boolean synced;
  private boolean awaitingFirst;
  private long lastApplied;
  private long applied;
  private long gaps;
  private long resyncs;
  private long dropped;

  public BinanceDepthSync(String symbol, OrderBook book, SnapshotRequester requester, int maxBuffered) {
    this(symbol, book, requester, maxBuffered, NO_LISTENER);
  }

  public BinanceDepthSync(String symbol, OrderBook book, SnapshotRequester requester, int maxBuffered,
      Listener listener) {
    this(BinanceMarket.SPOT, symbol, book, requester, maxBuffered, listener);
  }

  public BinanceDepthSync(BinanceMarket market, String symbol, OrderBook book, SnapshotRequester requester,
      int maxBuffered, Listener listener) {
    this.market = market;
    this.symbol = symbol;
    this.book = book;
    this.requester = requester;
    this.maxBuffered = maxBuffered;
    this.listener = listener;
  }

  /** Starts (or restarts) a sync: asks for a snapshot and buffers diffs until it comes. */
  public void begin() {
    synced = false;
    book.clear();
    requester.requestSnapshot(symbol);
  }

  public void onDiff(Diff diff) {
    if (!synced) {
      buffer(diff);
    } else {
      accept(diff);
    }
  }

  /** A REST snapshot: rebuilds the book, then replays the buffered diffs that follow it. */
  public void onSnapshot(long lastUpdateId, List<Level> bids, List<Level> asks) {
    book.clear();
    bids.forEach(l -> book.apply(Side.BUY, l.price(), l.size()));
    asks.forEach(l -> book.apply(Side.SELL, l.price(), l.size()));
    lastApplied = lastUpdateId;
    synced = true;
    awaitingFirst = true;
    while (synced && !buffered.isEmpty()) {
      accept(buffered.pollFirst());
    }
  }

  /** Applies a diff that continues the book, skips one the book already holds, resyncs on a hole. */
  private void accept(Diff diff) {
    if (alreadyInBook(diff)) {
      return;
    }
    if (!continues(diff)) {
      listener.gap(lastApplied, diff);
      gap();
      // Back at the head, ahead of the diffs that follow it: the next snapshot may be straddled by this one.
      buffered.addFirst(diff);
      return;
    }
    apply(diff);
    awaitingFirst = false;
  }

  /**
   * A futures diff ending exactly at the snapshot's id is still applied: Binance's futures procedure starts at the
   * diff that straddles {@code lastUpdateId}, and re-setting levels the snapshot already holds changes nothing.
   */
  private boolean alreadyInBook(Diff diff) {
    return market == BinanceMarket.USDM ? diff.lastUpdateId() < lastApplied : diff.lastUpdateId() <= lastApplied;
  }

  /** Whether {@code diff} (not already in the book) picks up exactly where the book is. */
  private boolean continues(Diff diff) {
    if (market == BinanceMarket.USDM) {
      return awaitingFirst ? diff.firstUpdateId() <= lastApplied : diff.previousUpdateId() == lastApplied;
    }
    return awaitingFirst ? diff.firstUpdateId() <= lastApplied + 1 : diff.firstUpdateId() == lastApplied + 1;
  }

  private void apply(Diff diff) {
    diff.bids().forEach(l -> book.apply(Side.BUY, l.price(), l.size()));
    diff.asks().forEach(l -> book.apply(Side.SELL, l.price(), l.size()));
    lastApplied = diff.lastUpdateId();
    applied++;
    listener.applied(diff);
  }

  /** Continuity broke: this symbol's book is wrong from here on, so rebuild it. */
  private void gap() {
    gaps++;
    resyncs++;
    begin();
  }

  /** Oldest first out: a snapshot that is slow to come must not hold unbounded diffs. */
  private void buffer(Diff diff) {
    if (buffered.size() >= maxBuffered) {
      buffered.pollFirst();
      dropped++;
    }
    buffered.addLast(diff);
  }

  public boolean synced() {
    return synced;
  }

  public long applied() {
    return applied;
  }

  public long gaps() {
    return gaps;
  }

  public long resyncs() {
    return resyncs;
  }

  /** Diffs dropped from a full buffer while waiting for a snapshot. */
  public long droppedWhileWaiting() {
    return dropped;
  }

  public long lastUpdateId() {
    return lastApplied;
  }
}
