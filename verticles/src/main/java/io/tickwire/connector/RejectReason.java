package io.tickwire.connector;

import io.tickwire.codecs.V1FormatException;

/**
 * Why a frame was rejected, as a bounded label set fit for metrics: a producer's bug shows up as one growing
 * count, not as an ever-growing list of messages.
 */
public final class RejectReason {
  public static final String BAD_JSON = "bad_json";
  /** An unknown key, a missing key or a changed type: see {@link SchemaDrift}. */
  public static final String SCHEMA_DRIFT = "schema_drift";
  public static final String BAD_FIELD = "bad_field";
  public static final String UNSUPPORTED_VERSION = "unsupported_version";
  public static final String NOT_AN_EVENT = "not_an_event";
  public static final String FRAME_TOO_LARGE = "frame_too_large";
  public static final String BAD_LENGTH = "bad_length";
  /** The connection ended inside a frame, so the frame's bytes never all arrived. */
  public static final String TRUNCATED = "truncated";
  /** With producer tokens configured: the first frame was not a handshake with one of them. */
  public static final String UNAUTHORIZED = "unauthorized";
  /** An event of a venue the connection's token does not grant. */
  public static final String VENUE_NOT_ALLOWED = "venue_not_allowed";

  private static final String VERSION_KEY = "ver";
  private static final String KIND_KEY = "kind";
  private static final String INVALID_RECORD = "invalid record";

  private RejectReason() {
  }

  /** The reason for a decoding failure: the codec names the offending key, or none for structural errors. */
  public static String of(RuntimeException failure) {
    if (!(failure instanceof V1FormatException format)) {
      return BAD_FIELD; // e.g. DecimalFormatException: a value the contract's types cannot hold
    }
    if (format.field() == null) {
      return String.valueOf(format.getMessage()).startsWith(INVALID_RECORD) ? BAD_FIELD : BAD_JSON;
    }
    switch (format.field()) {
      case VERSION_KEY:
        return UNSUPPORTED_VERSION;
      case KIND_KEY:
        return NOT_AN_EVENT;
      default:
        return BAD_FIELD;
    }
  }
}
