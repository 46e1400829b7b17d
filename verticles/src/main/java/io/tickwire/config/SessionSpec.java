package io.tickwire.config;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What to subscribe to: venue-native symbols ({@code BTC-USD}, {@code BTC/USD}, {@code btcusdt}), channels by
 * tickwire's names ({@code trades}, {@code quotes}, {@code book}, {@code funding}), and the book depth to keep (and
 * to subscribe to, where the venue takes one).
 */
public record SessionSpec(List<String> symbols, Set<Channel> channels, int bookDepth) {
  /**
   * The symbol list of a replay: every symbol the frames name. A replay never subscribes, so it learns the symbols
   * from the data rather than from configuration.
   */
  public static final String ANY_SYMBOL = "*";

  public enum Channel {
    TRADES("trades"), QUOTES("quotes"), BOOK("book"),
    /** Mark price and funding of perpetual futures (Binance futures' markPrice stream); spot venues have none. */
    FUNDING("funding");

    private final String configName;

    Channel(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    /** The channel of a config name, or an error naming the bad value and the valid ones. */
    public static Channel of(String name) {
      for (Channel c : values()) {
        if (c.configName.equals(name)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown channel '" + name + "' (expected trades, quotes, book or funding)");
    }
  }

  public SessionSpec {
    symbols = List.copyOf(symbols);
    channels = Set.copyOf(channels);
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("a venue session needs at least one symbol");
    }
    if (bookDepth < 1) {
      throw new IllegalArgumentException("book depth must be positive, was " + bookDepth);
    }
  }

  public boolean anySymbol() {
    return symbols.size() == 1 && symbols.get(0).equals(ANY_SYMBOL);
  }

  /** The symbols a lost connection affects: the subscribed ones, or for {@link #ANY_SYMBOL} those seen. */
  public Collection<String> affected(Collection<String> seen) {
    return anySymbol() ? List.copyOf(seen) : symbols;
  }

  public boolean wants(Channel channel) {
    return channels.contains(channel);
  }
}
