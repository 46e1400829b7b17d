package io.tickwire.replay;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Breaks one event's schema the way a producer's release does: it adds a key the contract does not know, drops a
 * key the event's kind requires, or changes a known key's JSON type to one the decoder refuses for that key
 * (a string to a number, a decimal to an object or a boolean, ...). Never a change the decoder would accept: a
 * numeric trade id or a decimal written as a string are both legal v1, so neither is used.
 */
final class DriftMutation {
  /** A drifted line and how it drifted. */
  record Drifted(String text, DriftKind kind) {
  }

  private record UnknownKey(String name, String valueJson) {
  }

  /** Keys each kind requires (besides ver and kind, which identify the record at all). */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "trade", List.of("venue", "symbol", "trade_id", "price", "size", "side", "src_ts"),
      "quote", List.of("venue", "symbol", "bid", "bid_size", "ask", "ask_size", "src_ts"),
      "book", List.of("venue", "symbol", "snapshot", "src_ts"),
      "option_ticker", List.of("venue", "symbol", "underlying", "expiry", "strike", "option_type", "mark_price",
          "bid", "bid_size", "ask", "ask_size", "underlying_price", "index_price", "mark_iv", "bid_iv", "ask_iv",
          "delta", "gamma", "vega", "theta", "open_interest", "src_ts"),
      "mark_funding", List.of("venue", "symbol", "mark_price", "index_price", "est_settlement_price",
          "funding_rate", "src_ts"),
      "volatility_index", List.of("venue", "symbol", "value", "src_ts"));

  /**
   * Keys each kind reads and types; a book's level arrays and a mark/funding update's next funding time may be
   * absent but are typed when present.
   */
  private static final Map<String, List<String>> TYPED = Map.of(
      "trade", REQUIRED.get("trade"),
      "quote", REQUIRED.get("quote"),
      "book", List.of("venue", "symbol", "snapshot", "src_ts", "bids", "asks"),
      "option_ticker", REQUIRED.get("option_ticker"),
      "mark_funding", List.of("venue", "symbol", "mark_price", "index_price", "est_settlement_price",
          "funding_rate", "next_funding_ts", "src_ts"),
      "volatility_index", REQUIRED.get("volatility_index"));

  /** Keys exchanges have been known to add; none is in the v1 contract. */
  private static final List<UnknownKey> UNKNOWN_KEYS = List.of(new UnknownKey("fee", "0.0001"),
      new UnknownKey("is_liquidation", "false"), new UnknownKey("maker_order_id", "\"m-4411\""),
      new UnknownKey("trade_flags", "[\"odd_lot\"]"));

  /** For each typed key: a value of the wrong type, built from the line and its current value as written. */
  private static final Map<String, BiFunction<EventLine, String, String>> WRONG_TYPE = Map.ofEntries(
      Map.entry("venue", (line, raw) -> "7"),
      Map.entry("symbol", (line, raw) -> "1001"),
      Map.entry("side", (line, raw) -> "1"),
      Map.entry("src_ts", (line, raw) -> Long.toString(line.hasEventTime() ? line.eventTime() / 1000 : 0)),
      Map.entry("trade_id", (line, raw) -> "{\"id\":" + raw + "}"),
      Map.entry("snapshot", (line, raw) -> LineFields.quoted(raw)),
      Map.entry("underlying", (line, raw) -> "7"),
      Map.entry("option_type", (line, raw) -> "1"),
      Map.entry("expiry", (line, raw) -> "1632470400"),
      Map.entry("next_funding_ts", (line, raw) -> "1632470400"),
      Map.entry("bids", (line, raw) -> "{\"levels\":" + raw + "}"),
      Map.entry("asks", (line, raw) -> "{\"levels\":" + raw + "}"));

  /** Numeric keys: exact decimals, and the option ticker's volatilities and greeks, which refuse the same types. */
  private static final List<String> DECIMAL_KEYS = List.of("price", "size", "bid", "bid_size", "ask", "ask_size",
      "strike", "mark_price", "underlying_price", "index_price", "open_interest", "est_settlement_price",
      "funding_rate", "value", "mark_iv", "bid_iv", "ask_iv", "delta", "gamma", "vega", "theta");

  /** Drifts {@code line}, which must be an {@link EventLine#isEvent() event}; draws from {@code rng} only. */
  Drifted drift(EventLine line, SplittableRandom rng) {
    DriftKind kind = DriftKind.values()[rng.nextInt(DriftKind.values().length)];
    List<String> candidates = switch (kind) {
      case MISSING_KEY -> present(line, REQUIRED.getOrDefault(line.kind(), List.of()));
      case CHANGED_TYPE -> present(line, TYPED.getOrDefault(line.kind(), List.of()));
      case ADDED_KEY -> List.of();
    };
    if (candidates.isEmpty()) {
      return addKey(line, rng); // a line already missing what we would break can always take one more key
    }
    String key = candidates.get(rng.nextInt(candidates.size()));
    return kind == DriftKind.MISSING_KEY
        ? new Drifted(line.fields().without(key), DriftKind.MISSING_KEY)
        : new Drifted(line.fields().replacing(key, wrongType(line, key, rng)), DriftKind.CHANGED_TYPE);
  }

  private static Drifted addKey(EventLine line, SplittableRandom rng) {
    List<UnknownKey> free = UNKNOWN_KEYS.stream().filter(k -> !line.fields().has(k.name())).toList();
    UnknownKey key = free.isEmpty() ? new UnknownKey("x_drift", "1") : free.get(rng.nextInt(free.size()));
    return new Drifted(line.fields().adding(key.name(), key.valueJson()), DriftKind.ADDED_KEY);
  }

  private static List<String> present(EventLine line, List<String> keys) {
    return keys.stream().filter(line.fields()::has).toList();
  }

  private static String wrongType(EventLine line, String key, SplittableRandom rng) {
    String raw = line.fields().raw(key);
    if (DECIMAL_KEYS.contains(key)) {
      return rng.nextBoolean() ? "{\"value\":" + raw + "}" : "true";
    }
    return WRONG_TYPE.get(key).apply(line, raw);
  }
}
