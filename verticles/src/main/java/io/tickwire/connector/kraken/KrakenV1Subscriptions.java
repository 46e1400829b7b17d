package io.tickwire.connector.kraken;

import io.tickwire.connector.venue.SessionSpec;
import io.tickwire.connector.venue.SessionSpec.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken websocket v1 subscription requests: {@code {"event":"subscribe","pair":[...],"subscription":{"name":..}}},
 * one per channel for all pairs, the book with its depth.
 */
final class KrakenV1Subscriptions {
  private final SessionSpec spec;

  KrakenV1Subscriptions(SessionSpec spec) {
    this.spec = spec;
    if (spec.wants(Channel.BOOK)) {
      KrakenBooks.subscribableDepth(spec.bookDepth());
    }
  }

  /** The subscriptions for every wanted channel, trades, quotes, book in that order. */
  List<String> subscribeAll() {
    List<String> frames = new ArrayList<>(3);
    if (spec.wants(Channel.TRADES)) {
      frames.add(frame("subscribe", spec.symbols(), new JsonObject().put("name", "trade")));
    }
    if (spec.wants(Channel.QUOTES)) {
      frames.add(frame("subscribe", spec.symbols(), new JsonObject().put("name", "ticker")));
    }
    if (spec.wants(Channel.BOOK)) {
      frames.add(frame("subscribe", spec.symbols(), book()));
    }
    return frames;
  }

  /** Unsubscribe then subscribe one pair's book: Kraken answers the subscription with a fresh snapshot. */
  List<String> resubscribeBook(String pair) {
    return List.of(frame("unsubscribe", List.of(pair), book()), frame("subscribe", List.of(pair), book()));
  }

  private JsonObject book() {
    return new JsonObject().put("name", "book").put("depth", spec.bookDepth());
  }

  private static String frame(String event, List<String> pairs, JsonObject subscription) {
    return new JsonObject().put("event", event).put("pair", new JsonArray(new ArrayList<>(pairs)))
        .put("subscription", subscription).encode();
  }
}
