package io.tickwire.connector.kraken;

import io.tickwire.connector.venue.SessionSpec;
import io.tickwire.connector.venue.SessionSpec.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken websocket v2 subscription requests: {@code {"method":"subscribe","params":{"channel":..,"symbol":[..]}}},
 * one per channel for all symbols. The ticker is asked for with {@code "event_trigger":"bbo"} so it is published on
 * every change of the best bid or offer (a quote stream) rather than on trades, which the trade channel carries.
 */
final class KrakenV2Subscriptions {
  private final SessionSpec spec;

  KrakenV2Subscriptions(SessionSpec spec) {
    this.spec = spec;
    if (spec.wants(Channel.BOOK)) {
      KrakenBooks.subscribableDepth(spec.bookDepth());
    }
  }

  /** The subscriptions for every wanted channel, trades, quotes, book in that order. */
  List<String> subscribeAll() {
    List<String> frames = new ArrayList<>(3);
    if (spec.wants(Channel.TRADES)) {
      frames.add(frame("subscribe", params("trade", spec.symbols())));
    }
    if (spec.wants(Channel.QUOTES)) {
      frames.add(frame("subscribe", params("ticker", spec.symbols()).put("event_trigger", "bbo")));
    }
    if (spec.wants(Channel.BOOK)) {
      frames.add(frame("subscribe", book(spec.symbols())));
    }
    return frames;
  }

  /** Unsubscribe then subscribe one symbol's book: the new subscription starts with a snapshot. */
  List<String> resubscribeBook(String symbol) {
    return List.of(frame("unsubscribe", book(List.of(symbol))), frame("subscribe", book(List.of(symbol))));
  }

  private JsonObject book(List<String> symbols) {
    return params("book", symbols).put("depth", spec.bookDepth());
  }

  private static JsonObject params(String channel, List<String> symbols) {
    return new JsonObject().put("channel", channel).put("symbol", new JsonArray(new ArrayList<>(symbols)));
  }

  private static String frame(String method, JsonObject params) {
    return new JsonObject().put("method", method).put("params", params).encode();
  }
}
