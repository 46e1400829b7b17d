package io.tickwire.replay;

import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.venue.SessionStats;
import io.tickwire.connector.venue.VenueSession;
import io.tickwire.connector.venue.VenueSessions;
import io.tickwire.codecs.V1Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Feeds a recorded capture through the venue's real {@link VenueSession} (the parser, books, checksums and sync
 * logic the live connector runs), in receive-time order: received frames to onFrame, REST bodies to onSnapshot, a
 * connection reopened in the capture to onDisconnect. What we sent is skipped: it taught the exchange, not us.
 * The events come out in stream order, gap markers included, ready for the pipeline.
 */
public final class CaptureReplay {
  /**
   * A replay learns the symbols from the frames: the spec's symbols only shape subscriptions, which a replay never
   * sends. The depth is the largest any venue records, so no book is cut shorter than the recording kept it.
   */
  private static final SessionSpec REPLAY_SPEC = new SessionSpec(List.of(SessionSpec.ANY_SYMBOL),
      EnumSet.allOf(SessionSpec.Channel.class), 1000);

  public record Result(JsonObject summary, List<MarketEvent> events) {
    /** The events as v1 JSON lines, what the rest of {@code replay} sends, each written when its turn comes. */
    public Iterator<String> lines() {
      return events.stream().map(V1Json::toJson).iterator();
    }
  }

  private CaptureReplay() {
  }

  public static Result run(CaptureSource source) {
    Collected collected = new Collected(source.venue());
    VenueSession session = VenueSessions.create(source.venue(), source.protocol(), REPLAY_SPEC, collected);
    SessionStats stats = session.stats();
    boolean connected = false;
    for (CryptofeedCapture.Record record : source.timeline()) {
      switch (record.direction()) {
        case OPEN -> {
          if (connected) {
            session.onDisconnect("the capture reconnected", record.epochMicros());
          }
          connected = true;
        }
        case RECEIVED -> {
          stats.addFrame();
          session.onFrame(record.payload(), record.epochMicros());
        }
        case REST -> snapshot(session, collected, record);
        case SENT -> { }
      }
    }
    JsonObject summary = CaptureSummary.of(source.venue(), source.protocol(), stats, session.books(),
        session.booksInSync(), collected.events);
    return new Result(summary, collected.events);
  }

  /**
   * A recorded REST answer reaches the session only if it asked for that symbol's snapshot by then, as a live
   * fetcher would answer it; one nobody asked for (yet) is what the live connector would never have fetched.
   */
  private static void snapshot(VenueSession session, Collected collected, CryptofeedCapture.Record record) {
    String symbol = CaptureSource.symbolOf(record.url());
    if (symbol != null && collected.requested.remove(symbol)) {
      session.onSnapshot(symbol, record.payload(), record.epochMicros());
    }
  }

  /** Keeps the events in order and the snapshot requests still unanswered; frames to send go nowhere. */
  private static final class Collected implements SessionOutput {
    private final String venue;
    private final List<MarketEvent> events = new ArrayList<>();
    private final Set<String> requested = new HashSet<>();

    Collected(String venue) {
      this.venue = venue;
    }

    @Override
    public void event(MarketEvent event) {
      events.add(event);
    }

    @Override
    public void gap(String symbol, String reason, long receivedMicros) {
      events.add(new FeedGap(venue, symbol, reason, receivedMicros, receivedMicros, 0));
    }

    @Override
    public void send(String frame) {
    }

    @Override
    public void requestSnapshot(String symbol) {
      requested.add(symbol);
    }

    @Override
    public void schemaDrift(String symbol, String detail, String frame) {
    }
  }
}
