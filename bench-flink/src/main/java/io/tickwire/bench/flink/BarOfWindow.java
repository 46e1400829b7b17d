package io.tickwire.bench.flink;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Names the aggregated bar: its key's venue and symbol, its interval and its window's start. */
final class BarOfWindow extends ProcessWindowFunction<OhlcvAccumulator, OhlcvBar, String, TimeWindow> {
  private final long intervalMillis;

  BarOfWindow(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void process(String key, Context context, Iterable<OhlcvAccumulator> bars, Collector<OhlcvBar> out) {
    for (OhlcvAccumulator bar : bars) {
      out.collect(OhlcvBar.of(key, intervalMillis, context.window().getStart(), bar));
    }
  }
}
