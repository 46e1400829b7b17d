package io.tickwire.batcher;

import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.InfoBarSpec;
import io.tickwire.flow.LruMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Information-driven bars (tick, volume, dollar) of one partition's symbols, for the configured series
 * ({@code batcher.info_bars}).
 *
 * <p>A bar is defined over a symbol's trades in event-time order, ties by trade id as for time bars, so the stream
 * must be put in that order first: trades wait in a queue until the watermark (newest event time minus the allowed
 * lateness, per event as in {@link PartitionWindows}) passes them, then go to their symbol's bars in order. Any
 * arrival order within the lateness therefore gives the same bars. A trade behind the watermark on arrival cannot be
 * placed without moving every later bar's boundary, so it is dropped and counted ({@code info_late_dropped}), never
 * revised. The queue holds at most {@code infoMaxPending} trades; past that the oldest is taken in early, counted
 * ({@code info_released_early}), as a bound on memory that only a stream far beyond the lateness reaches.
 *
 * <p>Per symbol a partial bar per series is kept, at most {@code maxSymbols} symbols, least recently traded dropped
 * first with its partial bars (counted, {@code info_symbols_evicted}). A shutdown or partition hand-over drops the
 * partial bars too: only complete bars are emitted. Not thread-safe: one per partition, on its owner's event loop.
 */
public final class InformationBars {
  private static final long NONE = Long.MIN_VALUE / 4;
  private static final Comparator<Trade> EVENT_ORDER = (a, b) -> a.eventTime() != b.eventTime()
      ? Long.compare(a.eventTime(), b.eventTime()) : BarBuilder.compareIds(a.tradeId(), b.tradeId());

  private final List<InfoBarSpec> specs;
  private final long latenessMicros;
  private final int maxPending;
  private final PriorityQueue<Trade> pending = new PriorityQueue<>(EVENT_ORDER);
  private final LruMap<String, Accumulator[]> bySymbol;
  private long maxEventTime = NONE;
  private long released = NONE;
  private long lateDropped;
  private long releasedEarly;
  private long barsEmitted;

  public InformationBars(BatcherSettings settings, int maxSymbols) {
    this.specs = settings.shapes().infoBars();
    this.latenessMicros = settings.allowedLatenessMs() * 1000;
    this.maxPending = settings.shapes().infoMaxPending();
    this.bySymbol = new LruMap<>(Math.max(1, maxSymbols));
  }

  /** Whether any series is configured; when not, callers may skip this stage entirely. */
  public boolean enabled() {
    return !specs.isEmpty();
  }

  /** Applies events in arrival order; complete bars go to {@code out} in event-time order per symbol. */
  public void onEvents(List<MarketEvent> events, List<InfoBar> out) {
    for (MarketEvent event : events) {
      if (event instanceof Trade trade) {
        add(trade, out);
      }
      if (!(event instanceof FeedGap) && event.eventTime() > maxEventTime) {
        maxEventTime = event.eventTime();
        release(maxEventTime - latenessMicros, out);
      }
    }
  }

  /** Moves the watermark on without an event (an idle partition); trades before it are applied. */
  public void advanceTo(long watermark, List<InfoBar> out) {
    release(watermark, out);
  }

  /** Applies every waiting trade, whatever the watermark: the last complete bars before a shutdown. */
  public void flush(List<InfoBar> out) {
    release(Long.MAX_VALUE, out);
  }

  private void add(Trade trade, List<InfoBar> out) {
    if (trade.eventTime() < released) {
      lateDropped++;
      return;
    }
    pending.add(trade);
    if (pending.size() > maxPending) {
      Trade oldest = pending.poll();
      released = Math.max(released, oldest.eventTime());
      releasedEarly++;
      apply(oldest, out);
    }
  }

  private void release(long watermark, List<InfoBar> out) {
    if (watermark <= released) {
      return;
    }
    released = watermark;
    while (!pending.isEmpty() && pending.peek().eventTime() < watermark) {
      apply(pending.poll(), out);
    }
  }

  private void apply(Trade trade, List<InfoBar> out) {
    Accumulator[] series = seriesOf(trade);
    for (Accumulator acc : series) {
      if (acc != null) {
        acc.add(trade, out);
      }
    }
  }

  private Accumulator[] seriesOf(Trade trade) {
    String key = trade.venue() + '|' + trade.symbol();
    Accumulator[] series = bySymbol.get(key);
    if (series == null) {
      series = new Accumulator[specs.size()];
      for (int i = 0; i < series.length; i++) {
        InfoBarSpec spec = specs.get(i);
        series[i] = spec.appliesTo(trade.symbol()) ? new Accumulator(spec) : null;
      }
      bySymbol.put(key, series);
    }
    return series;
  }

  /** Adds this stage's counts to {@code sums} under their health names. */
  void addTo(Map<String, Long> sums) {
    sums.merge("info_bars", barsEmitted, Long::sum);
    sums.merge("info_late_dropped", lateDropped, Long::sum);
    sums.merge("info_released_early", releasedEarly, Long::sum);
    sums.merge("info_symbols_evicted", bySymbol.evictions(), Long::sum);
    sums.merge("info_pending", (long) pending.size(), Long::sum);
  }

  public long lateDropped() {
    return lateDropped;
  }

  public long releasedEarly() {
    return releasedEarly;
  }

  /** Trades waiting for the watermark; at most the configured cap. */
  public int pending() {
    return pending.size();
  }

  /** Symbols with partial bars kept; at most the cap. */
  public int symbols() {
    return bySymbol.size();
  }

  /** One symbol's partial bar of one series: trades arrive here in event-time order. */
  private final class Accumulator {
    private final InfoBarSpec spec;
    private final ExactSum volume = new ExactSum();
    private long trades;
    private String firstTradeId;
    private long start;
    private long end;
    private double open;
    private double high;
    private double low;
    private double close;
    private double notional;

    Accumulator(InfoBarSpec spec) {
      this.spec = spec;
    }

    void add(Trade trade, List<InfoBar> out) {
      double price = trade.priceValue();
      if (trades == 0) {
        start = trade.eventTime();
        firstTradeId = trade.tradeId();
        open = high = low = price;
      } else {
        high = Math.max(high, price);
        low = Math.min(low, price);
      }
      end = trade.eventTime();
      close = price;
      volume.add(trade.size());
      notional += price * trade.sizeValue();
      trades++;
      if (reached()) {
        out.add(new InfoBar(trade.venue(), trade.symbol(), spec.kind(), spec.threshold(), start, end, open, high,
            low, close, volume.value(), notional, trades, firstTradeId));
        barsEmitted++;
        reset();
      }
    }

    private boolean reached() {
      return switch (spec.kind()) {
        case TICK -> trades >= spec.threshold();
        case VOLUME -> volume.value() >= spec.threshold();
        case DOLLAR -> notional >= spec.threshold();
      };
    }

    private void reset() {
      trades = 0;
      notional = 0;
      volume.reset();
    }
  }

  /** A copy of the configured series, for callers that report them. */
  public List<InfoBarSpec> specs() {
    return new ArrayList<>(specs);
  }
}
