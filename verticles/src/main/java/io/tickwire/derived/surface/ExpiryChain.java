package io.tickwire.derived.surface;

import io.tickwire.codecs.OptionTicker;
import io.tickwire.derived.sampling.AsOf;
import io.tickwire.derived.sampling.SampleClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instruments of one (venue, underlying, expiry), each with its tickers as of a snapshot time. */
final class ExpiryChain {
  private final SampleClock clock;
  private final int maxPending;
  private final Map<String, AsOf<OptionTicker>> instruments = new LinkedHashMap<>();

  ExpiryChain(SampleClock clock, int maxPending) {
    this.clock = clock;
    this.maxPending = maxPending;
  }

  AsOf.Offer offer(OptionTicker ticker) {
    return instruments.computeIfAbsent(ticker.symbol(), s -> new AsOf<>(clock, maxPending))
        .offer(ticker.eventTime(), ticker);
  }

  void forget(String symbol) {
    instruments.remove(symbol);
  }

  Iterable<String> symbols() {
    return instruments.keySet();
  }

  /** Each instrument's ticker in force at {@code ts}, none older than {@code maxAgeMicros}, in arrival order. */
  List<OptionTicker> inputsAt(long ts, long maxAgeMicros) {
    List<OptionTicker> inputs = new ArrayList<>(instruments.size());
    for (AsOf<OptionTicker> instrument : instruments.values()) {
      OptionTicker ticker = instrument.at(ts);
      if (ticker != null && ts - ticker.eventTime() <= maxAgeMicros) {
        inputs.add(ticker);
      }
    }
    return inputs;
  }
}
