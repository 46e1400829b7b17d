package io.tickwire.codecs;

/**
 * Input that does not follow the v1 JSON contract. {@link #field()} names the offending JSON key so callers can
 * count bad input by reason and producers can fix it; it is null for structural errors (not JSON, not an object).
 */
public final class V1FormatException extends RuntimeException {
  private final String field;

  public V1FormatException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The JSON key that was wrong, or null when the input as a whole was. */
  public String field() {
    return field;
  }

  static V1FormatException missing(String field) {
    return new V1FormatException(field, "missing required field '" + field + "'");
  }

  static V1FormatException bad(String field, String what) {
    return new V1FormatException(field, "field '" + field + "': " + what);
  }

  static V1FormatException structural(String message) {
    return new V1FormatException(null, message);
  }
}
