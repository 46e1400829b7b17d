package io.tickwire.connector.kraken;

import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken subscription requests, one per wanted channel for all symbols (trades, quotes, book in that order), the
 * book at the spec's depth, which Kraken accepts only from {@link KrakenBooks#DEPTHS}. Websocket v1 and v2 ask for
 * the same channels ({@code trade}, {@code ticker}, {@code book}) and differ only in how a request is spelt
 * ({@link Spelling}).
 */
final class KrakenSubscriptions {
  /** How one protocol spells a subscribe or unsubscribe of one channel for some symbols. */
  interface Spelling {
    String request(String method, List<String> symbols, String channel, int bookDepth);
  }

  /** {@code {"event":"subscribe","pair":[...],"subscription":{"name":..,"depth":..}}}. */
  static final Spelling V1 = (method, pairs, channel, bookDepth) -> {
    JsonObject subscription = new JsonObject().put("name", channel);
    if (channel.equals("book")) {
      subscription.put("depth", bookDepth);
    }
    return new JsonObject().put("event", method).put("pair", symbolArray(pairs)).put("subscription", subscription)
        .encode();
  };

  /**
   * {@code {"method":"subscribe","params":{"channel":..,"symbol":[..]}}}. The ticker is asked for with
   * {@code "event_trigger":"bbo"} so it is published on every change of the best bid or offer (a quote stream)
   * rather than on trades, which the trade channel carries.
   */
  static final Spelling V2 = (method, symbols, channel, bookDepth) -> {
    JsonObject params = new JsonObject().put("channel", channel).put("symbol", symbolArray(symbols));
    if (channel.equals("ticker")) {
      params.put("event_trigger", "bbo");
    } else if (channel.equals("book")) {
      params.put("depth", bookDepth);
    }
    return new JsonObject().put("method", method).put("params", params).encode();
  };

  private final SessionSpec spec;
  private final Spelling spelling;

  KrakenSubscriptions(SessionSpec spec, Spelling spelling) {
    this.spec = spec;
    this.spelling = spelling;
    if (spec.wants(Channel.BOOK)) {
      KrakenBooks.subscribableDepth(spec.bookDepth());
    }
  }

  /** The subscriptions for every wanted channel, trades, quotes, book in that order. */
  List<String> subscribeAll() {
    List<String> frames = new ArrayList<>(3);
    if (spec.wants(Channel.TRADES)) {
      frames.add(subscribe(spec.symbols(), "trade"));
    }
    if (spec.wants(Channel.QUOTES)) {
      frames.add(subscribe(spec.symbols(), "ticker"));
    }
    if (spec.wants(Channel.BOOK)) {
      frames.add(subscribe(spec.symbols(), "book"));
    }
    return frames;
  }

  /** Unsubscribe then subscribe one symbol's book: Kraken answers the new subscription with a fresh snapshot. */
  List<String> resubscribeBook(String symbol) {
    return List.of(spelling.request("unsubscribe", List.of(symbol), "book", spec.bookDepth()),
        subscribe(List.of(symbol), "book"));
  }

  private String subscribe(List<String> symbols, String channel) {
    return spelling.request("subscribe", symbols, channel, spec.bookDepth());
  }

  private static JsonArray symbolArray(List<String> symbols) {
    return new JsonArray(new ArrayList<>(symbols));
  }
}
