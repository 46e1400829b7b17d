package io.tickwire.replay;

/** The ways {@link DriftMutation} breaks an event's schema; each is one a producer really ships by mistake. */
public enum DriftKind {
  /** A key the contract does not know, next to every key it needs. */
  ADDED_KEY("added_key"),
  /** A key the event's kind requires, gone. */
  MISSING_KEY("missing_key"),
  /** A known key whose value has a JSON type the contract refuses for it. */
  CHANGED_TYPE("changed_type");

  private final String label;

  DriftKind(String label) {
    this.label = label;
  }

  /** The snake_case name used in summaries. */
  public String label() {
    return label;
  }
}
