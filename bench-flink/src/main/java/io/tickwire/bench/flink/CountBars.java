package io.tickwire.bench.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts the bars of one interval in an accumulator the job's result carries back, named by {@link #name}. */
final class CountBars extends RichMapFunction<OhlcvBar, OhlcvBar> {
  private static final String PREFIX = "bars ";

  private final String interval;
  private transient LongCounter bars;

  CountBars(String interval) {
    this.interval = interval;
  }

  static String name(String interval) {
    return PREFIX + interval;
  }

  @Override
  public void open(OpenContext context) {
    bars = getRuntimeContext().getLongCounter(name(interval));
  }

  @Override
  public OhlcvBar map(OhlcvBar bar) {
    bars.add(1);
    return bar;
  }
}
