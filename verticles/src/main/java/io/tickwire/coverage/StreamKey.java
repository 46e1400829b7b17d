package io.tickwire.coverage;

import java.util.Objects;

/** One stream the ledger follows: a channel of a symbol on a venue. */
public record StreamKey(String venue, String symbol, Channel channel) {
  public StreamKey {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(channel, "channel");
  }
}
