package io.tickwire.bench;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickwire.config.Settings;
import io.tickwire.metrics.Metrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One bench run: the whole pipeline in this JVM (synthetic source, router with every detector, batchers with the
 * configured intervals, features, 20 rules, PostgreSQL sink for bars and signals, and trades when asked), warmed
 * up, then measured for the requested duration.
 */
public final class BenchRun {
  private static final long SAMPLE_MS = 250;
  private static final long PROGRESS_MS = 5_000;

  /** Settings with the bench's overrides layered under the user's own. */
  @FunctionalInterface
  public interface SettingsSource {
    Settings load(List<String> overrides) throws Exception;
  }

  private final BenchOptions options;
  private final Consumer<String> progress;
  private final ProcessSampler sampler = new ProcessSampler();
  private final LatencyObserver observer = new LatencyObserver();

  /** @param progress where a line goes every few seconds (stderr for the CLI) */
  public BenchRun(BenchOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  public BenchReport run(SettingsSource settingsSource) throws Exception {
    Path dataDir = Files.createTempDirectory("tickwire-bench-");
    List<String> overrides = overrides(dataDir, BenchRules.write(dataDir));
    int maxSymbols = settingsSource.load(overrides).router().maxSymbols();
    if (options.symbols() > maxSymbols) {
      // Past the cap the router would refuse the extra symbols; every stage sizes its state by this setting.
      overrides.add("router.max_symbols=" + options.symbols());
    }
    progress.accept("bench: starting the pipeline (embedded PostgreSQL in " + dataDir + ")");
    BenchNodes nodes = null;
    try {
      nodes = options.cluster() ? BenchNodes.cluster(settingsSource, overrides, observer)
          : BenchNodes.single(settingsSource, overrides, observer);
      return measure(nodes.ingestMetrics(), nodes.settings());
    } finally {
      progress.accept("bench: stopping");
      if (nodes != null) {
        nodes.stop();
      }
      deleteQuietly(dataDir);
    }
  }

  private List<String> overrides(Path dataDir, Path rules) {
    List<String> sets = new ArrayList<>();
    sets.add("data_dir=" + dataDir);
    sets.add("synthetic.enabled=true");
    sets.add("synthetic.rate=" + (options.maxRate() ? "max" : Long.toString(options.ratePerSec())));
    sets.add("synthetic.count=null");
    sets.add("synthetic.clock=wall");
    sets.add("synthetic.symbols=" + symbols(options.symbols()));
    sets.add("ingest.tcp.enabled=false");
    sets.add("web.enabled=false"); // no port to collide with a running node (or, clustered, with each other)
    sets.add("trades.persist=" + options.persistTrades());
    sets.add("inference.enabled=true");
    sets.add("rules.seed=" + rules);
    return sets;
  }

  /** BTC-USD, ETH-USD, SOL-USD first (familiar prices on any chart), then SYM4-USD and on. */
  static String symbols(int count) {
    List<String> names = new ArrayList<>(List.of("BTC-USD", "ETH-USD", "SOL-USD"));
    for (int i = names.size() + 1; i <= count; i++) {
      names.add("SYM" + i + "-USD");
    }
    return "[" + String.join(",", names.subList(0, count)) + "]";
  }

  private BenchReport measure(Metrics metrics, Settings settings) throws InterruptedException {
    Thread sampling = startSampling();
    try {
      progress.accept(String.format(Locale.ROOT, "bench: warming up for %.1f s", options.warmupMs() / 1000.0));
      watch(metrics, options.warmupMs());
      observer.barsSinceLast();
      observer.signalsSinceLast();
      sampler.reset();
      long gcTime = ProcessSampler.gcTimeMs();
      long gcCount = ProcessSampler.gcCount();
      long routed = metrics.routedEvents();
      Map<String, SinkTotals> sinkBefore = sinkWrites(metrics.registry());
      long start = System.nanoTime();
      progress.accept(String.format(Locale.ROOT, "bench: measuring for %.1f s", options.durationMs() / 1000.0));
      watch(metrics, options.durationMs());
      long events = metrics.routedEvents() - routed;
      double seconds = (System.nanoTime() - start) / 1e9;
      Histogram bars = observer.barsSinceLast();
      Histogram signals = observer.signalsSinceLast();
      sampler.sample();
      MeterRegistry registry = metrics.registry();
      return new BenchReport(options, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0), settings.batcher().allowedLatenessMs(), seconds,
          events, bars.getTotalCount(), signals.getTotalCount(), bars, signals, sampler.maxHeapUsedMb(),
          sampler.maxHeapAfterGcMb(), ProcessSampler.rssMb(), ProcessSampler.peakRssMb(),
          ProcessSampler.gcTimeMs() - gcTime, ProcessSampler.gcCount() - gcCount, dropped(registry),
          errors(registry, "reason", "handler_failed"), errors(registry, "component", "router"), lag(registry),
          since(sinkBefore, sinkWrites(registry)));
    } finally {
      sampling.interrupt();
      sampler.close();
    }
  }

