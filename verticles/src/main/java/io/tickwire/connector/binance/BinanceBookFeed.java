package io.tickwire.connector.binance;

import static io.tickwire.connector.FrameFields.array;

import io.tickwire.book.OrderBook;
import io.tickwire.connector.FrameFields;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One symbol's book inside a {@link BinanceSession}: runs {@link BinanceDepthSync} for the current connection and
 * publishes what it does, a snapshot event when a REST snapshot rebuilds the book, a delta event per applied diff,
 * and a gap marker (plus a resync) when continuity breaks. Confined to the session's thread.
 */
final class BinanceBookFeed implements BinanceDepthSync.Listener {
  /** About 16 minutes of a 100 ms stream: ample for a rate-limited snapshot, yet bounded. */
  private static final int MAX_BUFFERED_DIFFS = 10_000;

  private final BinanceMarket market;
  private final String symbol;
  private final OrderBook book;
  private final SessionOutput output;
  private final SessionStats stats;
  /** Null until this connection's first diff: the snapshot must be asked for after diffs start buffering. */
  private BinanceDepthSync sync;

  BinanceBookFeed(BinanceMarket market, String symbol, SessionOutput output, SessionStats stats) {
    this.market = market;
    this.symbol = symbol;
    this.book = new OrderBook(market.venue(), symbol);
    this.output = output;
    this.stats = stats;
  }

  OrderBook book() {
    return book;
  }

  void onDiff(BinanceDepthSync.Diff diff) {
    if (sync == null) {
      sync = new BinanceDepthSync(market, symbol, book, output::requestSnapshot, MAX_BUFFERED_DIFFS, this);
      sync.begin();
    }
    sync.onDiff(diff);
  }

  /**
   * A REST depth body. Ignored unless this book is waiting for one: a late answer to a request made before a
   * reconnect, or a duplicate, would only rebuild a good book from older data and force another resync.
   */
  void onSnapshot(String body, long receivedMicros) {
    if (sync == null || sync.synced()) {
      return;
    }
    JsonObject snapshot;
    long lastUpdateId;
    List<BinanceDepthSync.Level> bids;
    List<BinanceDepthSync.Level> asks;
    try {
      snapshot = FrameFields.parseObject(body);
      lastUpdateId = BinanceDepthFrames.snapshotId(snapshot);
      bids = BinanceDepthFrames.levels(array(snapshot, "bids"));
      asks = BinanceDepthFrames.levels(array(snapshot, "asks"));
    } catch (RuntimeException e) {
      stats.addParseError(market.venue() + " depth snapshot for " + symbol + ": " + e.getMessage());
      output.requestSnapshot(symbol); // still waiting: without a new request the book would never sync
      return;
    }
    // A REST snapshot carries no time of its own: the receive time is the best there is.
    output.event(new BookUpdate(market.venue(), symbol, true, BinanceDepthFrames.bookLevels(bids, asks),
        receivedMicros, receivedMicros, 0));
    sync.onSnapshot(lastUpdateId, bids, asks);
  }

  /** The connection is gone: the book is void and the next connection's diffs start a fresh sync. */
  boolean disconnected() {
    boolean wasSyncing = sync != null;
    sync = null;
    book.clear();
    return wasSyncing;
  }

  boolean synced() {
    return sync != null && sync.synced();
  }

  /** Every applied diff continued the book: the sync refuses any that does not. */
  @Override
  public void applied(BinanceDepthSync.Diff diff) {
    stats.addContinuous();
    output.event(new BookUpdate(market.venue(), symbol, false,
        BinanceDepthFrames.bookLevels(diff.bids(), diff.asks()), diff.eventTime(), diff.receivedTime(), 0));
  }

  @Override
  public void gap(long lastApplied, BinanceDepthSync.Diff diff) {
    stats.addGap();
    stats.addResync();
    output.gap(symbol, market.venue() + " depth update U=" + diff.firstUpdateId() + previous(diff)
        + " does not follow update id " + lastApplied + "; book resynced from a REST snapshot", diff.receivedTime());
  }

  private static String previous(BinanceDepthSync.Diff diff) {
    return diff.previousUpdateId() == BinanceDepthSync.Diff.NO_PREVIOUS ? "" : " pu=" + diff.previousUpdateId();
  }
}
