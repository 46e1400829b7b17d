package io.tickwire.bench.flink;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds each trade into its window's bar as it arrives, so a window holds one accumulator, not its trades. */
final class OhlcvAggregate implements AggregateFunction<TradeEvent, OhlcvAccumulator, OhlcvAccumulator> {
  @Override
  public OhlcvAccumulator createAccumulator() {
    return new OhlcvAccumulator();
  }

  @Override
  public OhlcvAccumulator add(TradeEvent trade, OhlcvAccumulator bar) {
    bar.add(trade);
    return bar;
  }

  @Override
  public OhlcvAccumulator getResult(OhlcvAccumulator bar) {
    return bar;
  }

  @Override
  public OhlcvAccumulator merge(OhlcvAccumulator a, OhlcvAccumulator b) {
    a.merge(b);
    return a;
  }
}
