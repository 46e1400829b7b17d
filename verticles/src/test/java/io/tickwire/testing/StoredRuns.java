package io.tickwire.testing;

import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A finite, seeded pipeline run persisted to a test schema, for the batch jobs (archive, reconciliation, profile):
 * about a second from 2024-05-01T00:00:00Z (the jitter reaches back into the minute before), jittered past the
 * lateness so there are bar revisions; {@link #runAndClose} also stores a later bar that moves the stored event time
 * on, so the run's minutes become final.
 */
public final class StoredRuns {
  public static final Set<Role> PIPELINE_AND_SINK = EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST);
  /** 2024-05-01T00:00:00Z in epoch µs. */
  public static final long START = 1_714_521_600_000_000L;
  public static final long MINUTE = 60_000_000L;
  /** The run's minutes: the jitter moves the first trades back before {@link #START}. */
  public static final long FROM = START - MINUTE;
  public static final long TO = START + MINUTE;

  private StoredRuns() {
  }

  /** Settings of the run; {@code extra} overrides on top. Batch jobs run only when a test asks. */
  public static List<String> overrides(TestDatabase db, String... extra) {
    return Pipelines.concat(Pipelines.concat(db.settings(), "synthetic.count=6000", "synthetic.rate=6000",
        "synthetic.seed=11", "synthetic.start_time=2024-05-01T00:00:00Z", "synthetic.jitter_ms=800",
        "batcher.allowed_lateness_ms=300", "batcher.revision_horizon_ms=2000", "batch.grace_ms=0",
        "batch.every_ms=3600000", "web.enabled=false"), extra);
  }

  /** Runs the pipeline to its end, then stores a bar ten minutes on so the run's minute is final. */
  public static void runAndClose(Vertx vertx, Settings settings, TestDatabase db) {
    Pipelines.runToEnd(vertx, settings, PIPELINE_AND_SINK);
    db.execute("INSERT INTO bars_ohlcv (venue, symbol, interval, bucket_start, open, high, low, close, volume, vwap,"
        + " trades, revision) VALUES ('clock', 'LATER', '1s', '2024-05-01T00:10:00Z', 1, 1, 1, 1, 1, 1, 1, 0)");
  }
}
