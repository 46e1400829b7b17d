package io.tickwire.codecs;

/** A decimal text or value that cannot be represented exactly as a {@link Decimals} packed long. */
public final class DecimalFormatException extends IllegalArgumentException {
  public DecimalFormatException(String message) {
    super(message);
  }
}
