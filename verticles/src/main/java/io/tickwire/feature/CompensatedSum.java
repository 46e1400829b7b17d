package io.tickwire.feature;

/**
 * A Neumaier (improved Kahan) running sum. A window that adds a value and later subtracts it again loses the low
 * bits of every large term to a plain double sum; the compensation term carries them, so the error stays near
 * one rounding of the true sum instead of growing with the number of updates.
 */
final class CompensatedSum {
  private double sum;
  private double compensation;

  void add(double value) {
    double t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) {
      compensation += (sum - t) + value;
    } else {
      compensation += (value - t) + sum;
    }
    sum = t;
  }

  void subtract(double value) {
    add(-value);
  }

  void reset() {
    sum = 0;
    compensation = 0;
  }

  double value() {
    return sum + compensation;
  }
}
