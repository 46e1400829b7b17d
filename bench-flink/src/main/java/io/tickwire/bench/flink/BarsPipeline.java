package io.tickwire.bench.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The dataflow: a v1 JSON file read line by line, parsed, stamped with event time under a bounded-out-of-orderness
 * watermark, keyed by (venue, symbol), and aggregated into OHLCV bars over tumbling event-time windows of each
 * interval, as tickwire's batcher does (its {@code batcher.allowed_lateness_ms} is the watermark's bound). Trades
 * behind the watermark are not folded in but counted, so a difference from tickwire's bars can be told apart from
 * late data. Counts travel back as accumulators: events and skipped lines ({@link TradeParser}), bars per interval
 * ({@link CountBars}), late trades.
 */
final class BarsPipeline {
  static final String LATE = "late";
  static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));

  private final Duration lateness;
  private final int parallelism;

  BarsPipeline(Duration lateness, int parallelism) {
    this.lateness = lateness;
    this.parallelism = parallelism;
  }

  /**
   * Adds the dataflow on {@code file} to {@code env}: the bars of every interval are counted and go to {@code sink}
   * (parallelism 1, so a file sink has one writer).
   */
  void build(StreamExecutionEnvironment env, Path file, Sink<OhlcvBar> sink) {
    env.setParallelism(parallelism);
    KeyedStream<TradeEvent, String> trades = trades(env, file).keyBy(new ByVenueSymbol());
    DataStream<OhlcvBar> bars = null;
    for (Duration interval : INTERVALS) {
      DataStream<OhlcvBar> ofInterval = bars(trades, interval);
      bars = bars == null ? ofInterval : bars.union(ofInterval);
    }
    bars.sinkTo(sink).name("bars out").setParallelism(1);
  }

  /** The interval labels, as the run's bar counters are named. */
  static List<String> intervalLabels() {
    return INTERVALS.stream().map(d -> Interval.label(d.toMillis())).toList();
  }

  private SingleOutputStreamOperator<TradeEvent> trades(StreamExecutionEnvironment env, Path file) {
    FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
        new org.apache.flink.core.fs.Path(file.toUri())).build();
    // A text file is one split, read by one reader: the source runs once, and the parsing is spread from it.
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "v1 lines").setParallelism(1)
        .rebalance()
        .flatMap(new TradeParser()).name("parse")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<TradeEvent>forBoundedOutOfOrderness(lateness)
            .withTimestampAssigner((trade, previous) -> trade.eventMillis())).name("event time");
  }

  private DataStream<OhlcvBar> bars(KeyedStream<TradeEvent, String> trades, Duration interval) {
    OutputTag<TradeEvent> late = new OutputTag<TradeEvent>(LATE + "-" + interval.toMillis()) { };
    SingleOutputStreamOperator<OhlcvBar> bars = trades.window(TumblingEventTimeWindows.of(interval))
        .sideOutputLateData(late)
        .aggregate(new OhlcvAggregate(), new BarOfWindow(interval.toMillis()))
        .name("bars " + Interval.label(interval.toMillis()));
    bars.getSideOutput(late).map(new CountLate()).name("late " + Interval.label(interval.toMillis()))
        .sinkTo(new DiscardingSink<>());
    return bars.map(new CountBars(Interval.label(interval.toMillis())))
        .name("count " + Interval.label(interval.toMillis()));
  }

  /** The key of every window: venue and symbol, joined once at parse time. */
  private static final class ByVenueSymbol implements KeySelector<TradeEvent, String> {
    @Override
    public String getKey(TradeEvent trade) {
      return trade.key;
    }
  }

  /** Counts the trades a window refused as late (one per interval they were late for). */
  private static final class CountLate extends RichMapFunction<TradeEvent, TradeEvent> {
    private transient LongCounter late;

    @Override
    public void open(OpenContext context) {
      late = getRuntimeContext().getLongCounter(LATE);
    }

    @Override
    public TradeEvent map(TradeEvent trade) {
      late.add(1);
      return trade;
    }
  }
}
