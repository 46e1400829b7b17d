package io.tickwire.batcher;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Event-time tumbling windows for every symbol of one partition, for every configured interval.
 *
 * <p>Windows are {@code [k * interval, (k + 1) * interval)} in epoch microseconds. The partition's watermark
 * is the newest event time seen minus the allowed lateness; a window closes, and its bar is emitted, the
 * moment the watermark reaches its end. Lateness is judged per event against the watermark left by the events
 * before it, so the bars do not depend on how the stream was cut into batches. A trade for a window that has
 * closed is late: it revises the emitted bar or is dropped, by policy; a bar revised by a batch is emitted once
 * at the end of that batch, its revision number counting the late trades in it (see {@link BarBuilder}). Bars stay revisable until the watermark is
 * {@code revisionHorizon} past their end. When the partition's source is idle (the router says so), the
 * watermark moves on with the wall clock, so a quiet partition still closes its windows.
 *
 * <p>Bounded state: a symbol's windows are dropped once they hold nothing, every bar emitted and past the revision
 * horizon. That is the only safe moment: before it, a trade of that symbol would still open or revise one of its
 * bars, and dropping the state would lose or split a bar of a symbol that is still trading; after it, a late trade
 * for those bars is dropped as too late whether or not the state is there, so dropping it changes no output. A
 * partition holds at most {@code maxSymbols} symbols; the trades of a symbol first seen past that are refused and
 * counted, so a flood of new symbols can never push out a symbol whose bars are still open. (The router caps the
 * symbols it lets through at the same number, so this is a second line, reached only when the router's idle
 * symbols churn faster than their bars here close.)
 *
 * <p>Not thread-safe: one instance per partition, used from its owner's event loop.
 */
public final class PartitionWindows {
  private static final long NONE = Long.MIN_VALUE / 4;
  private static final long NO_FILL = FillPolicy.NO_FILL;
  /** How far the changed-symbols list may outgrow the symbols tracked before closed ones are dropped from it. */
  private static final int FORMING_SLACK = 1024;
  private static final Comparator<Bar> EMIT_ORDER =
      Comparator.comparingLong(Bar::end).thenComparingLong(Bar::intervalMillis);

  private final long[] intervalsMillis;
  private final WindowGrid[] grids;
  private final FillPolicy fill;
  private final long latenessMicros;
  private final long idleTimeoutMicros;
  private final long horizonMicros;
  private final boolean revise;
  private final int maxSymbols;
  private int symbols;
  private final Map<String, Map<String, SymbolWindows>> byVenue = new HashMap<>();
  private final WindowCounters counters = new WindowCounters();
  private final List<Revision> revised = new ArrayList<>();
  /** The symbols a trade changed since the forming bars were last collected, each once: no sweep of them all. */
  private final List<SymbolWindows> formingChanged = new ArrayList<>();
  private long maxEventTime = NONE;
  private long watermark = NONE;
  private long lastArrival = NONE;
  private long nextCloseAt = Long.MAX_VALUE;

  public PartitionWindows(BatcherSettings settings) {
    this(settings, Integer.MAX_VALUE);
  }

  /** @param maxSymbols symbols whose windows this partition keeps at once; trades of more are refused, counted */
  public PartitionWindows(BatcherSettings settings, int maxSymbols) {
    this.maxSymbols = maxSymbols;
    this.intervalsMillis = settings.intervalsMillis().clone();
    this.grids = new WindowGrid[intervalsMillis.length];
    for (int i = 0; i < intervalsMillis.length; i++) {
      grids[i] = WindowGrid.of(settings, intervalsMillis[i]);
    }
    BatcherSettings.EmptyPolicy[] policies = new BatcherSettings.EmptyPolicy[intervalsMillis.length];
    for (int i = 0; i < policies.length; i++) {
      policies[i] = settings.shapes().emptyFor(intervalsMillis[i]);
    }
    this.fill = new FillPolicy(policies, settings.shapes().emptyMaxMs() * 1000);
    this.latenessMicros = settings.allowedLatenessMs() * 1000;
    this.idleTimeoutMicros = settings.idleTimeoutMs() * 1000;
    this.horizonMicros = settings.revisionHorizonMs() * 1000;
    this.revise = settings.latePolicy() == BatcherSettings.LatePolicy.REVISE;
  }

