package io.tickwire.connector.deribit;

import static io.tickwire.connector.ExactJson.integer;
import static io.tickwire.connector.ExactJson.objectAt;
import static io.tickwire.connector.ExactJson.optionalText;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.ExactJson;
import io.tickwire.connector.venue.AbstractVenueSession;
import io.tickwire.connector.venue.ConnectionGaps;
import io.tickwire.connector.venue.RetargetableSession;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deribit's JSON-RPC 2.0 websocket API ({@code wss://www.deribit.com/ws/api/v2}), one connection's share of the
 * instruments. On open it asks for heartbeats ({@code public/set_heartbeat}) and subscribes its channels
 * ({@code public/subscribe}, {@link DeribitChannels}); every {@code test_request} heartbeat is answered with
 * {@code public/test}, or Deribit closes the connection. Subscription notifications become events:
 * {@code ticker.*} option tickers, quotes and mark/funding updates ({@link DeribitTickers}), {@code trades.*}
 * trades, {@code deribit_volatility_index.*} DVOL values, and {@code book.*} book updates kept in step by change
 * ids ({@link DeribitBooks}).
 *
 * <p>A book whose {@code prev_change_id} does not continue it is resynced alone: a gap marker for that instrument,
 * its book cleared, its changes dropped until the snapshot that resubscribing its book channel brings; the other
 * instruments carry on. An error reply is a parse error naming the request; a notification of another method or
 * channel is schema drift. Numbers are read exactly ({@link ExactJson}). Confined to the connector's event loop.
 */
public final class DeribitSession extends AbstractVenueSession implements RetargetableSession {
  public static final String VENUE = "deribit";

  private final DeribitOptions options;
  private final DeribitRequests requests = new DeribitRequests();
  private final Set<String> instruments = new LinkedHashSet<>();
  private final DeribitBooks books;

  public DeribitSession(SessionSpec spec, SessionStats stats, SessionOutput output, DeribitOptions options) {
    super(VENUE, "deribit: ", spec, stats, output);
    this.options = options;
    if (!spec.anySymbol()) {
      instruments.addAll(spec.symbols());
    }
    this.books = new DeribitBooks(spec.bookDepth(), options.maxBooks(),
        instrument -> spec.anySymbol() || instruments.contains(instrument));
  }

  @Override
  public List<String> subscribeFrames() {
    requests.reset();
    List<String> frames = new ArrayList<>();
    frames.add(requests.setHeartbeat(options.heartbeatSeconds()));
    List<String> channels = new ArrayList<>();
    options.volatilityIndexes().forEach(index -> channels.add(DeribitChannels.volatilityIndex(index)));
    instruments.forEach(instrument -> channels.addAll(DeribitChannels.of(instrument, spec, options)));
    frames.addAll(requests.subscribe(channels));
    return frames;
  }

  @Override
  protected void read(String text, long receivedMicros) {
    Map<String, Object> frame = ExactJson.parseObject(text);
    if (frame.containsKey("method")) {
      onNotification(frame, text, receivedMicros);
    } else if (frame.containsKey("id")) {
      onReply(frame);
    } else {
      drift("", "a frame that is neither a notification nor a reply", text);
    }
  }

  private void onNotification(Map<String, Object> frame, String text, long receivedMicros) {
    String method = text(frame, "method");
    switch (method) {
      case "subscription" -> onSubscription(objectAt(frame, "params"), text, receivedMicros);
      case "heartbeat" -> onHeartbeat(objectAt(frame, "params"));
      default -> drift("", "unknown notification method '" + method + "'", text);
    }
  }

  /** Deribit's heartbeat is a {@code test_request} that must be answered, or a plain beat that needs nothing. */
  private void onHeartbeat(Map<String, Object> params) {
    if ("test_request".equals(optionalText(params, "type"))) {
      output.send(requests.test());
      stats.addHeartbeat();
    }
  }

