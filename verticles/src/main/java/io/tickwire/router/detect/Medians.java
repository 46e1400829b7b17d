package io.tickwire.router.detect;

/**
 * The median of an array by selection (Hoare's quickselect, median-of-three pivots) rather than a full sort: the
 * outlier detector takes two medians per refresh, and selection does in linear time what sorting does in n log n.
 * The value is exactly the sorted array's median. Reorders the array it is given.
 */
final class Medians {
  private Medians() {
  }

  /** The median of {@code a[0, n)} (the mean of the two middle values when n is even); reorders them. */
  static double of(double[] a, int n) {
    int upper = n / 2;
    select(a, 0, n - 1, upper);
    if ((n & 1) == 1) {
      return a[upper];
    }
    double lower = a[0];
    for (int i = 1; i < upper; i++) {
      lower = Math.max(lower, a[i]); // selection left the smaller half before upper, unordered
    }
    return (lower + a[upper]) / 2;
  }

  /** Puts the k-th smallest of {@code a[lo, hi]} at {@code a[k]}, smaller ones before it and larger after. */
  private static void select(double[] a, int lo, int hi, int k) {
    while (lo < hi) {
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static double medianOfThree(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
