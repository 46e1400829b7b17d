package io.tickwire.connector.binance;

import static io.tickwire.connector.FrameFields.object;
import static io.tickwire.connector.FrameFields.optionalText;
import static io.tickwire.connector.FrameFields.text;

import io.tickwire.book.OrderBook;
import io.tickwire.connector.FrameText;
import io.tickwire.connector.FrameFields;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.venue.SessionStats;
import io.tickwire.connector.venue.TradeIdRuns;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.VenueSession;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance spot or USD-M futures ({@link BinanceMarket}) over one websocket connection (combined streams,
 * {@code {"stream":..,"data":..}}, or the raw payloads of a single-stream connection): {@code trade}/{@code aggTrade}
 * become trades, {@code bookTicker} quotes, {@code markPriceUpdate} (futures) mark/funding updates, and
 * {@code depthUpdate} diffs keep one book per symbol in step with REST snapshots ({@link BinanceBookFeed}), by the
 * market's continuity rule. Subscription acks and {@code kline} payloads are ignored; error objects count as parse
 * errors; an unknown event type is schema drift. Binance's forced disconnect after 24 hours is an ordinary
 * disconnect.
 */
public final class BinanceSession implements VenueSession {
  public static final String VENUE = BinanceMarket.SPOT.venue();

  private final BinanceMarket market;
  private final SessionSpec spec;
  private final SessionOutput output;
  private final SessionStats stats;
  private final Map<String, BinanceBookFeed> feeds = new LinkedHashMap<>();
  private final Map<String, OrderBook> books = new LinkedHashMap<>();
  /** Aggregate trade ids only: plain {@code trade} ids have no public REST history to fetch them from by id. */
  private final TradeIdRuns aggTradeIds = new TradeIdRuns();
  private long nextRequestId = 1;

  public BinanceSession(SessionSpec spec, SessionOutput output) {
    this(spec, new SessionStats(), output);
  }

  /** Spot, with the caller's {@code stats}, shared with whatever counts the output ({@code CountingOutput}). */
  public BinanceSession(SessionSpec spec, SessionStats stats, SessionOutput output) {
    this(BinanceMarket.SPOT, spec, stats, output);
  }

  public BinanceSession(BinanceMarket market, SessionSpec spec, SessionStats stats, SessionOutput output) {
    this.market = market;
    this.spec = spec;
    this.stats = stats;
    this.output = output;
    if (spec.wants(SessionSpec.Channel.BOOK) && !spec.anySymbol()) {
      spec.symbols().forEach(configured -> feed(BinanceStreams.symbol(configured)));
    }
  }

  @Override
  public String venue() {
    return market.venue();
  }

  @Override
  public List<String> subscribeFrames() {
    return List.of(BinanceStreams.subscribeFrame(BinanceStreams.streams(market, spec), nextRequestId++));
  }

  @Override
  public void onFrame(String text, long receivedMicros) {
    try {
      dispatch(FrameFields.parseObject(text), text, receivedMicros);
    } catch (RuntimeException e) {
      stats.addParseError(market.venue() + " frame: " + FrameText.describe(e, text));
    }
  }

  /** Tells the envelope apart: combined-stream wrapper, raw payload, ack, error, or something new. */
  private void dispatch(JsonObject frame, String text, long received) {
    if (frame.containsKey("data")) {
      onPayload(object(frame, "data"), optionalText(frame, "stream"), text, received);
    } else if (frame.containsKey("e") || isBookTicker(frame)) {
      onPayload(frame, null, text, received);
    } else if (frame.containsKey("error") || frame.containsKey("code")) {
      stats.addParseError(market.venue() + " error: " + errorText(frame));
    } else if (!frame.containsKey("result")) {
      drift("", "unrecognised frame (no data, e, result or error)", text);
    }
    // else {"result":null,"id":N}: the ack of a SUBSCRIBE, nothing to do
  }

  private void onPayload(JsonObject data, String stream, String text, long received) {
    String event = optionalText(data, "e");
    if (event == null) {
      onUntypedPayload(data, stream, text, received);
      return;
    }
    switch (event) {
      case "trade" -> output.event(BinanceMarketFrames.trade(market.venue(), data, false, received));
      case "aggTrade" -> onAggTrade(BinanceMarketFrames.trade(market.venue(), data, true, received), received);
      case "bookTicker" -> output.event(BinanceMarketFrames.quote(market.venue(), data, received)); // futures
      case "markPriceUpdate" -> output.event(BinanceMarketFrames.markFunding(market.venue(), data, received));
      case "depthUpdate" -> onDepth(data, received);
      case "kline" -> { } // bars are built downstream from trades
      default -> drift(optionalText(data, "s"), "unknown " + market.venue() + " event type '" + event + "'", text);
    }
  }