  /** The windows of one symbol: per interval, the open ones and the closed ones still revisable. */
  private final class SymbolWindows {
    final String venue;
    final String symbol;
    final List<List<BarBuilder>> open = new ArrayList<>();
    final List<List<BarBuilder>> closed = new ArrayList<>();
    /** Per interval, what filling the next empty window needs; null under the skip policy. */
    final FillPolicy.Trail[] trails;
    boolean formingChanged;

    SymbolWindows(String venue, String symbol) {
      this.venue = venue;
      this.symbol = symbol;
      for (int i = 0; i < grids.length; i++) {
        open.add(new ArrayList<>(2));
        closed.add(new ArrayList<>(4));
      }
      trails = fill.trails(grids.length);
    }
  }

  private record Revision(SymbolWindows windows, int interval, BarBuilder bar) {
  }

  /**
   * Applies a batch of events that arrived at wall-clock {@code arrival} (epoch micros). Bars they close go to
   * {@code out} as they close; bars they revise go there once each, after the batch.
   */
  public void onEvents(List<MarketEvent> events, long arrival, List<Bar> out) {
    lastArrival = arrival;
    for (MarketEvent event : events) {
      if (event instanceof Trade trade) {
        addTrade(trade, out);
      } else if (event.kind().derivative()) {
        counters.derivativeEvents++;
      }
      if (!(event instanceof FeedGap)) { // a marker's time is the connector's clock, not the exchange's
        advance(event.eventTime(), out);
      }
    }
    emitRevisions(out);
  }

  /** {@link #onEvents} for one event. */
  public void onEvent(MarketEvent event, long arrival, List<Bar> out) {
    onEvents(List.of(event), arrival, out);
  }

  private void emitRevisions(List<Bar> out) {
    for (Revision r : revised) {
      out.add(r.bar().emit(r.windows().venue, r.windows().symbol, intervalsMillis[r.interval()]));
    }
    revised.clear();
  }

  private void addTrade(Trade trade, List<Bar> out) {
    counters.trades++;
    SymbolWindows windows = windowsOf(trade.venue(), trade.symbol());
    if (windows == null) {
      counters.symbolCapRefused++;
      return;
    }
    long time = trade.eventTime();
    double price = trade.priceValue();
    double size = trade.sizeValue();
    for (int i = 0; i < grids.length; i++) {
      grids[i].locate(time);
      long start = grids[i].start;
      long end = grids[i].end;
      if (end <= watermark) {
        late(windows, i, start, end, trade, price, size);
      } else {
        openWindow(windows.open.get(i), start, end).add(price, trade.size(), size, time, trade.tradeId());
        nextCloseAt = Math.min(nextCloseAt, end);
        markFormingChanged(windows);
      }
    }
  }

  private void markFormingChanged(SymbolWindows windows) {
    if (windows.formingChanged) {
      return;
    }
    windows.formingChanged = true;
    formingChanged.add(windows);
    if (formingChanged.size() > 2 * symbols + FORMING_SLACK) {
      forgetClosedFormingChanges(); // nobody collects them (a batcher with no dashboard feed)
    }
  }

  /** How many symbols wait in the changed list; for the test that holds it bounded. */
  int formingChangedCount() {
    return formingChanged.size();
  }

  /** Drops symbols whose windows have all closed: they have no forming bar left to publish. */
  private void forgetClosedFormingChanges() {
    formingChanged.removeIf(windows -> {
      boolean closed = isEmpty(windows);
      windows.formingChanged &= !closed;
      return closed;
    });
  }

  private void late(SymbolWindows windows, int i, long start, long end, Trade trade, double price, double size) {
    if (!revise || end <= watermark - horizonMicros) {
      counters.lateDropped++;
      return;
    }
    BarBuilder bar = find(windows.closed.get(i), start);
    if (bar == null) {
      bar = new BarBuilder(start, end);
      insertSorted(windows.closed.get(i), bar);
      nextCloseAt = Math.min(nextCloseAt, end + horizonMicros);
    }
    bar.add(price, trade.size(), size, trade.eventTime(), trade.tradeId());
    if (!bar.pendingRevision) {
      revised.add(new Revision(windows, i, bar));
    }
    bar.markLate();
    counters.lateRevised++;
    refillAfter(windows, i, bar);
  }

