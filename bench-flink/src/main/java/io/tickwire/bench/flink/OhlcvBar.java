package io.tickwire.bench.flink;

/**
 * A closed bar as the job emits it, in the units tickwire's bars carry (doubles; times in epoch milliseconds here).
 * A Flink POJO.
 */
public class OhlcvBar {
  public String venue;
  public String symbol;
  public long intervalMillis;
  public long startMillis;
  public double open;
  public double high;
  public double low;
  public double close;
  public double volume;
  public double vwap;
  public long trades;

  public OhlcvBar() {
  }

  static OhlcvBar of(String key, long intervalMillis, long startMillis, OhlcvAccumulator acc) {
    OhlcvBar bar = new OhlcvBar();
    int split = key.indexOf('|');
    bar.venue = key.substring(0, split);
    bar.symbol = key.substring(split + 1);
    bar.intervalMillis = intervalMillis;
    bar.startMillis = startMillis;
    bar.open = Scaled.toDouble(acc.open);
    bar.high = Scaled.toDouble(acc.high);
    bar.low = Scaled.toDouble(acc.low);
    bar.close = Scaled.toDouble(acc.close);
    bar.volume = Scaled.toDouble(acc.volume);
    bar.vwap = bar.volume > 0 ? acc.notional / bar.volume : bar.close;
    bar.trades = acc.trades;
    return bar;
  }
}
