package io.tickwire.inference;

/** A rule with that name exists already. */
public final class DuplicateRuleException extends IllegalStateException {
  public DuplicateRuleException(String name) {
    super("a rule named '" + name + "' exists already");
  }
}