  /**
   * After a late trade changed {@code bar}, the flat filled bars right after it take its close again (emitted as
   * revisions), and so does the next filled bar if the fill has reached the newest window.
   */
  private void refillAfter(SymbolWindows windows, int i, BarBuilder bar) {
    if (!fill.flat(i)) {
      return;
    }
    List<BarBuilder> closed = windows.closed.get(i);
    int k = closed.indexOf(bar) + 1;
    for (; k < closed.size() && closed.get(k).isFilled(); k++) {
      BarBuilder next = closed.get(k);
      if (next.refill(bar.close()) && !next.pendingRevision) {
        next.pendingRevision = true;
        revised.add(new Revision(windows, i, next));
      }
    }
    if (k == closed.size()) {
      fill.revised(windows.trails, i, bar.end, bar.close(), !bar.isFilled());
    }
  }

  private void advance(long eventTime, List<Bar> out) {
    if (eventTime > maxEventTime) {
      maxEventTime = eventTime;
      moveWatermark(eventTime - latenessMicros, out);
    }
  }

  private void moveWatermark(long to, List<Bar> out) {
    if (to > watermark) {
      watermark = to;
      if (watermark >= nextCloseAt) {
        sweep(out);
      }
    }
  }

  /**
   * Told that the partition's source is idle: if no event has arrived here for the idle timeout either, moves the
   * watermark by the wall clock, assuming event time advanced as much as wall time since the last event arrived.
   * Only the router may decide a partition is idle: here, silence may just be back-pressure from downstream.
   */
  public void onIdleCheck(long now, List<Bar> out) {
    if (lastArrival == NONE || now - lastArrival < idleTimeoutMicros) {
      return;
    }
    long before = watermark;
    moveWatermark(maxEventTime + (now - lastArrival) - latenessMicros, out);
    if (watermark > before) {
      counters.idleAdvances++;
    }
  }

  /**
   * Adds to {@code out} each open window's bar that a trade changed since the last call: the forming bars, for
   * observers that show a window before it closes. Closing and revising are unaffected.
   */
  public void collectForming(List<Bar> out) {
    for (SymbolWindows windows : formingChanged) {
      windows.formingChanged = false;
      collectForming(windows, out);
    }
    formingChanged.clear();
  }

  private void collectForming(SymbolWindows windows, List<Bar> out) {
    for (int i = 0; i < grids.length; i++) {
      for (BarBuilder bar : windows.open.get(i)) {
        Bar forming = bar.formingIfChanged(windows.venue, windows.symbol, intervalsMillis[i]);
        if (forming != null) {
          out.add(forming);
        }
      }
    }
  }

  /** Closes every open window now, whatever the watermark: the last bars before a shutdown. */
  public void flush(List<Bar> out) {
    closeWindows(Long.MAX_VALUE, out);
  }

  private void sweep(List<Bar> out) {
    closeWindows(watermark, out);
  }

  private void closeWindows(long upTo, List<Bar> out) {
    int first = out.size();
    long next = Long.MAX_VALUE;
    for (Iterator<Map<String, SymbolWindows>> venues = byVenue.values().iterator(); venues.hasNext(); ) {
      Map<String, SymbolWindows> bySymbol = venues.next();
      for (Iterator<SymbolWindows> it = bySymbol.values().iterator(); it.hasNext(); ) {
        SymbolWindows windows = it.next();
        next = Math.min(next, closeSymbol(windows, upTo, out));
        if (isEmpty(windows)) {
          it.remove();
          symbols--;
          counters.symbolsEvicted++;
        }
      }
      if (bySymbol.isEmpty()) {
        venues.remove();
      }
    }
    nextCloseAt = next;
    out.subList(first, out.size()).sort(EMIT_ORDER);
  }

  /**
   * Nothing open, nothing revisable and no filled bar still due: the symbol's state can go without changing any
   * bar (see the class).
   */
  private boolean isEmpty(SymbolWindows windows) {
    for (int i = 0; i < grids.length; i++) {
      if (!windows.open.get(i).isEmpty() || !windows.closed.get(i).isEmpty()
          || fill.due(windows.trails, i, grids[i]) != NO_FILL) {
        return false;
      }
    }
    return true;
  }

