package io.tickwire.connector.deribit;

import static io.tickwire.connector.ExactJson.decimal;
import static io.tickwire.connector.ExactJson.integer;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;
import io.tickwire.connector.ExactJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code trades.*} data (an array of trades: {@code trade_seq}, {@code trade_id}, {@code price}, {@code amount},
 * {@code direction} of the taker, {@code timestamp}, {@code instrument_name}) into trades, and
 * {@code deribit_volatility_index.*} data ({@code volatility}, {@code timestamp}, {@code index_name}) into volatility
 * index values. Read exactly.
 *
 * <p>A trade's id is its {@code trade_seq}, the instrument's own consecutive sequence, not Deribit's
 * {@code trade_id}, which counts across every instrument of a currency: the router checks numeric trade ids for
 * holes per symbol, and the global id would look like a hole at every trade of another instrument. The pair
 * (instrument, {@code trade_seq}) is as unique as {@code trade_id}, so deduplication and storage keys hold.
 */
final class DeribitTrades {
  private DeribitTrades() {
  }

  static List<Trade> trades(Object data, long receivedMicros) {
    if (!(data instanceof List<?> entries)) {
      throw new IllegalArgumentException("trades data must be an array, got " + data);
    }
    List<Trade> out = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      out.add(trade(ExactJson.object(entry, "trade"), receivedMicros));
    }
    return out;
  }

  private static Trade trade(Map<String, Object> t, long receivedMicros) {
    Side side = Side.fromWire(text(t, "direction"));
    if (side == null) {
      throw new IllegalArgumentException("trade direction '" + t.get("direction") + "' is neither buy nor sell");
    }
    return new Trade(DeribitSession.VENUE, text(t, "instrument_name"), Long.toString(integer(t, "trade_seq")),
        decimal(t, "price"), decimal(t, "amount"), side, DeribitTimes.micros(t), receivedMicros, 0);
  }

  static VolatilityIndex volatility(Map<String, Object> data, long receivedMicros) {
    return new VolatilityIndex(DeribitSession.VENUE, text(data, "index_name"), decimal(data, "volatility"),
        DeribitTimes.micros(data), receivedMicros, 0);
  }
}
