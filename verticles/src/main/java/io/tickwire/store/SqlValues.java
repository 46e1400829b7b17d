package io.tickwire.store;

/** Conversions of values for SQL parameters. */
final class SqlValues {
  private SqlValues() {
  }

  /** NaN and infinities have no SQL double form; they are stored as NULL ("no value"). */
  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