  /** Waits {@code ms}, saying every few seconds how fast events go. */
  private void watch(Metrics metrics, long ms) throws InterruptedException {
    long end = System.nanoTime() + ms * 1_000_000;
    long last = metrics.routedEvents();
    long lastAt = System.nanoTime();
    while (true) {
      long left = (end - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.min(left, PROGRESS_MS));
      long now = System.nanoTime();
      long routed = metrics.routedEvents();
      progress.accept(String.format(Locale.ROOT, "bench: %,.0f events/s, heap %.0f MB",
          (routed - last) / ((now - lastAt) / 1e9), heapUsedMb()));
      last = routed;
      lastAt = now;
    }
  }

  private static double heapUsedMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** Samples memory on a thread of its own, so the event loops are not disturbed. */
  private Thread startSampling() {
    Thread thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          sampler.sample();
          Thread.sleep(SAMPLE_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tickwire-bench-sampler");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** One table's sink meters at one moment: cumulative statements, rows and statement time. */
  private record SinkTotals(long statements, long rows, double totalMs) {
  }

  private static Map<String, SinkTotals> sinkWrites(MeterRegistry registry) {
    Map<String, SinkTotals> out = new LinkedHashMap<>();
    for (Timer timer : registry.find(Metrics.STORE_WRITE).timers()) {
      String table = timer.getId().getTag("table");
      FunctionCounter rows = registry.find(Metrics.SINK_ROWS).tag("table", table).functionCounter();
      out.put(table, new SinkTotals(timer.count(), rows == null ? 0 : (long) rows.count(),
          timer.totalTime(TimeUnit.MILLISECONDS)));
    }
    return out;
  }

  private static Map<String, BenchReport.SinkWrites> since(Map<String, SinkTotals> before,
      Map<String, SinkTotals> now) {
    Map<String, BenchReport.SinkWrites> out = new LinkedHashMap<>();
    now.forEach((table, w) -> {
      SinkTotals b = before.getOrDefault(table, new SinkTotals(0, 0, 0));
      long statements = w.statements() - b.statements();
      out.put(table, new BenchReport.SinkWrites(statements, w.rows() - b.rows(),
          statements == 0 ? 0 : (w.totalMs() - b.totalMs()) / statements));
    });
    return out;
  }

  private static Map<String, Long> dropped(MeterRegistry registry) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (FunctionCounter counter : registry.find(Metrics.DROPPED).functionCounters()) {
      out.merge(counter.getId().getTag("link"), (long) counter.count(), Long::sum);
    }
    return out;
  }

  private static long errors(MeterRegistry registry, String tag, String value) {
    long total = 0;
    for (FunctionCounter counter : registry.find(Metrics.ERRORS).tag(tag, value).functionCounters()) {
      total += (long) counter.count();
    }
    return total;
  }

  /** Event-time lag of every link that has carried an event, in seconds. */
  private static Map<String, Double> lag(MeterRegistry registry) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Gauge gauge : registry.find(Metrics.CONSUMER_LAG).tag("measure", "event_time").gauges()) {
      double seconds = gauge.value();
      if (!Double.isNaN(seconds)) {
        out.put(gauge.getId().getTag("link"), Math.round(seconds * 1000) / 1000.0);
      }
    }
    return out;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a temporary directory left behind is not worth failing the report for
    }
  }
}
