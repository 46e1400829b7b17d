package io.tickwire.bench;

import io.tickwire.batcher.InformationBars;
import io.tickwire.batcher.PartitionWindows;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.BatcherSettings.EmptyPolicy;
import io.tickwire.config.BatcherSettings.LatePolicy;
import io.tickwire.config.BatcherSettings.Shapes;
import io.tickwire.config.InfoBarSpec;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code tickwire bench --bar-kinds}: the cost per trade of each bar kind on its own, one partition's engine on one
 * thread fed the same synthetic trades in batches of 256 (the router's default batch): epoch time bars (skip, flat),
 * calendar bars in a timezone with daylight saving, and tick, volume and dollar bars. Each kind runs a warm-up
 * pass, then timed passes; the figure is the median pass. It isolates the bar builders from the rest of the
 * pipeline, which the full {@code bench} measures.
 */
public final class BarKindsBench {
  private static final long[] TIME_INTERVALS = {1_000, 10_000, 60_000};
  private static final long[] CALENDAR_INTERVALS = {3_600_000L, 4 * 3_600_000L, 86_400_000L};
  private static final int BATCH = 256;
  private static final int PASSES = 5;

  /** One kind's result: median nanoseconds per trade over the passes, and the bars one pass emits. */
  public record Result(String kind, double nanosPerTrade, long bars) {
  }

  private final int trades;
  private final int symbols;
  private final Consumer<String> progress;

  public BarKindsBench(int trades, int symbols, Consumer<String> progress) {
    if (trades < BATCH || symbols < 1) {
      throw new IllegalArgumentException("--bar-kinds needs at least " + BATCH + " trades and one symbol");
    }
    this.trades = trades;
    this.symbols = symbols;
    this.progress = progress;
  }

  public List<Result> run() {
    List<List<MarketEvent>> batches = batches(syntheticTrades());
    List<Result> results = new ArrayList<>();
    results.add(timeBars("time 1s/10s/1m (skip)", batches, settings(TIME_INTERVALS, Shapes.DEFAULT)));
    results.add(timeBars("time 1s/10s/1m (flat)", batches,
        settings(TIME_INTERVALS, Shapes.DEFAULT.withEmpty(EmptyPolicy.FLAT, 900_000))));
    results.add(timeBars("calendar 1h/4h/1d America/New_York", batches, settings(CALENDAR_INTERVALS,
        Shapes.DEFAULT.withCalendar(ZoneId.of("America/New_York"), LocalTime.MIDNIGHT))));
    results.add(infoBars("tick:100", batches));
    results.add(infoBars("volume:1", batches));
    results.add(infoBars("dollar:1000", batches));
    return results;
  }

  private Result timeBars(String kind, List<List<MarketEvent>> batches, BatcherSettings settings) {
    return measure(kind, () -> {
      PartitionWindows windows = new PartitionWindows(settings);
      List<Bar> out = new ArrayList<>();
      for (List<MarketEvent> batch : batches) {
        windows.onEvents(batch, 0, out);
      }
      windows.flush(out);
      return out.size();
    });
  }

  private Result infoBars(String spec, List<List<MarketEvent>> batches) {
    BatcherSettings settings = settings(TIME_INTERVALS, Shapes.DEFAULT.withInfoBars(List.of(InfoBarSpec.parse(spec))));
    return measure(spec, () -> {
      InformationBars bars = new InformationBars(settings, Integer.MAX_VALUE);
      List<InfoBar> out = new ArrayList<>();
      for (List<MarketEvent> batch : batches) {
        bars.onEvents(batch, out);
      }
      bars.flush(out);
      return out.size();
    });
  }

  private interface Pass {
    long run();
  }

  private Result measure(String kind, Pass pass) {
    long bars = pass.run(); // warm-up
    long[] nanos = new long[PASSES];
    for (int i = 0; i < PASSES; i++) {
      long t0 = System.nanoTime();
      pass.run();
      nanos[i] = System.nanoTime() - t0;
    }
    java.util.Arrays.sort(nanos);
    Result result = new Result(kind, nanos[PASSES / 2] / (double) trades, bars);
    progress.accept(String.format("bench: %-38s %8.1f ns/trade", kind, result.nanosPerTrade()));
    return result;
  }

  private static BatcherSettings settings(long[] intervals, Shapes shapes) {
    return new BatcherSettings(intervals, 500, 2_000, LatePolicy.REVISE, 60_000, 1, shapes);
  }

  /** Seeded synthetic trades, out of order within 300 ms as the synthetic feed's jitter makes them. */
  private List<Trade> syntheticTrades() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < symbols; i++) {
      names.add("SYM" + i + "-USD");
    }
    SyntheticFeed feed = new SyntheticFeed(new SyntheticSettings(true, "synthetic", names, 24, 20_000, trades, BATCH,
        0.8, 300, 0, false), 1_700_000_000_000_000L);
    List<Trade> out = new ArrayList<>(trades);
    for (int i = 0; i < trades; i++) {
      out.add(feed.next(0));
    }
    return out;
  }

  private static List<List<MarketEvent>> batches(List<Trade> trades) {
    List<List<MarketEvent>> out = new ArrayList<>();
    for (int from = 0; from < trades.size(); from += BATCH) {
      out.add(new ArrayList<>(trades.subList(from, Math.min(trades.size(), from + BATCH))));
    }
    return out;
  }

  public static String toText(List<Result> results, int trades, int symbols) {
    StringBuilder text = new StringBuilder(String.format("bar kinds: %,d synthetic trades over %d symbols, one"
        + " partition, one thread; median of %d passes%n", trades, symbols, PASSES));
    for (Result r : results) {
      text.append(String.format("  %-38s %8.1f ns/trade  %,10d bars%n", r.kind(), r.nanosPerTrade(), r.bars()));
    }
    return text.toString().stripTrailing();
  }

  public static JsonObject toJson(List<Result> results, int trades, int symbols) {
    JsonArray kinds = new JsonArray();
    for (Result r : results) {
      kinds.add(new JsonObject().put("kind", r.kind()).put("ns_per_trade", r.nanosPerTrade()).put("bars", r.bars()));
    }
    return new JsonObject().put("trades", trades).put("symbols", symbols).put("passes", PASSES)
        .put("bar_kinds", kinds);
  }
}
