package io.tickwire.connector.coinbase;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.AbstractVenueSession;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.TradeIdRuns;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The Coinbase Exchange websocket feed ({@code wss://ws-feed.exchange.coinbase.com}, recorded as COINBASE.ws.28.0)
 * over one connection: {@code matches} become trades, {@code ticker} quotes, {@code level2} a book per product.
 *
 * <p>Trades are checked for continuity per product by {@code trade_id}: a jump is a hole (a gap marker for that
 * product), a repeated or older id is not. Repeats are still passed on: the router's dedup drops them, and a late
 * trade is still a trade. A frame that cannot be read is counted as a parse error and skipped.
 */
public final class CoinbaseExchangeSession extends AbstractVenueSession {
  private final ProductBooks books = new ProductBooks(CoinbaseExchangeFrames.VENUE);
  private final TradeIdRuns tradeIds = new TradeIdRuns();

  public CoinbaseExchangeSession(SessionSpec spec, SessionOutput output) {
    this(spec, new SessionStats(), output);
  }

  /** With the stats a {@link io.tickwire.connector.venue.CountingOutput} around {@code output} also counts into. */
  public CoinbaseExchangeSession(SessionSpec spec, SessionStats stats, SessionOutput output) {
    super(CoinbaseExchangeFrames.VENUE, "", spec, stats, output);
  }

  /** One subscribe for every product and wanted channel, plus {@code heartbeat}, which keeps a quiet feed open. */
  @Override
  public List<String> subscribeFrames() {
    startAfresh();
    JsonArray channels = new JsonArray();
    if (spec.wants(Channel.TRADES)) {
      channels.add("matches");
    }
    if (spec.wants(Channel.QUOTES)) {
      channels.add("ticker");
    }
    if (spec.wants(Channel.BOOK)) {
      channels.add("level2");
    }
    channels.add("heartbeat");
    return List.of(new JsonObject().put("type", "subscribe").put("product_ids", new JsonArray(spec.symbols()))
        .put("channels", channels).encode());
  }

  @Override
  protected void read(String text, long receivedMicros) {
    handle(CoinbaseExchangeFrames.read(text, receivedMicros), receivedMicros);
  }

  @Override
  public Map<String, OrderBook> books() {
    return books.view();
  }

  /** How many book updates left a book crossed (a missed or misapplied update); SessionStats has no slot for it. */
  public long crossedBookUpdates() {
    return books.crossedUpdates();
  }

  private void handle(CoinbaseExchangeFrames.Frame frame, long receivedMicros) {
    MarketEvent event = frame.event();
    if (event instanceof Trade trade) {
      checkTradeId(trade.symbol(), frame.tradeId(), receivedMicros);
    } else if (event instanceof BookUpdate update && !books.apply(update)) {
      return; // a delta before its product's snapshot: the snapshot will carry its effect
    }
    if (event != null) {
      output.event(event);
    }
  }

  /**
   * Keeps each product's last trade id across the lost connection, so its first trade on the next one tells what
   * the disconnect cost in trades: the ids between are fetched (or none were missed).
   */
  @Override
  public void onDisconnect(String reason, long nowMicros) {
    tradeIds.carryOver("disconnected: " + reason);
    super.onDisconnect(reason, nowMicros);
  }

  private void checkTradeId(String product, long tradeId, long receivedMicros) {
    TradeIdRuns.Carried carried = tradeIds.takeCarried(product);
    if (carried != null && tradeId > carried.lastId()) {
      output.backfill(product, carried.lastId(), tradeId, carried.reason());
    }
    long last = tradeIds.advance(product, tradeId);
    if (last >= 0) {
      stats.addGap();
      String reason = "trade_id jumped from " + last + " to " + tradeId + " (" + (tradeId - last - 1) + " missing)";
      output.gap(product, reason, receivedMicros);
      output.backfill(product, last, tradeId, reason);
    }
  }

  /** A new connection: no book and no trade run carries over from the last one. */
  @Override
  protected void startAfresh() {
    books.clear();
    tradeIds.reset();
  }
}
