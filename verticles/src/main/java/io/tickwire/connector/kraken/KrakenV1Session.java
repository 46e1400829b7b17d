package io.tickwire.connector.kraken;

import static io.tickwire.connector.FrameFields.textAt;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.connector.venue.AbstractVenueSession;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kraken websocket v1 ({@code wss://ws.kraken.com}), the format of the KRAKEN.ws.* recordings. Channel data comes
 * as arrays {@code [channelID, payload..., channelName, pair]}: {@code trade} becomes trades, {@code ticker}
 * quotes, {@code book-N} book updates verified by checksum ({@link KrakenV1Book}). Objects are events: heartbeat,
 * systemStatus and subscriptionStatus carry no market data; a subscriptionStatus with status {@code error} is
 * counted as a parse error with Kraken's message, since the subscription it answers will deliver nothing.
 *
 * <p>A checksum failure drops that pair's book (the frame's update is not passed on: it is known to be wrong), marks
 * a gap for that pair and resubscribes its book alone; the answer starts with a snapshot. Not thread-safe.
 */
public final class KrakenV1Session extends AbstractVenueSession {
  public static final String VENUE = "kraken";
  private static final Set<String> SILENT_EVENTS = Set.of("heartbeat", "systemStatus", "subscriptionStatus", "pong");

  private final KrakenSubscriptions subscriptions;
  private final KrakenBooks books = new KrakenBooks(VENUE);
  private final KrakenV1Book book;
  private final KrakenResyncs resyncs;

  public KrakenV1Session(SessionSpec spec, SessionStats stats, SessionOutput output) {
    super(VENUE, "kraken v1: ", spec, stats, output);
    this.subscriptions = new KrakenSubscriptions(spec, KrakenSubscriptions.V1);
    this.book = new KrakenV1Book(books, Math.max(spec.bookDepth(), KrakenChecksum.LEVELS), null);
    this.resyncs = new KrakenResyncs(subscriptions, stats, output);
  }

  public KrakenV1Session(SessionSpec spec, SessionOutput output) {
    this(spec, new SessionStats(), output);
  }

  @Override
  public List<String> subscribeFrames() {
    return subscriptions.subscribeAll();
  }

  @Override
  protected void read(String text, long receivedMicros) {
    char first = firstChar(text);
    if (first == '[') {
      onChannelData(new JsonArray(text), receivedMicros);
    } else if (first == '{') {
      onEvent(new JsonObject(text));
    } else {
      throw new IllegalArgumentException("neither a JSON array nor an object");
    }
  }

  private void onChannelData(JsonArray frame, long receivedMicros) {
    int n = frame.size();
    if (n < 4) {
      throw new IllegalArgumentException("channel frame with " + n + " elements, expected at least 4");
    }
    String channel = textAt(frame, n - 2, "channel name");
    String pair = textAt(frame, n - 1, "pair");
    if (channel.equals("trade")) {
      KrakenV1Market.trades(VENUE, pair, frame, receivedMicros, output);
    } else if (channel.equals("ticker")) {
      KrakenV1Market.quote(VENUE, pair, frame, receivedMicros, output);
    } else if (channel.startsWith("book")) {
      onBook(frame, receivedMicros);
    } else {
      String detail = "unknown channel '" + channel + "'";
      stats.addSchemaDrift("kraken v1: " + detail + " for " + pair);
      output.schemaDrift(pair, detail, frame.encode());
    }
  }

  private void onBook(JsonArray frame, long receivedMicros) {
    KrakenV1Book.Applied applied = book.apply(frame);
    switch (applied.outcome()) {
      case SNAPSHOT -> passOn(applied, true, receivedMicros);
      case CHECKSUM_OK -> {
        stats.addChecksumOk();
        passOn(applied, false, receivedMicros);
      }
      case UNVERIFIED -> passOn(applied, false, receivedMicros);
      case CHECKSUM_FAILED -> resyncs.checksumFailed(applied.pair(), book.lastError(), receivedMicros);
      default -> { } // DROPPED: the pair waits for its snapshot; IGNORED cannot happen for a book channel
    }
  }

  private void passOn(KrakenV1Book.Applied applied, boolean snapshot, long receivedMicros) {
    long eventTime = applied.newestMicros() > 0 ? applied.newestMicros() : receivedMicros;
    output.event(new BookUpdate(VENUE, applied.pair(), snapshot, applied.levels(), eventTime, receivedMicros, 0));
  }

  private void onEvent(JsonObject event) {
    String name = event.getString("event");
    if ("error".equals(event.getString("status"))) {
      stats.addParseError("kraken v1: " + name + " error for " + event.getString("pair", "(no pair)") + " "
          + event.getValue("subscription") + ": " + event.getString("errorMessage", "(no message)"));
    } else if (name == null || !SILENT_EVENTS.contains(name)) {
      stats.addSchemaDrift("kraken v1: unknown event '" + name + "'");
      output.schemaDrift(event.getString("pair", ""), "unknown event '" + name + "'", event.encode());
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

  private static char firstChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c;
      }
    }
    throw new IllegalArgumentException("empty frame");
  }
}
