package io.tickwire.connector.deribit;

import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Deribit channel names: {@code ticker.{instrument}.{interval}} (for quotes, and for funding, which perpetual
 * tickers carry), {@code book.{instrument}.{interval}}, {@code trades.{instrument}.{interval}} and
 * {@code deribit_volatility_index.{index}}.
 */
final class DeribitChannels {
  static final String TICKER = "ticker";
  static final String BOOK = "book";
  static final String TRADES = "trades";
  static final String VOLATILITY_INDEX = "deribit_volatility_index";

  private DeribitChannels() {
  }

  /** The channels of {@code instrument} that {@code spec} wants. */
  static List<String> of(String instrument, SessionSpec spec, DeribitOptions options) {
    List<String> channels = new ArrayList<>(3);
    if (spec.wants(Channel.QUOTES) || spec.wants(Channel.FUNDING)) {
      channels.add(TICKER + "." + instrument + "." + options.tickerInterval());
    }
    if (spec.wants(Channel.BOOK)) {
      channels.add(book(instrument, options));
    }
    if (spec.wants(Channel.TRADES)) {
      channels.add(TRADES + "." + instrument + "." + options.streamInterval());
    }
    return channels;
  }

  /** How many channels each instrument takes on a connection: what its capacity in instruments is measured by. */
  static int perInstrument(SessionSpec spec, DeribitOptions options) {
    return of("", spec, options).size();
  }

  static String book(String instrument, DeribitOptions options) {
    return BOOK + "." + instrument + "." + options.streamInterval();
  }

  static String volatilityIndex(String index) {
    return VOLATILITY_INDEX + "." + index;
  }

  /** The channel's kind: its name up to the first dot. */
  static String kind(String channel) {
    int dot = channel.indexOf('.');
    return dot < 0 ? channel : channel.substring(0, dot);
  }
}
