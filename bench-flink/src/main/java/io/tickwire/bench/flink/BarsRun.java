package io.tickwire.bench.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Runs {@link BarsPipeline} on a file in a local MiniCluster (what {@code getExecutionEnvironment()} gives outside a
 * cluster), to the end of the file, and reads the counts from the job's result.
 */
final class BarsRun {
  private final BarsPipeline pipeline;

  BarsRun(Duration lateness, int parallelism) {
    this.pipeline = new BarsPipeline(lateness, parallelism);
  }

  /** @param barsOut where to write the bars as v1 JSON lines; null: only count them */
  RunSummary run(Path file, Path barsOut) throws Exception {
    long start = System.nanoTime();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Sink<OhlcvBar> sink = barsOut == null ? new DiscardingSink<>() : new BarFileSink(barsOut);
    pipeline.build(env, file, sink);
    JobExecutionResult result = env.execute("tickwire peer: bars from " + file.getFileName());
    Map<String, Long> byInterval = new LinkedHashMap<>();
    long bars = 0;
    for (String interval : BarsPipeline.intervalLabels()) {
      long n = counter(result, CountBars.name(interval));
      byInterval.put(interval, n);
      bars += n;
    }
    return new RunSummary(counter(result, TradeParser.EVENTS), counter(result, TradeParser.SKIPPED), bars,
        byInterval, counter(result, BarsPipeline.LATE), System.nanoTime() - start);
  }

  /** An accumulator no task registered (none ran that function) counts 0. */
  private static long counter(JobExecutionResult result, String name) {
    Long value = result.getAccumulatorResult(name);
    return value == null ? 0 : value;
  }
}
