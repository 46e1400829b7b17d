package io.tickwire.connector.venue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per product, the highest trade id seen on the current connection, to tell a hole in the trade stream from a
 * trade seen before, for venues that number each product's trades consecutively (Coinbase Exchange's trade ids,
 * Binance's aggregate trade ids). An id more than one past the last means trades were missed; an id at or below it is a repeat or a late arrival, not a hole. The first trade of a
 * product on a connection only starts its run: what came before it was never promised to this connection.
 */
public final class TradeIdRuns {
  /** Mutable so advancing a run does not box a Long per trade. */
  private static final class Run {
    long last;
    long lastMicros;
  }

  /** The last id of each product before a lost connection, and why it was lost, until its next trade. */
  public record Carried(long lastId, long lastMicros, String reason) {
  }

  /**
   * Products followed at most. A venue (or a hostile server) sending trades for ever more products must not grow
   * this without bound; a product forgotten only starts a new run at its next trade, so no false hole follows.
   */
  public static final int MAX_PRODUCTS = 10_000;

  private final Map<String, Run> runs = bounded();
  private final Map<String, Carried> carried = bounded();

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_PRODUCTS;
      }
    };
  }

  /** Products followed now, runs and carried-over ends together. */
  public int size() {
    return runs.size() + carried.size();
  }

  /**
   * Records {@code tradeId} for {@code product}; returns the last id before it when trades between the two are
   * missing, or -1 when there is no hole (first trade, next trade, repeat or late trade).
   */
  public long advance(String product, long tradeId) {
    return advance(product, tradeId, 0);
  }

  /** As {@link #advance(String, long)}, keeping {@code eventMicros}, the trade's time, for {@link #lastMicros}. */
  public long advance(String product, long tradeId, long eventMicros) {
    Run run = runs.get(product);
    if (run == null) {
      run = new Run();
      run.last = tradeId;
      run.lastMicros = eventMicros;
      runs.put(product, run);
      return -1;
    }
    long last = run.last;
    if (tradeId <= last) {
      return -1;
    }
    run.last = tradeId;
    run.lastMicros = eventMicros;
    return tradeId == last + 1 ? -1 : last;
  }

  /** The time of {@code product}'s last trade on this connection (0 when unknown or none yet). */
  public long lastMicros(String product) {
    Run run = runs.get(product);
    return run == null ? 0 : run.lastMicros;
  }

  /** A new connection: every product's run starts again at its next trade. */
  public void reset() {
    runs.clear();
  }

  /**
   * The connection was lost ({@code reason}, the gap marker's): each product's last id is kept until its next trade,
   * so the trades missed meanwhile can be asked for by id. A product that has not traded since an earlier loss keeps
   * that one (its hole opened then). Bounded by the products of the runs.
   */
  public void carryOver(String reason) {
    runs.forEach((product, run) -> carried.put(product, new Carried(run.last, run.lastMicros, reason)));
    runs.clear();
  }

  /** What was carried over for {@code product}, once (null when nothing was). */
  public Carried takeCarried(String product) {
    return carried.isEmpty() ? null : carried.remove(product);
  }
}
