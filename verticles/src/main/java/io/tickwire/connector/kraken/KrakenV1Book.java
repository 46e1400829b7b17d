package io.tickwire.connector.kraken;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Kraken websocket v1 {@code book} channel: applies snapshot and update frames to one {@link OrderBook} per pair,
 * keeps the subscribed depth and verifies each update's CRC32 checksum {@code c} ({@link KrakenChecksum}).
 *
 * <p>Frame shapes (see KRAKEN.ws.50.head1500 in the shared fixtures):
 * <pre>
 * [channelID, {"as":[[price, volume, time],...], "bs":[...]}, "book-1000", pair]          snapshot
 * [channelID, {"a":[[price, volume, time],...], "c":"crc"}, "book-1000", pair]           update, one side
 * [channelID, {"a":[...]}, {"b":[...], "c":"crc"}, "book-1000", pair]                   update, both sides
 * </pre>
 * A level may carry a 4th element {@code "r"} (a republish after a level fell out of the window); it is applied
 * like any other level. A volume of zero deletes the level. Object frames ({@code event}: heartbeat,
 * systemStatus, subscriptionStatus) are not book data and are ignored.
 *
 * <p>On a checksum mismatch the pair's book is cleared and marked as resyncing: its updates are dropped (counted)
 * until the next snapshot, and the {@code onChecksumFailure} callback receives the pair so the connector can
 * resubscribe that pair's book only. Other pairs are unaffected. Not thread-safe (one event loop).
 */
public final class KrakenV1Book {
  /** What one frame was. */
  public enum Outcome {
    /** Not a book frame (event object, other channel). */
    IGNORED,
    SNAPSHOT,
    /** An update whose checksum matched. */
    CHECKSUM_OK,
    /** An update whose checksum did not match: the pair is now resyncing. */
    CHECKSUM_FAILED,
    /** An update without a checksum (applied, not verified). */
    UNVERIFIED,
    /** An update for a pair waiting for a snapshot (dropped). */
    DROPPED,
    PARSE_ERROR
  }

  private final String venue;
  private final int defaultDepth;
  private final Consumer<String> onChecksumFailure;
  private final Map<String, OrderBook> books = new LinkedHashMap<>();
  private final Set<String> resyncing = new HashSet<>();
  private final Map<String, Long> failuresByPair = new LinkedHashMap<>();
  private long frames;
  private long snapshots;
  private long checksumOk;
  private long checksumFailed;
  private long unverified;
  private long dropped;
  private long parseErrors;
  private String lastError;

  /**
   * @param defaultDepth the depth to keep when a frame's channel name does not say it ({@code "book-N"})
   * @param onChecksumFailure called with the pair after a checksum mismatch (resubscribe it); may be null
   */
  public KrakenV1Book(String venue, int defaultDepth, Consumer<String> onChecksumFailure) {
    if (defaultDepth < KrakenChecksum.LEVELS) {
      throw new IllegalArgumentException("depth " + defaultDepth + " is below the " + KrakenChecksum.LEVELS
          + " levels the checksum covers");
    }
    this.venue = venue;
    this.defaultDepth = defaultDepth;
    this.onChecksumFailure = onChecksumFailure == null ? pair -> { } : onChecksumFailure;
  }

  public KrakenV1Book() {
    this("kraken", 1000, null);
  }

  /** Parses and applies one received websocket text frame. Never throws on bad input: returns PARSE_ERROR. */
  public Outcome onFrame(String text) {
    frames++;
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.charAt(0) != '[') {
      return Outcome.IGNORED;
    }
    try {
      return onArray(new JsonArray(trimmed));
    } catch (RuntimeException e) {
      parseErrors++;
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      return Outcome.PARSE_ERROR;
    }
  }

  private Outcome onArray(JsonArray frame) {
    int n = frame.size();
    if (n < 4) {
      throw new IllegalArgumentException("book frame with " + n + " elements");
    }
    Object channel = frame.getValue(n - 2);
    if (!(channel instanceof String channelName) || !channelName.startsWith("book")) {
      return Outcome.IGNORED;
    }
    String pair = frame.getString(n - 1);
    int depth = depthOf(channelName);
    JsonObject first = frame.getJsonObject(1);
    if (first.containsKey("as") || first.containsKey("bs")) {
      OrderBook book = book(pair);
      book.clear();
      applyLevels(book, Side.SELL, first.getJsonArray("as"));
      applyLevels(book, Side.BUY, first.getJsonArray("bs"));
      book.truncate(depth);
      resyncing.remove(pair);
      snapshots++;
      return Outcome.SNAPSHOT;
    }
    if (resyncing.contains(pair)) {
      dropped++;
      return Outcome.DROPPED;
    }
    OrderBook book = book(pair);
    String checksum = null;
    for (int i = 1; i < n - 2; i++) {
      JsonObject part = frame.getJsonObject(i);
      applyLevels(book, Side.SELL, part.getJsonArray("a"));
      applyLevels(book, Side.BUY, part.getJsonArray("b"));
      String c = part.getString("c");
      if (c != null) {
        checksum = c;
      }
    }
    book.truncate(depth);
    if (checksum == null) {
      unverified++;
      return Outcome.UNVERIFIED;
    }
    long expected = Long.parseLong(checksum);
    long actual = KrakenChecksum.of(book);
    if (expected == actual) {
      checksumOk++;
      return Outcome.CHECKSUM_OK;
    }
    checksumFailed++;
    failuresByPair.merge(pair, 1L, Long::sum);
    lastError = "checksum mismatch for " + pair + ": expected " + expected + ", computed " + actual;
    book.clear();
    resyncing.add(pair);
    onChecksumFailure.accept(pair);
    return Outcome.CHECKSUM_FAILED;
  }

  private static void applyLevels(OrderBook book, Side side, JsonArray levels) {
    if (levels == null) {
      return;
    }
    for (int i = 0; i < levels.size(); i++) {
      JsonArray level = levels.getJsonArray(i);
      long price = Decimals.parse(level.getString(0));
      long volume = Decimals.parse(level.getString(1));
      book.apply(side, price, volume);
    }
  }

  private int depthOf(String channelName) {
    int dash = channelName.indexOf('-');
    if (dash < 0) {
      return defaultDepth;
    }
    return Integer.parseInt(channelName, dash + 1, channelName.length(), 10);
  }

  private OrderBook book(String pair) {
    return books.computeIfAbsent(pair, p -> new OrderBook(venue, p));
  }

  /** The pair's book, or null when no frame for it was seen. */
  public OrderBook bookOf(String pair) {
    return books.get(pair);
  }

  public Map<String, OrderBook> books() {
    return Collections.unmodifiableMap(books);
  }

  /** True while the pair waits for a new snapshot after a checksum failure. */
  public boolean resyncing(String pair) {
    return resyncing.contains(pair);
  }

  public Map<String, Long> failuresByPair() {
    return Collections.unmodifiableMap(failuresByPair);
  }

  public long frames() {
    return frames;
  }

  public long snapshots() {
    return snapshots;
  }

  public long checksumOk() {
    return checksumOk;
  }

  public long checksumFailed() {
    return checksumFailed;
  }

  public long unverified() {
    return unverified;
  }

  public long dropped() {
    return dropped;
  }

  public long parseErrors() {
    return parseErrors;
  }

  /** The last parse error or checksum mismatch, for logs; null when none. */
  public String lastError() {
    return lastError;
  }
}
