package io.tickwire.codecs;

/** A binary event-bus message that cannot be decoded: unknown format version, truncated or corrupt. */
public final class WireFormatException extends RuntimeException {
  public WireFormatException(String message) {
    super(message);
  }
}
