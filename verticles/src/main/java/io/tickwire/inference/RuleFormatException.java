package io.tickwire.inference;

/** A rule field that is missing or invalid; the message names the field. */
public final class RuleFormatException extends IllegalArgumentException {
  private final String field;

  public RuleFormatException(String field, String problem) {
    super("rule field '" + field + "' " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
