package io.tickwire.codecs;

/**
 * Input that does not follow the v1 JSON contract. {@link #field()} names the offending JSON key so callers can
 * count bad input by reason and producers can fix it; it is null for structural errors (not JSON, not an object).
 */
public final class V1FormatException extends RuntimeException {
  /**
   * What kind of wrong: the first two are schema drift (the producer's shape moved away from the contract), the
   * others are bad data within the shape or not the contract at all.
   */
  public enum Problem {
    /** A required key is absent. */
    MISSING,
    /** A known key carries another JSON type than the contract's (a number where a string belongs, ...). */
    WRONG_TYPE,
    /** The JSON type is right but the value is not (an unparseable timestamp, an unknown side, ...). */
    BAD_VALUE,
    /** Not JSON, not an object, or not a record of the contract. */
    STRUCTURE
  }

  private final String field;
  private final Problem problem;
  private String venue;
  private String symbol;

  public V1FormatException(String field, String message) {
    this(field, message, field == null ? Problem.STRUCTURE : Problem.BAD_VALUE);
  }

  public V1FormatException(String field, String message, Problem problem) {
    super(message);
    this.field = field;
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** True for a missing key or a changed type: the producer's schema drifted. */
  public boolean schemaDrift() {
    return problem == Problem.MISSING || problem == Problem.WRONG_TYPE;
  }

  /** The record's venue when it could be read before the failure, else null. */
  public String venue() {
    return venue;
  }

  /** The record's symbol when it could be read before the failure, else null. */
  public String symbol() {
    return symbol;
  }

  /** Attaches where the bad record came from, so a drift can be reported per venue and symbol. */
  V1FormatException from(String venue, String symbol) {
    this.venue = venue;
    this.symbol = symbol;
    return this;
  }

  /** The JSON key that was wrong, or null when the input as a whole was. */
  public String field() {
    return field;
  }

  static V1FormatException missing(String field) {
    return new V1FormatException(field, "missing required field '" + field + "'", Problem.MISSING);
  }

  static V1FormatException bad(String field, String what) {
    return new V1FormatException(field, "field '" + field + "': " + what, Problem.BAD_VALUE);
  }

  static V1FormatException wrongType(String field, String what) {
    return new V1FormatException(field, "field '" + field + "': " + what, Problem.WRONG_TYPE);
  }

  static V1FormatException structural(String message) {
    return new V1FormatException(null, message, Problem.STRUCTURE);
  }
}
