package io.tickwire.sink;

import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition batch's events by the table they are stored in: trades, option tickers, mark/funding updates and
 * volatility index values. Quotes, book updates and gap markers have no table of their own (books are stored as
 * the batchers' snapshots).
 */
record TickRows(List<Trade> trades, List<OptionTicker> optionTickers, List<MarkFunding> markFunding,
    List<VolatilityIndex> volatilityIndex) {

  static TickRows of(TickBatch batch) {
    TickRows rows = new TickRows(new ArrayList<>(batch.size()), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (MarketEvent event : batch.items()) {
      if (event instanceof Trade trade) {
        rows.trades.add(trade);
      } else if (event instanceof OptionTicker ticker) {
        rows.optionTickers.add(ticker);
      } else if (event instanceof MarkFunding funding) {
        rows.markFunding.add(funding);
      } else if (event instanceof VolatilityIndex index) {
        rows.volatilityIndex.add(index);
      }
    }
    return rows;
  }
}
