package io.tickwire.inference;

/** The outcome of evaluating one compiled rule condition against one feature snapshot. */
public enum Verdict {
  TRUE,
  FALSE,
  /** The condition refers to a feature the snapshot does not have (not enough history): no decision. */
  MISSING_FEATURE,
  /** Evaluation failed at run time (e.g. the iteration limit); treated like no decision. */
  ERROR
}
