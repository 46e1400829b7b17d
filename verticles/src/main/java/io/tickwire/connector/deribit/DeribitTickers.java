package io.tickwire.connector.deribit;

import static io.tickwire.connector.ExactJson.decimal;
import static io.tickwire.connector.ExactJson.objectAt;
import static io.tickwire.connector.ExactJson.optionalDecimal;
import static io.tickwire.connector.ExactJson.optionalDouble;
import static io.tickwire.connector.ExactJson.optionalText;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Greeks;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ticker.*} data into events, by what the instrument is: an option's ticker becomes an {@link OptionTicker};
 * a perpetual's a {@link MarkFunding} (its {@code funding_8h}, the rate per eight hours like Binance's, and no next
 * funding time: Deribit funds continuously) and a {@link Quote}; a dated future's a {@link Quote}. A quote is made
 * only when both sides have an order. Prices and amounts are read exactly; a side without an order is 0 (Deribit
 * sends 0 or null), and so is its implied volatility NaN (Deribit sends 0 there, which is no volatility).
 */
final class DeribitTickers {
  private DeribitTickers() {
  }

  static List<MarketEvent> events(Map<String, Object> data, long receivedMicros) {
    DeribitInstrument instrument = DeribitInstrument.parse(text(data, "instrument_name"));
    long eventMicros = DeribitTimes.micros(data);
    List<MarketEvent> out = new ArrayList<>(2);
    switch (instrument.kind()) {
      case OPTION -> out.add(option(instrument, data, eventMicros, receivedMicros));
      case PERPETUAL -> {
        out.add(markFunding(instrument, data, eventMicros, receivedMicros));
        addQuote(instrument, data, eventMicros, receivedMicros, out);
      }
      case FUTURE -> addQuote(instrument, data, eventMicros, receivedMicros, out);
    }
    return out;
  }

  private static OptionTicker option(DeribitInstrument instrument, Map<String, Object> data, long eventMicros,
      long receivedMicros) {
    String underlying = optionalText(data, "underlying_index");
    OptionContract contract = new OptionContract(underlying == null ? instrument.currency() : underlying,
        instrument.expiry(), instrument.strike(), instrument.optionType());
    long bid = optionalDecimal(data, "best_bid_price");
    long ask = optionalDecimal(data, "best_ask_price");
    return new OptionTicker(DeribitSession.VENUE, instrument.name(), contract, decimal(data, "mark_price"), bid,
        optionalDecimal(data, "best_bid_amount"), ask, optionalDecimal(data, "best_ask_amount"),
        optionalDecimal(data, "underlying_price"), optionalDecimal(data, "index_price"),
        optionalDouble(data, "mark_iv"), sideIv(data, "bid_iv", bid), sideIv(data, "ask_iv", ask), greeks(data),
        optionalDecimal(data, "open_interest"), eventMicros, receivedMicros, 0);
  }

  private static double sideIv(Map<String, Object> data, String key, long price) {
    return Decimals.isPositive(price) ? optionalDouble(data, key) : Double.NaN;
  }

  private static Greeks greeks(Map<String, Object> data) {
    if (data.get("greeks") == null) {
      return Greeks.NONE;
    }
    Map<String, Object> greeks = objectAt(data, "greeks");
    return new Greeks(optionalDouble(greeks, "delta"), optionalDouble(greeks, "gamma"),
        optionalDouble(greeks, "vega"), optionalDouble(greeks, "theta"));
  }

  private static MarkFunding markFunding(DeribitInstrument instrument, Map<String, Object> data, long eventMicros,
      long receivedMicros) {
    return new MarkFunding(DeribitSession.VENUE, instrument.name(), decimal(data, "mark_price"),
        optionalDecimal(data, "index_price"), optionalDecimal(data, "estimated_delivery_price"),
        optionalDecimal(data, "funding_8h"), 0, eventMicros, receivedMicros, 0);
  }

  private static void addQuote(DeribitInstrument instrument, Map<String, Object> data, long eventMicros,
      long receivedMicros, List<MarketEvent> out) {
    long bid = optionalDecimal(data, "best_bid_price");
    long ask = optionalDecimal(data, "best_ask_price");
    if (Decimals.isPositive(bid) && Decimals.isPositive(ask)) {
      out.add(new Quote(DeribitSession.VENUE, instrument.name(), bid, optionalDecimal(data, "best_bid_amount"), ask,
          optionalDecimal(data, "best_ask_amount"), eventMicros, receivedMicros, 0));
    }
  }
}
