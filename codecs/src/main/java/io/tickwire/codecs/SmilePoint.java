package io.tickwire.codecs;

/**
 * One point of a volatility smile: a strike (an exact decimal packed by {@link Decimals}) and its implied
 * volatility, in percent as the venue quotes it.
 */
public record SmilePoint(long strike, double iv) {
}
