package io.tickwire.inference;

/**
 * A rule condition that does not compile: a CEL parse or type error (the message carries CEL's own text with
 * line:column), a result that is not boolean, or a condition over the length limit.
 */
public final class InvalidRuleException extends IllegalArgumentException {
  public InvalidRuleException(String message) {
    super(message);
  }
}
