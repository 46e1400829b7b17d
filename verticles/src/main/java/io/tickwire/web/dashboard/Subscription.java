package io.tickwire.web.dashboard;

import io.tickwire.codecs.Intervals;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one client asked for: symbols (empty set: every symbol, spelt {@code ["*"]}), streams, and bar intervals
 * (milliseconds, ascending). A client that has not subscribed yet gets only the server's replies.
 */
record Subscription(Set<String> symbols, Set<DashboardStream> streams, List<Long> intervalsMillis) {
  /** The wire spelling of "every symbol". */
  static final String ALL_SYMBOLS = "*";
  static final Subscription NONE = new Subscription(Set.of(), EnumSet.noneOf(DashboardStream.class), List.of());

  Subscription {
    symbols = Collections.unmodifiableSet(new LinkedHashSet<>(symbols)); // the client's order, for the ack
    streams = streams.isEmpty() ? EnumSet.noneOf(DashboardStream.class) : EnumSet.copyOf(streams);
    intervalsMillis = List.copyOf(intervalsMillis);
  }

  boolean allSymbols() {
    return symbols.isEmpty();
  }

  boolean wants(Push push) {
    return wants(push.stream(), push.symbol(), push.intervalMillis());
  }

  /**
   * Whether a message is for this client: its stream, its symbol if it has one (null: none), its interval if it has
   * one (0: none). Replies are for everyone.
   */
  boolean wants(DashboardStream stream, String symbol, long intervalMillis) {
    if (stream == DashboardStream.CONTROL) {
      return true;
    }
    return streams.contains(stream)
        && (symbol == null || allSymbols() || symbols.contains(symbol))
        && (intervalMillis == 0 || intervalsMillis.contains(intervalMillis));
  }

  /** Symbols as the ack spells them: {@code ["*"]} for every symbol. */
  List<String> symbolsForAck() {
    return allSymbols() ? List.of(ALL_SYMBOLS) : List.copyOf(symbols);
  }

  List<String> streamsForAck() {
    return streams.stream().map(DashboardStream::wire).toList();
  }

  List<String> intervalsForAck() {
    return intervalsMillis.stream().map(Intervals::label).toList();
  }
}
