package io.tickwire.config;

/**
 * How the PostgreSQL sink batches and retries ({@code sink.*}). {@code tradesWrite}: {@code copy} (binary COPY over
 * JDBC) or {@code insert} (an {@code unnest} insert through the reactive pool, as every other table).
 */
public record SinkSettings(int batchRows, long flushMs, long maxBackoffMs, int creditWindow, int maxStatements,
    String tradesWrite) {
  public static final String COPY = "copy";
  public static final String INSERT = "insert";

  public boolean copyTrades() {
    return COPY.equals(tradesWrite);
  }

  static SinkSettings from(ConfigReader r) {
    return new SinkSettings((int) r.integer("sink.batch_rows", 1, 100_000), r.integer("sink.flush_ms", 1, 60_000),
        r.integer("sink.max_backoff_ms", 50, 600_000), (int) r.integer("sink.credit_window", 1, 1024),
        (int) r.integer("sink.max_statements", 1, 64), r.oneOf("sink.trades_write", COPY, INSERT));
  }
}
