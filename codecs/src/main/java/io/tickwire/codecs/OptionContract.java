package io.tickwire.codecs;

import java.util.Objects;

/**
 * What an option ticker is a ticker of: the underlying its prices refer to (as the venue names it, e.g. Deribit's
 * {@code BTC-24SEP21} future or {@code SYN.BTC-24SEP21}), the expiry (epoch microseconds), the strike (an exact
 * decimal packed by {@link Decimals}) and whether it is a call or a put.
 */
public record OptionContract(String underlying, long expiry, long strike, OptionType type) {
  public OptionContract {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(type, "type");
  }
}
