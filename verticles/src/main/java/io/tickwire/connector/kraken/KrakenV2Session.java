package io.tickwire.connector.kraken;

import static io.tickwire.connector.ExactJson.array;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.book.OrderBook;
import io.tickwire.connector.ExactJson;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.connector.venue.AbstractVenueSession;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.venue.SessionStats;
import io.tickwire.connector.venue.TradeIdRuns;
import io.tickwire.codecs.Trade;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kraken websocket v2 ({@code wss://ws.kraken.com/v2}), built from Kraken's documented message shapes. Channel
 * data comes as {@code {"channel":..,"type":"snapshot"|"update","data":[..]}}: {@code trade} becomes trades (the
 * snapshot's recent trades too: they carry Kraken's trade ids, so a sink deduplicates them), {@code ticker}
 * quotes, {@code book} book updates verified by checksum ({@link KrakenV2Book}); {@code heartbeat} and
 * {@code status} carry no market data. Method responses ({@code {"method":"subscribe","success":..}}) are
 * acknowledgements (a book's names the depth its book is cut to, which its frames never say); one with {@code "success":false} is counted as a parse error with Kraken's error text, since
 * the subscription it answers will deliver nothing. Numbers are JSON numbers, read exactly ({@link ExactJson}).
 *
 * <p>A checksum failure drops that symbol's book, marks a gap for it alone, resubscribes its book and drops its
 * updates until the new snapshot; other symbols carry on. Not thread-safe.
 */
public final class KrakenV2Session extends AbstractVenueSession {
  public static final String VENUE = "kraken";

  private final KrakenSubscriptions subscriptions;
  private final KrakenBooks books = new KrakenBooks(VENUE);
  private final KrakenV2Book book;
  private final KrakenResyncs resyncs;
  private final TradeIdRuns tradeIds = new TradeIdRuns();

  public KrakenV2Session(SessionSpec spec, SessionStats stats, SessionOutput output) {
    super(VENUE, "kraken v2: ", spec, stats, output);
    this.subscriptions = new KrakenSubscriptions(spec, KrakenSubscriptions.V2);
    this.book = new KrakenV2Book(books, spec.bookDepth());
    this.resyncs = new KrakenResyncs(subscriptions, stats, output);
  }

  public KrakenV2Session(SessionSpec spec, SessionOutput output) {
    this(spec, new SessionStats(), output);
  }

  @Override
  public List<String> subscribeFrames() {
    return subscriptions.subscribeAll();
  }

  @Override
  protected void read(String text, long receivedMicros) {
    Map<String, Object> frame = ExactJson.parseObject(text);
    if (frame.containsKey("method")) {
      onMethodResponse(frame);
    } else {
      onChannelData(frame, text, receivedMicros);
    }
  }

  private void onChannelData(Map<String, Object> frame, String text, long receivedMicros) {
    String channel = text(frame, "channel");
    switch (channel) {
      case "heartbeat", "status" -> { }
      case "trade" -> forEachEntry(frame, e -> onTrade(KrakenV2Market.trade(VENUE, e, receivedMicros), receivedMicros));
      case "ticker" -> forEachEntry(frame, e -> output.event(KrakenV2Market.quote(VENUE, e, receivedMicros)));
      case "book" -> onBook(frame, receivedMicros);
      default -> {
        String detail = "unknown channel '" + channel + "'";
        stats.addSchemaDrift("kraken v2: " + detail);
        output.schemaDrift("", detail, text);
      }
    }
  }

  /**
   * Kraken numbers each pair's trades consecutively, so a jump means trades were missed, and the first trade of a
   * pair after a lost connection tells what the disconnect cost: both ask for the ids between, with the time of the
   * last trade before them (Kraken's history is paged by time). The trade snapshot a new subscription starts with
   * may repeat trades seen before the loss: then the run it starts covers the disconnect, which cost nothing.
   */
  private void onTrade(Trade trade, long receivedMicros) {
    String pair = trade.symbol();
    long id = Long.parseLong(trade.tradeId());
    TradeIdRuns.Carried carried = tradeIds.takeCarried(pair);
    if (carried != null) {
      long before = id > carried.lastId() ? id : carried.lastId() + 1;
      output.backfill(pair, carried.lastId(), carried.lastMicros(), before, carried.reason());
    }
    long lastMicros = tradeIds.lastMicros(pair);
    long last = tradeIds.advance(pair, id, trade.eventTime());
    if (last >= 0) {
      stats.addGap();
      String reason = "kraken trade_id jumped from " + last + " to " + id + " (" + (id - last - 1) + " missing)";
      output.gap(pair, reason, receivedMicros);
      output.backfill(pair, last, lastMicros, id, reason);
    }
    output.event(trade);
  }

  /** Keeps each pair's last trade id and time across the lost connection, to ask for what it cost. */
  @Override
  public void onDisconnect(String reason, long nowMicros) {
    tradeIds.carryOver("disconnected: " + reason);
    super.onDisconnect(reason, nowMicros);
  }

  private void onBook(Map<String, Object> frame, long receivedMicros) {
    boolean snapshot = isSnapshot(frame);
    forEachEntry(frame, entry -> onBookEntry(book.apply(snapshot, entry, receivedMicros), receivedMicros));
  }

  private void onBookEntry(KrakenV2Book.Applied applied, long receivedMicros) {
    if (applied.dropped()) {
      return;
    }
    switch (applied.check()) {
      case OK -> {
        stats.addChecksumOk();
        passOn(applied, receivedMicros);
      }
      case UNVERIFIED -> passOn(applied, receivedMicros);
      case FAILED -> resyncs.checksumFailed(applied.symbol(), book.lastMismatch(), receivedMicros);
    }
  }

  private void passOn(KrakenV2Book.Applied applied, long receivedMicros) {
    output.event(new BookUpdate(VENUE, applied.symbol(), applied.snapshot(), applied.levels(),
        applied.eventMicros(), receivedMicros, 0));
  }

  private void onMethodResponse(Map<String, Object> response) {
    if (Boolean.FALSE.equals(response.get("success"))) {
      Object symbol = response.getOrDefault("symbol", "(no symbol)");
      stats.addParseError("kraken v2: " + response.get("method") + " failed for " + symbol + ": "
          + response.getOrDefault("error", "(no error text)"));
    } else if ("subscribe".equals(response.get("method")) && response.get("result") instanceof Map<?, ?>) {
      onSubscribed(ExactJson.object(response.get("result"), "result"));
    }
  }

  /** A book's frames do not say its depth; its acknowledgement does (and a replay learns it only from there). */
  private void onSubscribed(Map<String, Object> result) {
    if ("book".equals(result.get("channel"))) {
      String depth = ExactJson.optionalNumber(result, "depth");
      if (depth != null) {
        book.subscribed(text(result, "symbol"), KrakenBooks.subscribableDepth(Integer.parseInt(depth)));
      }
    }
  }

  private static boolean isSnapshot(Map<String, Object> frame) {
    String type = text(frame, "type");
    if (type.equals("snapshot") || type.equals("update")) {
      return type.equals("snapshot");
    }
    throw new IllegalArgumentException("book type '" + type + "' is neither snapshot nor update");
  }

  private static void forEachEntry(Map<String, Object> frame, Consumer<Map<String, Object>> use) {
    for (Object entry : array(frame, "data")) {
      use.accept(ExactJson.object(entry, "data entry"));
    }
  }

  @Override
  protected void startAfresh() {
    books.reset();
  }

  @Override
  public Map<String, OrderBook> books() {
    return books.books();
  }
}
