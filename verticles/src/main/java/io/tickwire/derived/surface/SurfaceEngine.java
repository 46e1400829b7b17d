package io.tickwire.derived.surface;

import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.config.DerivedSettings;
import io.tickwire.derived.sampling.OfferCounts;
import io.tickwire.derived.sampling.PartitionWatermarks;
import io.tickwire.derived.sampling.Rejections;
import io.tickwire.derived.sampling.SampleClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Implied-volatility smiles from routed option tickers: per (venue, underlying root) a clock of snapshot times
 * (every {@code derived.iv_surface.every}, taken once every partition has got the lateness past them, see
 * {@link PartitionWatermarks}: a chain's instruments hash to any partition), and per
 * expiry the newest ticker of each instrument. At each snapshot time every expiry still to come with at least one
 * ticker young enough gets an {@link IvSurface} ({@link SmileBuilder}). A ticker that fails {@link TickerCheck} is
 * counted by reason and never reaches a smile.
 *
 * <p>Bounded: at most {@code max_underlyings} (venue, root) chains and {@code max_expiries} expiries each (a new one
 * past the cap is refused, counted), {@code max_instruments} instruments in all (the least recently updated is
 * forgotten, counted), and an expiry is dropped once a snapshot time reaches it. Not thread-safe: owned by one
 * event loop.
 */
public final class SurfaceEngine {
  static final String UNDERLYING_CAP = "underlying_cap";
  static final String EXPIRY_CAP = "expiry_cap";
  public static final List<String> REASONS = concat(TickerCheck.REASONS, List.of(UNDERLYING_CAP, EXPIRY_CAP));

  private record ChainKey(String venue, String underlying) {
  }

  private record InstrumentKey(String venue, String symbol) {
  }

  /** One (venue, root): its snapshot clock and its expiries, ascending. */
  private static final class Chain {
    final ChainKey key;
    final SampleClock clock;
    final TreeMap<Long, ExpiryChain> expiries = new TreeMap<>();

    Chain(ChainKey key, SampleClock clock) {
      this.key = key;
      this.clock = clock;
    }
  }

  private final DerivedSettings.IvSurface config;
  private final PartitionWatermarks watermarks;
  /** Every partition: a chain's instruments hash to any of them. */
  private final int[] everyPartition;
  private final SmileBuilder smiles;
  private final Map<ChainKey, Chain> chains = new HashMap<>();
  /** Every instrument followed, least recently updated first, with the expiry chain that holds it. */
  private final LinkedHashMap<InstrumentKey, ExpiryChain> recency = new LinkedHashMap<>();
  private final Rejections rejections = new Rejections(REASONS);
  private final int maxPending;
  private long snapshots;
  /** Written on the owning event loop only, read by the metrics scrape. */
  private volatile long evicted;
  private final OfferCounts offers = new OfferCounts();

  /** @param watermarks the routed partitions' progress, which the caller keeps up to date with every event */
  public SurfaceEngine(DerivedSettings.IvSurface config, PartitionWatermarks watermarks) {
    this.config = config;
    this.watermarks = watermarks;
    this.everyPartition = java.util.stream.IntStream.range(0, watermarks.partitions()).toArray();
    this.smiles = new SmileBuilder(new LiquidityFilter(config.maxIvSpread()));
    this.maxPending = (int) Math.min(64, (config.latenessMs() + config.maxWaitMs()) / config.everyMillis() + 3);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** Takes one routed event in (only option tickers matter); the snapshots it brings due go to {@code out}. */
  public void apply(MarketEvent event, List<IvSurface> out) {
    if (!(event instanceof OptionTicker ticker) || !wanted(ticker)) {
      return;
    }
    String reason = TickerCheck.reason(ticker);
    if (reason != null) {
      rejections.count(reason);
      return;
    }
    Chain chain = chainOf(ticker);
    if (chain == null) {
      return;
    }
    ExpiryChain expiry = expiryOf(chain, ticker.contract().expiry());
    if (expiry == null) {
      return;
    }
    offers.count(expiry.offer(ticker));
    touch(new InstrumentKey(ticker.venue(), ticker.symbol()), expiry);
    chain.clock.observe(ticker.eventTime());
    drain(chain, out);
  }

  /** Adds the snapshots every chain has due: after a batch, or the router's word that a partition idles. */
  public void drainAll(List<IvSurface> out) {
    for (Chain chain : chains.values()) {
      drain(chain, out);
    }
  }

  /** Adds every snapshot up to each chain's newest ticker, waiting for no partition: the stream is stopping. */
  public void flush(List<IvSurface> out) {
    for (Chain chain : chains.values()) {
      snapshotsUpTo(chain, Long.MAX_VALUE, out);
    }
  }

  private void drain(Chain chain, List<IvSurface> out) {
    SampleClock clock = chain.clock;
    snapshotsUpTo(chain, watermarks.low(everyPartition, clock.newest(), clock.first(), config.maxWaitMs() * 1000),
        out);
  }

  private void snapshotsUpTo(Chain chain, long complete, List<IvSurface> out) {
    for (long t = chain.clock.nextDue(complete); t != Long.MIN_VALUE; t = chain.clock.nextDue(complete)) {
      snapshot(chain, t, out);
    }
  }

  private boolean wanted(OptionTicker ticker) {
    return (config.venues().isEmpty() || config.venues().contains(ticker.venue()))
        && (config.underlyings().isEmpty()
            || config.underlyings().contains(UnderlyingRoot.of(ticker.contract().underlying())));
  }

  private Chain chainOf(OptionTicker ticker) {
    ChainKey key = new ChainKey(ticker.venue(), UnderlyingRoot.of(ticker.contract().underlying()));
    Chain chain = chains.get(key);
    if (chain == null) {
      if (chains.size() >= config.maxUnderlyings()) {
        rejections.count(UNDERLYING_CAP);
        return null;
      }
      chain = new Chain(key, new SampleClock(config.everyMillis() * 1000, config.latenessMs() * 1000));
      chains.put(key, chain);
    }
    return chain;
  }

  private ExpiryChain expiryOf(Chain chain, long expiry) {
    ExpiryChain held = chain.expiries.get(expiry);
    if (held == null) {
      if (chain.expiries.size() >= config.maxExpiries()) {
        rejections.count(EXPIRY_CAP);
        return null;
      }
      held = new ExpiryChain(chain.clock, maxPending);
      chain.expiries.put(expiry, held);
    }
    return held;
  }

  /** Moves the instrument to the most recently updated end; past the cap the least recently updated goes. */
  private void touch(InstrumentKey key, ExpiryChain expiry) {
    recency.remove(key);
    recency.put(key, expiry);
    if (recency.size() > config.maxInstruments()) {
      Iterator<Map.Entry<InstrumentKey, ExpiryChain>> eldest = recency.entrySet().iterator();
      Map.Entry<InstrumentKey, ExpiryChain> gone = eldest.next();
      gone.getValue().forget(gone.getKey().symbol());
      eldest.remove();
      evicted++;
    }
  }

  private void snapshot(Chain chain, long t, List<IvSurface> out) {
    dropExpired(chain, t);
    long maxAge = config.maxAgeMs() * 1000;
    for (Map.Entry<Long, ExpiryChain> e : chain.expiries.entrySet()) {
      IvSurface surface = smiles.build(chain.key.venue(), chain.key.underlying(), e.getKey(), t,
          e.getValue().inputsAt(t, maxAge));
      if (surface != null) {
        out.add(surface);
        snapshots++;
      }
    }
  }

  /** An expiry the snapshot time has reached has nothing more to say; its instruments are forgotten. */
  private void dropExpired(Chain chain, long t) {
    Map<Long, ExpiryChain> expired = chain.expiries.headMap(t, true);
    for (ExpiryChain expiry : expired.values()) {
      for (String symbol : expiry.symbols()) {
        recency.remove(new InstrumentKey(chain.key.venue(), symbol));
      }
    }
    expired.clear();
  }

  public Rejections rejections() {
    return rejections;
  }

  /** Counts for health: chains, expiries and instruments followed, snapshots, evictions, late and superseded. */
  public Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    int expiries = 0;
    long skipped = 0;
    for (Chain chain : chains.values()) {
      expiries += chain.expiries.size();
      skipped += chain.clock.skipped();
    }
    out.put("underlyings", chains.size());
    out.put("expiries", expiries);
    out.put("instruments", recency.size());
    out.put("instruments_max", config.maxInstruments());
    out.put("instruments_evicted", evicted);
    out.put("snapshots", snapshots);
    out.put("snapshots_skipped", skipped);
    offers.addTo(out);
    out.putAll(rejections.gauges());
    return out;
  }

  /** Instruments forgotten to stay within {@code max_instruments}. */
  public long evictions() {
    return evicted;
  }
}
