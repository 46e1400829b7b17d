package io.tickwire.codecs;

/**
 * An option's sensitivities as the venue computed them. Model outputs, not prices, so doubles like bars and
 * features; NaN when the venue did not send one.
 */
public record Greeks(double delta, double gamma, double vega, double theta) {
  public static final Greeks NONE = new Greeks(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