  /** An error reply means a request (a subscription, a heartbeat) did not take: counted with Deribit's words. */
  private void onReply(Map<String, Object> reply) {
    String request = requests.answered(integer(reply, "id"));
    if (reply.get("error") != null) {
      Map<String, Object> error = objectAt(reply, "error");
      stats.addParseError("deribit: " + request + " failed: code " + ExactJson.optionalNumber(error, "code") + " "
          + optionalText(error, "message"));
    }
  }

  private void onSubscription(Map<String, Object> params, String text, long receivedMicros) {
    String channel = text(params, "channel");
    Object data = params.get("data");
    switch (DeribitChannels.kind(channel)) {
      case DeribitChannels.TICKER -> DeribitTickers.events(ExactJson.object(data, "ticker data"), receivedMicros)
          .forEach(output::event);
      case DeribitChannels.TRADES -> DeribitTrades.trades(data, receivedMicros).forEach(output::event);
      case DeribitChannels.BOOK -> onBook(ExactJson.object(data, "book data"), receivedMicros);
      case DeribitChannels.VOLATILITY_INDEX -> output.event(
          DeribitTrades.volatility(ExactJson.object(data, "volatility index data"), receivedMicros));
      default -> drift("", "unknown channel '" + channel + "'", text);
    }
  }

  private void onBook(Map<String, Object> data, long receivedMicros) {
    DeribitBooks.Outcome outcome = books.apply(data);
    switch (outcome.result()) {
      case APPLIED -> passOn(outcome, receivedMicros);
      case BROKEN -> resync(outcome, receivedMicros);
      case WAITING -> { } // the snapshot that follows the resubscription rebuilds the book
    }
  }

  private void passOn(DeribitBooks.Outcome outcome, long receivedMicros) {
    if (!outcome.snapshot()) {
      stats.addContinuous();
    }
    output.event(new BookUpdate(VENUE, outcome.instrument(), outcome.snapshot(), outcome.levels(),
        outcome.eventMicros(), receivedMicros, 0));
  }

  /** Resubscribing is how a Deribit book is rebuilt: the subscription starts with a fresh snapshot. */
  private void resync(DeribitBooks.Outcome outcome, long receivedMicros) {
    stats.addGap();
    stats.addResync();
    output.gap(outcome.instrument(), "deribit book change prev_change_id=" + outcome.prevChangeId()
        + " does not follow change_id " + outcome.expectedChangeId() + "; book resubscribed", receivedMicros);
    List<String> channel = List.of(DeribitChannels.book(outcome.instrument(), options));
    requests.unsubscribe(channel).forEach(output::send);
    requests.subscribe(channel).forEach(output::send);
  }

  @Override
  public Set<String> symbols() {
    return Set.copyOf(instruments);
  }

  @Override
  public void retarget(Collection<String> symbols) {
    Set<String> wanted = new LinkedHashSet<>(symbols);
    List<String> dropped = new ArrayList<>();
    for (String instrument : instruments) {
      if (!wanted.contains(instrument)) {
        dropped.addAll(DeribitChannels.of(instrument, spec, options));
        books.remove(instrument);
      }
    }
    List<String> added = new ArrayList<>();
    for (String instrument : wanted) {
      if (!instruments.contains(instrument)) {
        added.addAll(DeribitChannels.of(instrument, spec, options));
      }
    }
    instruments.clear();
    instruments.addAll(wanted);
    requests.unsubscribe(dropped).forEach(output::send);
    requests.subscribe(added).forEach(output::send);
  }

  /** The instruments subscribed now (a replay's: those whose books it saw) each get a gap marker. */
  @Override
  public void onDisconnect(String reason, long nowMicros) {
    Collection<String> affected = spec.anySymbol() ? List.copyOf(books.books().keySet()) : List.copyOf(instruments);
    startAfresh();
    ConnectionGaps.mark(stats, output, affected, "disconnected: " + reason, nowMicros);
  }

  @Override
  protected void startAfresh() {
    books.clear();
    requests.reset();
  }

  @Override
  public Map<String, OrderBook> books() {
    return books.books();
  }

  @Override
  public long booksInSync() {
    return books.inSync();
  }

  private void drift(String symbol, String detail, String text) {
    stats.addSchemaDrift("deribit: " + detail);
    output.schemaDrift(symbol, detail, text);
  }
}