  /**
   * Aggregate trade ids are consecutive per symbol, so a jump means trades were missed, and the first one after a
   * lost connection tells what the disconnect cost: both ask for the ids between (none were missed when they
   * continue).
   */
  private void onAggTrade(Trade trade, long received) {
    long id = Long.parseLong(trade.tradeId());
    TradeIdRuns.Carried carried = aggTradeIds.takeCarried(trade.symbol());
    if (carried != null && id > carried.lastId()) {
      output.backfill(trade.symbol(), carried.lastId(), id, carried.reason());
    }
    long last = aggTradeIds.advance(trade.symbol(), id);
    if (last >= 0) {
      stats.addGap();
      String reason = market.venue() + " aggregate trade id jumped from " + last + " to " + id + " (" + (id - last - 1)
          + " missing)";
      output.gap(trade.symbol(), reason, received);
      output.backfill(trade.symbol(), last, id, reason);
    }
    output.event(trade);
  }

  /** Only {@code bookTicker} comes without an event type {@code e}. */
  private void onUntypedPayload(JsonObject data, String stream, String text, long received) {
    if ((stream != null && stream.endsWith("@bookTicker")) || isBookTicker(data)) {
      output.event(BinanceMarketFrames.quote(market.venue(), data, received));
    } else {
      drift(optionalText(data, "s"), market.venue() + " payload without an event type on stream '" + stream + "'",
          text);
    }
  }

  private void onDepth(JsonObject data, long received) {
    String symbol = text(data, "s");
    BinanceBookFeed feed = spec.anySymbol() ? feed(symbol) : feeds.get(symbol);
    if (feed == null) {
      throw new IllegalArgumentException("depth update for '" + symbol + "', which has no book in this session");
    }
    feed.onDiff(BinanceDepthFrames.diff(data, received));
  }

  private BinanceBookFeed feed(String symbol) {
    return feeds.computeIfAbsent(symbol, s -> {
      BinanceBookFeed feed = new BinanceBookFeed(market, s, output, stats);
      books.put(s, feed.book());
      return feed;
    });
  }

  @Override
  public void onSnapshot(String symbol, String body, long receivedMicros) {
    BinanceBookFeed feed = feeds.get(BinanceStreams.symbol(symbol));
    if (feed == null) {
      stats.addParseError(market.venue() + " depth snapshot for '" + symbol + "', which has no book in this session");
      return;
    }
    try {
      feed.onSnapshot(body, receivedMicros);
    } catch (RuntimeException e) {
      stats.addParseError(market.venue() + " depth snapshot for " + symbol + ": " + e.getMessage());
    }
  }

  /**
   * Everything sent meanwhile is lost: one gap for the connection, a marker per subscribed symbol, and every book
   * that was syncing starts again with the next connection's diffs.
   */
  @Override
  public void onDisconnect(String reason, long nowMicros) {
    stats.addGap();
    aggTradeIds.carryOver(disconnected(reason));
    for (String configured : spec.affected(feeds.keySet())) {
      String symbol = BinanceStreams.symbol(configured);
      BinanceBookFeed feed = feeds.get(symbol);
      if (feed != null && feed.disconnected()) {
        stats.addResync();
      }
      output.gap(symbol, disconnected(reason), nowMicros);
    }
  }

  /** The gap marker's reason, by which the ledger finds the hole a backfill after the disconnect closes. */
  private String disconnected(String reason) {
    return market.venue() + " disconnected: " + reason;
  }

  @Override
  public SessionStats stats() {
    return stats;
  }

  @Override
  public Map<String, OrderBook> books() {
    return Collections.unmodifiableMap(books);
  }

  @Override
  public long booksInSync() {
    return feeds.values().stream().filter(BinanceBookFeed::synced).count();
  }

  /** Whether {@code symbol}'s book is in step with the stream (false until its REST snapshot has been applied). */
  public boolean synced(String symbol) {
    BinanceBookFeed feed = feeds.get(BinanceStreams.symbol(symbol));
    return feed != null && feed.synced();
  }

  private void drift(String symbol, String detail, String text) {
    stats.addSchemaDrift(detail);
    output.schemaDrift(symbol == null ? "" : symbol, detail, text);
  }

  private static boolean isBookTicker(JsonObject o) {
    return o.containsKey("u") && o.containsKey("s") && o.containsKey("b") && o.containsKey("a")
        && !o.containsKey("e");
  }

  /** {@code {"error":{"code":..,"msg":..},"id":..}} from the stream API, or a bare {@code {"code":..,"msg":..}}. */
  private static String errorText(JsonObject frame) {
    Object error = frame.getValue("error");
    JsonObject body = error instanceof JsonObject o ? o : frame;
    return "code " + body.getValue("code") + ": " + body.getValue("msg", error);
  }
}
