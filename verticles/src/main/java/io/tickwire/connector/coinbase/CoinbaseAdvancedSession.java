package io.tickwire.connector.coinbase;

import io.tickwire.connector.FrameFields;
import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.coinbase.CoinbaseAdvancedFrames.Envelope;
import io.tickwire.connector.coinbase.CoinbaseAdvancedFrames.Heartbeat;
import io.tickwire.connector.venue.ConnectionGaps;
import io.tickwire.connector.venue.AbstractVenueSession;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Coinbase Advanced Trade market data ({@code wss://advanced-trade-ws.coinbase.com}) over one connection:
 * {@code market_trades} become trades, {@code ticker} quotes, {@code level2} (arriving as {@code l2_data}) a book
 * per product; {@code heartbeats} keep quiet channels open (the venue closes a channel that sent nothing for a
 * minute or so).
 *
 * <p>Every message of a connection carries the next {@code sequence_num}, whatever its channel. A jump means
 * messages were lost, and nothing says which products they concerned: every subscribed product gets a gap marker,
 * and because a lost level2 update makes the books wrong, they are thrown away and level2 is resubscribed (unsubscribe
 * then subscribe), which makes the venue send fresh snapshots. Deltas in between are dropped.
 */
public final class CoinbaseAdvancedSession extends AbstractVenueSession {
  static final String LEVEL2 = "level2";

  private final ProductBooks books = new ProductBooks(CoinbaseAdvancedFrames.VENUE);
  /** The last sequence_num of this connection, or -1 before its first message. */
  private long lastSequence = -1;

  public CoinbaseAdvancedSession(SessionSpec spec, SessionOutput output) {
    this(spec, new SessionStats(), output);
  }

  /** With the stats a {@link io.tickwire.connector.venue.CountingOutput} around {@code output} also counts into. */
  public CoinbaseAdvancedSession(SessionSpec spec, SessionStats stats, SessionOutput output) {
    super(CoinbaseAdvancedFrames.VENUE, "", spec, stats, output);
  }

  /** One subscribe per channel (the venue takes one channel a message), heartbeats included. */
  @Override
  public List<String> subscribeFrames() {
    startAfresh();
    List<String> frames = new ArrayList<>();
    if (spec.wants(Channel.TRADES)) {
      frames.add(subscription("subscribe", "market_trades"));
    }
    if (spec.wants(Channel.QUOTES)) {
      frames.add(subscription("subscribe", "ticker"));
    }
    if (spec.wants(Channel.BOOK)) {
      frames.add(subscription("subscribe", LEVEL2));
    }
    frames.add(subscription("subscribe", "heartbeats"));
    return frames;
  }

  @Override
  protected void read(String text, long receivedMicros) {
    Envelope envelope = CoinbaseAdvancedFrames.envelope(text);
    checkSequence(envelope.sequenceNum(), receivedMicros);
    dispatch(envelope, text, receivedMicros);
  }

  @Override
  public Map<String, OrderBook> books() {
    return books.view();
  }

  /** How many book updates left a book crossed (a missed or misapplied update); SessionStats has no slot for it. */
  public long crossedBookUpdates() {
    return books.crossedUpdates();
  }

  private void checkSequence(long sequence, long receivedMicros) {
    if (lastSequence >= 0 && sequence > lastSequence + 1) {
      onSequenceJump(lastSequence, sequence, receivedMicros);
    }
    lastSequence = Math.max(lastSequence, sequence);
  }

  private void onSequenceJump(long last, long sequence, long receivedMicros) {
    ConnectionGaps.mark(stats, output, spec.affected(books().keySet()), "sequence_num jumped from " + last + " to " + sequence
        + " (" + (sequence - last - 1) + " missing)", receivedMicros);
    if (spec.wants(Channel.BOOK)) {
      resyncBooks();
    }
  }

  private void resyncBooks() {
    books.clear();
    stats.addResync();
    output.send(subscription("unsubscribe", LEVEL2));
    output.send(subscription("subscribe", LEVEL2));
  }

  private void dispatch(Envelope envelope, String text, long receivedMicros) {
    switch (envelope.channel()) {
      case "market_trades" ->
          eachEvent(envelope, event -> emit(CoinbaseAdvancedFrames.trades(event, receivedMicros)));
      case "ticker" -> {
        long eventTime = envelope.timestamp();
        eachEvent(envelope, event -> emit(CoinbaseAdvancedFrames.quotes(event, eventTime, receivedMicros)));
      }
      case "l2_data" -> {
        long envelopeTime = envelope.timestamp();
        eachEvent(envelope, event -> applyBook(CoinbaseAdvancedFrames.book(event, envelopeTime, receivedMicros)));
      }
      case "heartbeats" -> eachEvent(envelope, event -> checkHeartbeat(CoinbaseAdvancedFrames.heartbeat(event), text));
      case "subscriptions" -> { } // the venue's echo of what is subscribed: nothing to pass on
      default -> throw new IllegalArgumentException("unknown channel '" + envelope.channel() + "'");
    }
  }

  private void eachEvent(Envelope envelope, Consumer<JsonObject> handler) {
    JsonArray events = envelope.events();
    for (int i = 0; i < events.size(); i++) {
      handler.accept(FrameFields.element(events, "events", i));
    }
  }

  private void emit(List<? extends MarketEvent> events) {
    for (MarketEvent event : events) {
      output.event(event);
    }
  }

  private void applyBook(BookUpdate update) {
    if (books.apply(update)) {
      output.event(update);
    } // else a delta before its product's snapshot (first subscribe or a resync): the snapshot will carry it
  }

  private void checkHeartbeat(Heartbeat heartbeat, String text) {
    if (heartbeat.counterWasString()) {
      String detail = "heartbeat_counter arrived as a string (" + heartbeat.counter()
          + "), documented as an integer; read as a number";
      stats.addSchemaDrift(detail);
      output.schemaDrift("", detail, text);
    }
  }

  private String subscription(String type, String channel) {
    return new JsonObject().put("type", type).put("product_ids", new JsonArray(spec.symbols()))
        .put("channel", channel).encode();
  }

  /** A new connection numbers its messages from scratch, and no book carries over. */
  @Override
  protected void startAfresh() {
    books.clear();
    lastSequence = -1;
  }
}
