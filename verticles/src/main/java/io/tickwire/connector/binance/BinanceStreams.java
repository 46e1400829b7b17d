package io.tickwire.connector.binance;

import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance stream names for a {@link SessionSpec}: {@code <symbol>@trade} (spot) or {@code <symbol>@aggTrade}
 * (futures), {@code <symbol>@bookTicker}, {@code <symbol>@depth@100ms} (the diff stream the REST-snapshot sync
 * needs, at its fastest cadence) and on futures {@code <symbol>@markPrice@1s} for the {@code funding} channel,
 * symbols in lower case as Binance requires. They go either into a {@code SUBSCRIBE} frame or into the
 * combined-stream URL.
 */
public final class BinanceStreams {
  private BinanceStreams() {
  }

  /** Binance symbols are upper case in payloads and REST ({@code BTCUSDT}); this is the key tickwire uses. */
  public static String symbol(String configured) {
    return configured.toUpperCase(Locale.ROOT);
  }

  /** The spot stream names, symbol by symbol, for the channels the spec wants. */
  public static List<String> streams(SessionSpec spec) {
    return streams(BinanceMarket.SPOT, spec);
  }

  /** The stream names, symbol by symbol, for the channels the spec wants; spot has no funding stream. */
  public static List<String> streams(BinanceMarket market, SessionSpec spec) {
    List<String> streams = new ArrayList<>();
    for (String symbol : spec.symbols()) {
      String lower = symbol.toLowerCase(Locale.ROOT);
      if (spec.wants(Channel.TRADES)) {
        streams.add(lower + market.tradeStream());
      }
      if (spec.wants(Channel.QUOTES)) {
        streams.add(lower + "@bookTicker");
      }
      if (spec.wants(Channel.BOOK)) {
        streams.add(lower + "@depth@100ms");
      }
      if (spec.wants(Channel.FUNDING) && market == BinanceMarket.USDM) {
        streams.add(lower + "@markPrice@1s");
      }
    }
    return streams;
  }

  /** {@code {"method":"SUBSCRIBE","params":[...],"id":id}}; Binance acks it with {@code {"result":null,"id":id}}. */
  public static String subscribeFrame(List<String> streams, long id) {
    return new JsonObject().put("method", "SUBSCRIBE").put("params", new JsonArray(new ArrayList<>(streams)))
        .put("id", id).encode();
  }

  /**
   * The alternative to subscribing: {@code /stream?streams=a/b/c} on the combined-stream endpoint, which starts
   * the streams as the socket opens (payloads arrive wrapped as {@code {"stream":..,"data":..}} either way).
   */
  public static String combinedStreamPath(SessionSpec spec) {
    return "/stream?streams=" + String.join("/", streams(spec));
  }
}
