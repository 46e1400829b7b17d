package io.tickwire.derived.surface;

/**
 * The underlying an option chain is grouped by. Venues name an option's underlying per expiry: Deribit gives the
 * future of that expiry ({@code BTC-27JUN25}), or a synthetic one before the future lists
 * ({@code SYN.BTC-27JUN25}), and the name switches when it does. Grouping by the name would split one expiry's chain
 * in two, so the chain is grouped by the root: the name without a {@code SYN.} prefix and from its first
 * {@code -} on ({@code BTC}).
 */
final class UnderlyingRoot {
  private static final String SYNTHETIC = "SYN.";

  private UnderlyingRoot() {
  }

  static String of(String underlying) {
    String name = underlying.startsWith(SYNTHETIC) ? underlying.substring(SYNTHETIC.length()) : underlying;
    int dash = name.indexOf('-');
    return dash > 0 ? name.substring(0, dash) : name;
  }
}
