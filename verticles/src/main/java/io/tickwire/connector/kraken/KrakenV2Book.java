package io.tickwire.connector.kraken;

import static io.tickwire.connector.ExactJson.array;
import static io.tickwire.connector.ExactJson.decimal;
import static io.tickwire.connector.ExactJson.optionalNumber;
import static io.tickwire.connector.ExactJson.optionalText;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.book.OrderBook;
import io.tickwire.connector.ExactJson;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Side;
import io.tickwire.connector.kraken.KrakenBooks.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kraken websocket v2 {@code book} data entries applied to {@link KrakenBooks}:
 * <pre>
 * {"symbol":"BTC/USD","bids":[{"price":45283.5,"qty":0.10000000},..],"asks":[..],"checksum":3310070434,
 *  "timestamp":"2023-10-06T17:35:55.440295Z"}
 * </pre>
 * v2 carries a checksum on snapshots as well as updates, and both are verified. A {@code qty} of 0 deletes the
 * level; the book is cut to the subscribed depth after every entry.
 *
 * <p>Checksum text: the price and qty exactly as received. Kraken's v2 checksum guide says both are "pushed onto
 * the wire containing full precision" and tells clients to decode them as decimals or strings; its worked example
 * (BTC/USD, checksum 3310070434, a test here) checks out from the received text with no reformatting. So no
 * {@code instrument} subscription for {@code price_precision}/{@code qty_precision} is made: if Kraken ever sent a
 * number with trailing zeros trimmed, the checksum would fail and the book resync, counted, never silently wrong.
 */
final class KrakenV2Book {
  /** One applied entry: {@code check} is null when the entry was dropped (its symbol is waiting for a snapshot). */
  record Applied(String symbol, boolean snapshot, Check check, List<BookLevel> levels, long eventMicros) {
    boolean dropped() {
      return check == null;
    }
  }

  private final KrakenBooks books;
  private final int defaultDepth;
  /** The depth Kraken acknowledged per symbol; a replay subscribes to nothing, so its default may not be it. */
  private final Map<String, Integer> acknowledgedDepths = new HashMap<>();

  KrakenV2Book(KrakenBooks books, int defaultDepth) {
    this.books = books;
    this.defaultDepth = defaultDepth;
  }

  /** Kraken acknowledged {@code symbol}'s book subscription at {@code depth}: its book is cut there. */
  void subscribed(String symbol, int depth) {
    acknowledgedDepths.put(symbol, depth);
  }

  Applied apply(boolean snapshot, Map<String, Object> entry, long receivedMicros) {
    String symbol = text(entry, "symbol");
    if (!snapshot && books.resyncing(symbol)) {
      return new Applied(symbol, false, null, List.of(), receivedMicros);
    }
    OrderBook book = snapshot ? books.startSnapshot(symbol) : books.book(symbol);
    List<BookLevel> levels = new ArrayList<>();
    applySide(book, Side.BUY, entry, "bids", levels);
    applySide(book, Side.SELL, entry, "asks", levels);
    Check check = books.finishFrame(symbol, acknowledgedDepths.getOrDefault(symbol, defaultDepth),
        checksum(entry));
    String timestamp = optionalText(entry, "timestamp");
    long eventMicros = timestamp == null ? receivedMicros : KrakenTimes.rfc3339ToMicros(timestamp);
    return new Applied(symbol, snapshot, check, levels, eventMicros);
  }

  private static void applySide(OrderBook book, Side side, Map<String, Object> entry, String key,
      List<BookLevel> levels) {
    if (!entry.containsKey(key)) {
      return;
    }
    for (Object value : array(entry, key)) {
      Map<String, Object> level = ExactJson.object(value, key + " level");
      BookLevel parsed = new BookLevel(side, decimal(level, "price"), decimal(level, "qty"));
      book.apply(parsed);
      levels.add(parsed);
    }
  }

  private static Long checksum(Map<String, Object> entry) {
    String text = optionalNumber(entry, "checksum");
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("book checksum " + text + " is not an integer", e);
    }
  }

  /** The last checksum mismatch, for the gap reason. */
  String lastMismatch() {
    return books.lastMismatch();
  }
}
