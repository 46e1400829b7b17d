package io.tickwire.router.detect;

/** The last prices of one symbol for {@link OutlierDetector}, with the median and MAD of its latest refresh. */
final class PriceWindow {
  final double[] prices;
  int count;
  int next;
  long sinceRefresh;
  double median;
  double mad;

  PriceWindow(int window) {
    this.prices = new double[window];
  }

  void add(double price) {
    prices[next] = price;
    next = (next + 1) % prices.length;
    if (count < prices.length) {
      count++;
    }
  }
}