  /** Closes the symbol's windows ending at or before {@code upTo}; returns the earliest end still open. */
  private long closeSymbol(SymbolWindows windows, long upTo, List<Bar> out) {
    long next = Long.MAX_VALUE;
    for (int i = 0; i < grids.length; i++) {
      List<BarBuilder> open = windows.open.get(i);
      List<BarBuilder> closed = windows.closed.get(i);
      while (true) {
        BarBuilder head = open.isEmpty() ? null : open.get(0);
        long fillEnd = fill.due(windows.trails, i, grids[i]);
        // An empty window before the next one with trades is filled whenever that one closes; after the last one
        // with trades, only once the watermark has passed it (so a shutdown flush invents no future bars).
        if (fillEnd != NO_FILL && (head == null ? fillEnd <= Math.min(upTo, watermark)
            : head.start >= fillEnd && fillEnd <= upTo)) {
          Bar filled = fill.emit(windows.trails[i], i, windows.venue, windows.symbol, intervalsMillis[i], grids[i]);
          out.add(filled);
          counters.barsFilled++;
          if (revise) { // revisable like any bar: a late trade may land in it, or change the close it carries
            closed.add(BarBuilder.filled(filled.start(), filled.end(), filled.close()));
          }
        } else if (head != null && head.end <= upTo) {
          open.remove(0);
          Bar bar = head.emit(windows.venue, windows.symbol, intervalsMillis[i]);
          out.add(bar);
          fill.closed(windows.trails, i, bar);
          counters.barsClosed++;
          if (revise) {
            closed.add(head);
          }
        } else {
          break;
        }
      }
      closed.removeIf(bar -> bar.end <= watermark - horizonMicros);
      if (!open.isEmpty()) {
        next = Math.min(next, open.get(0).end);
      }
      long fillEnd = fill.due(windows.trails, i, grids[i]);
      if (fillEnd != NO_FILL) {
        next = Math.min(next, fillEnd);
      }
      if (!closed.isEmpty()) { // a sweep is also due when the oldest revisable bar leaves the horizon
        next = Math.min(next, closed.get(0).end + horizonMicros);
      }
    }
    return next;
  }

  /** The symbol's windows, created if there is room; null when the partition is at its symbol cap. */
  private SymbolWindows windowsOf(String venue, String symbol) {
    Map<String, SymbolWindows> bySymbol = byVenue.get(venue);
    SymbolWindows windows = bySymbol == null ? null : bySymbol.get(symbol);
    if (windows != null) {
      return windows;
    }
    if (symbols >= maxSymbols) {
      return null;
    }
    windows = new SymbolWindows(venue, symbol);
    byVenue.computeIfAbsent(venue, v -> new HashMap<>()).put(symbol, windows);
    symbols++;
    return windows;
  }

  /** Symbols whose windows are kept now; at most the cap. */
  public int symbols() {
    return symbols;
  }

  /** The open window starting at {@code start}, created if needed; the newest window is the usual hit. */
  private static BarBuilder openWindow(List<BarBuilder> open, long start, long end) {
    for (int k = open.size() - 1; k >= 0; k--) {
      BarBuilder bar = open.get(k);
      if (bar.start == start) {
        return bar;
      }
      if (bar.start < start) {
        BarBuilder created = new BarBuilder(start, end);
        open.add(k + 1, created);
        return created;
      }
    }
    BarBuilder created = new BarBuilder(start, end);
    open.add(0, created);
    return created;
  }

  private static BarBuilder find(List<BarBuilder> bars, long start) {
    for (BarBuilder bar : bars) {
      if (bar.start == start) {
        return bar;
      }
    }
    return null;
  }

  private static void insertSorted(List<BarBuilder> bars, BarBuilder bar) {
    int k = bars.size();
    while (k > 0 && bars.get(k - 1).start > bar.start) {
      k--;
    }
    bars.add(k, bar);
  }

  /** Newest event time minus allowed lateness, or moved on by idleness; {@code Long.MIN_VALUE / 4} before any event. */
  public long watermark() {
    return watermark;
  }

  public WindowCounters counters() {
    return counters;
  }
}
