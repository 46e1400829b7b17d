package io.tickwire.connector.kraken;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kraken websocket v1 {@code book} channel: applies snapshot and update frames to one {@link OrderBook} per pair,
 * keeps the subscribed depth and verifies each update's CRC32 checksum {@code c} ({@link KrakenChecksum}).
 *
 * <p>Frame shapes (see fixtures/cryptofeed/KRAKEN.ws.50.head1500):
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
 * resubscribe that pair's book only. Other pairs are unaffected. The book rules themselves (snapshot, depth,
 * checksum, resync) live in {@link KrakenBooks}, shared with websocket v2; this class reads v1's array frames.
 *
 * <p>{@link #apply(JsonArray)} also hands back the levels of the frame, so a session can pass them on as a
 * {@code BookUpdate}. Not thread-safe (one event loop).
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

  /**
   * One applied frame: its outcome, its pair (null when IGNORED), the levels it carried in frame order (asks then
   * bids of each part; a size of zero deletes) and the newest level time in epoch microseconds (0 when none).
   */
  public record Applied(Outcome outcome, String pair, List<BookLevel> levels, long newestMicros) {
    static final Applied IGNORED = new Applied(Outcome.IGNORED, null, List.of(), 0);
  }

  private final int defaultDepth;
  private final Consumer<String> onChecksumFailure;
  private final KrakenBooks books;
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
    this(new KrakenBooks(venue), defaultDepth, onChecksumFailure);
  }

  /** Over {@code books}, which a session shares with whoever reads its books. */
  KrakenV1Book(KrakenBooks books, int defaultDepth, Consumer<String> onChecksumFailure) {
    if (defaultDepth < KrakenChecksum.LEVELS) {
      throw new IllegalArgumentException("depth " + defaultDepth + " is below the " + KrakenChecksum.LEVELS
          + " levels the checksum covers");
    }
    this.books = books;
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
      return apply(new JsonArray(trimmed)).outcome();
    } catch (RuntimeException e) {
      parseErrors++;
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      return Outcome.PARSE_ERROR;
    }
  }

  /**
   * Applies one parsed array frame. Throws on a malformed book frame (the caller counts it); a frame of another
   * channel is IGNORED.
   */
  public Applied apply(JsonArray frame) {
    int n = frame.size();
    if (n < 4) {
      throw new IllegalArgumentException("book frame with " + n + " elements, expected at least 4");
    }
    Object channel = frame.getValue(n - 2);
    if (!(channel instanceof String channelName) || !channelName.startsWith("book")) {
      return Applied.IGNORED;
    }
    String pair = frame.getString(n - 1);
    JsonObject first = frame.getJsonObject(1);
    if (first.containsKey("as") || first.containsKey("bs")) {
      return snapshot(pair, depthOf(channelName), first);
    }
    if (books.resyncing(pair)) {
      dropped++;
      return new Applied(Outcome.DROPPED, pair, List.of(), 0);
    }
    return update(pair, depthOf(channelName), frame);
  }

  private Applied snapshot(String pair, int depth, JsonObject levels) {
    OrderBook book = books.startSnapshot(pair);
    FrameLevels seen = new FrameLevels();
    seen.apply(book, Side.SELL, levels.getJsonArray("as"));
    seen.apply(book, Side.BUY, levels.getJsonArray("bs"));
    books.finishFrame(pair, depth, null);
    snapshots++;
    return new Applied(Outcome.SNAPSHOT, pair, seen.levels, seen.newestMicros);
  }

  private Applied update(String pair, int depth, JsonArray frame) {
    OrderBook book = books.book(pair);
    FrameLevels seen = new FrameLevels();
    String checksum = null;
    for (int i = 1; i < frame.size() - 2; i++) {
      JsonObject part = frame.getJsonObject(i);
      seen.apply(book, Side.SELL, part.getJsonArray("a"));
      seen.apply(book, Side.BUY, part.getJsonArray("b"));
      String c = part.getString("c");
      if (c != null) {
        checksum = c;
      }
    }
    Outcome outcome = switch (books.finishFrame(pair, depth, checksum == null ? null : parseChecksum(checksum))) {
      case OK -> countOk();
      case UNVERIFIED -> countUnverified();
      case FAILED -> checksumFailed(pair);
    };
    return new Applied(outcome, pair, seen.levels, seen.newestMicros);
  }

  private Outcome countOk() {
    checksumOk++;
    return Outcome.CHECKSUM_OK;
  }

  private Outcome countUnverified() {
    unverified++;
    return Outcome.UNVERIFIED;
  }

  private Outcome checksumFailed(String pair) {
    checksumFailed++;
    failuresByPair.merge(pair, 1L, Long::sum);
    lastError = books.lastMismatch();
    onChecksumFailure.accept(pair);
    return Outcome.CHECKSUM_FAILED;
  }

  private static long parseChecksum(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("book checksum '" + text + "' is not a number", e);
    }
  }

  /** Applies a side's levels to the book while keeping them, in order, for the frame's BookUpdate. */
  private static final class FrameLevels {
    final List<BookLevel> levels = new ArrayList<>();
    long newestMicros;

    void apply(OrderBook book, Side side, JsonArray sideLevels) {
      if (sideLevels == null) {
        return;
      }
      for (int i = 0; i < sideLevels.size(); i++) {
        JsonArray level = sideLevels.getJsonArray(i);
        long price = Decimals.parse(level.getString(0));
        long volume = Decimals.parse(level.getString(1));
        book.apply(side, price, volume);
        levels.add(new BookLevel(side, price, volume));
        newestMicros = Math.max(newestMicros, KrakenTimes.epochSecondsToMicros(level.getString(2)));
      }
    }
  }

  private int depthOf(String channelName) {
    int dash = channelName.indexOf('-');
    if (dash < 0) {
      return defaultDepth;
    }
    try {
      return Integer.parseInt(channelName, dash + 1, channelName.length(), 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("book channel name '" + channelName + "' has no depth after '-'", e);
    }
  }

  /** The pair's book, or null when no frame for it was seen. */
  public OrderBook bookOf(String pair) {
    return books.books().get(pair);
  }

  public Map<String, OrderBook> books() {
    return books.books();
  }

  /** Every book emptied and nothing resyncing (the connection was lost; snapshots follow the resubscription). */
  public void reset() {
    books.reset();
  }

  /** True while the pair waits for a new snapshot after a checksum failure. */
  public boolean resyncing(String pair) {
    return books.resyncing(pair);
  }

  public Map<String, Long> failuresByPair() {
    return Collections.unmodifiableMap(failuresByPair);
  }

  /** Frames given to {@link #onFrame(String)}. */
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
