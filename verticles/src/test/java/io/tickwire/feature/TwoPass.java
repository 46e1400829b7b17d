package io.tickwire.feature;

import java.util.List;

/**
 * Independent reference statistics: plain two-pass textbook formulas over an array, no running state, so they
 * share no code (and no numerical shortcuts) with the rolling implementations.
 */
final class TwoPass {
  private TwoPass() {
  }

  static double[] logReturns(List<Double> closes) {
    double[] r = new double[closes.size() - 1];
    for (int i = 1; i < closes.size(); i++) {
      r[i - 1] = Math.log(closes.get(i) / closes.get(i - 1));
    }
    return r;
  }

  static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  static double mean(double[] x) {
    return sum(x) / x.length;
  }

  /** Mean of (x - mean)^p. */
  static double centralMoment(double[] x, int p) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += Math.pow(v - m, p);
    }
    return s / x.length;
  }

  static double sampleStandardDeviation(double[] x) {
    return Math.sqrt(centralMoment(x, 2) * x.length / (x.length - 1));
  }

  /** Adjusted Fisher-Pearson G1. */
  static double sampleSkewness(double[] x) {
    double n = x.length;
    double g1 = centralMoment(x, 3) / Math.pow(centralMoment(x, 2), 1.5);
    return Math.sqrt(n * (n - 1)) / (n - 2) * g1;
  }

  /** G2, excess. */
  static double sampleExcessKurtosis(double[] x) {
    double n = x.length;
    double m2 = centralMoment(x, 2);
    double g2 = centralMoment(x, 4) / (m2 * m2) - 3;
    return (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6);
  }
}
