package io.tickwire.connector.binance;

import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance stream names for a {@link SessionSpec}: {@code <symbol>@trade}, {@code <symbol>@bookTicker} and
 * {@code <symbol>@depth@100ms} (the diff stream the REST-snapshot sync needs, at its fastest cadence), symbols in
 * lower case as Binance requires. They go either into a {@code SUBSCRIBE} frame or into the combined-stream URL.
 */
public final class BinanceStreams {
  private BinanceStreams() {
  }

  /** Binance symbols are upper case in payloads and REST ({@code BTCUSDT}); this is the key tickwire uses. */
  public static String symbol(String configured) {
    return configured.toUpperCase(Locale.ROOT);
  }

  /** The stream names, symbol by symbol, for the channels the spec wants. */
  public static List<String> streams(SessionSpec spec) {
    List<String> streams = new ArrayList<>();
    for (String symbol : spec.symbols()) {
      String lower = symbol.toLowerCase(Locale.ROOT);
      if (spec.wants(Channel.TRADES)) {
        streams.add(lower + "@trade");
      }
      if (spec.wants(Channel.QUOTES)) {
        streams.add(lower + "@bookTicker");
      }
      if (spec.wants(Channel.BOOK)) {
        streams.add(lower + "@depth@100ms");
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
