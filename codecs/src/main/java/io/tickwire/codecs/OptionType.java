package io.tickwire.codecs;

/** Whether an option is a call or a put. */
public enum OptionType {
  CALL("call"),
  PUT("put");

  private final String wire;

  OptionType(String wire) {
    this.wire = wire;
  }

  /** The v1 JSON spelling. */
  public String wire() {
    return wire;
  }

  /** Parses the v1 spelling; returns null for anything else so callers can name the field in their error. */
  public static OptionType fromWire(String text) {
    if ("call".equals(text)) {
      return CALL;
    }
    if ("put".equals(text)) {
      return PUT;
    }
    return null;
  }
}
