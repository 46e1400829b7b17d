package io.tickwire.health;

/** A component's state, worst last, so the overall state is the maximum. */
public enum Status {
  OK, DEGRADED, DOWN;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
