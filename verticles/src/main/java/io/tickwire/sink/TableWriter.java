package io.tickwire.sink;

import io.micrometer.core.instrument.Timer;
import io.tickwire.config.SinkSettings;
import io.tickwire.flow.Backoff;
import io.tickwire.metrics.Metrics;
import io.tickwire.store.BatchStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Buffers one table's rows and writes them in statements of up to {@code sink.batch_rows} rows, as soon as that
 * many are buffered or the oldest has waited {@code sink.flush_ms}, with up to {@code sink.max_statements}
 * statements in flight (statements are idempotent and bars carry their revision, so order does not matter).
 *
 * <p>Each incoming batch's future completes when its rows are committed, and the sink acknowledges upstream only
 * then. A failure that says the database is unreachable or busy is retried with exponential backoff: meanwhile
 * acknowledgements stop and the credit windows upstream stop the pipeline with bounded memory, and it resumes by
 * itself. A failure that says the rows themselves are bad (say, text PostgreSQL cannot store) would fail forever:
 * the statement is split into its incoming batches, and only the batch that still fails is failed, which its
 * sender dead-letters; the other batches are written.
 *
 * <p>How a statement is executed is the {@link BatchStore}'s business: an {@code unnest} insert through the reactive
 * pool ({@link io.tickwire.store.PooledInsert}) or a binary {@code COPY} over JDBC
 * ({@link io.tickwire.store.TradeCopy}).
 *
 * <p>Confined to the sink verticle's event loop.
 */
final class TableWriter<E> {
  private static final System.Logger LOG = System.getLogger(TableWriter.class.getName());
  private static final long FIRST_BACKOFF_MS = 50;
  /** The component of the sink's errors in {@code tickwire_errors_total}. */
  static final String COMPONENT = "sink.postgres";

  private final Vertx vertx;
  private final BatchStore<E> store;
  private final SinkSettings settings;
  private final Meters meters;
  private final ArrayDeque<Pending<E>> buffered = new ArrayDeque<>();
  private final Set<Promise<Void>> uncommitted = new LinkedHashSet<>();
  private int bufferedRows;
  private int maxBufferedBatches;
  private int statementsInFlight;
  private boolean flushing;
  private long flushTimer = -1;
  private int failures;
  private String lastError;
  private long rowsInserted;
  private long rowsSkipped;
  private long rowsRejected;

  private record Pending<E>(List<E> rows, Promise<Void> committed, long sinceNanos) {
  }

  TableWriter(Vertx vertx, BatchStore<E> store, SinkSettings settings, Metrics metrics) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.meters = new Meters(metrics, store.table());
  }

  /** This table's meters, labelled {@code table}; looked up once. */
  private record Meters(Timer write, LongAdder flushes, LongAdder rows, LongAdder retried, LongAdder refused) {
    Meters(Metrics metrics, String table) {
      this(metrics.timer(Metrics.STORE_WRITE, "Time per statement written to PostgreSQL, from sending it to its"
              + " commit, by table", "table", table),
          metrics.count(Metrics.SINK_FLUSHES, "Statements (micro-batches) the sink committed, by table", "table",
              table),
          metrics.count(Metrics.SINK_ROWS, "Rows in the statements the sink committed (stored or already there),"
              + " by table", "table", table),
          metrics.errorCount(COMPONENT, "write_retried"),
          metrics.errorCount(COMPONENT, "rows_refused"));
    }
  }

  /** Buffers {@code rows}; the future completes when they are committed, or fails when they cannot be stored. */
  Future<Void> add(List<E> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> committed = Promise.promise();
    buffered.add(new Pending<>(rows, committed, System.nanoTime()));
    uncommitted.add(committed);
    bufferedRows += rows.size();
    maxBufferedBatches = Math.max(maxBufferedBatches, buffered.size());
    scheduleWrite();
    return committed.future();
  }

  /** Writes everything buffered now, whatever its size; completes when it and every statement in flight is done. */
  Future<Void> flush() {
    List<Future<Void>> all = new ArrayList<>();
    for (Promise<Void> promise : uncommitted) {
      all.add(promise.future());
    }
    flushing = true;
    scheduleWrite();
    return Future.join(all).mapEmpty();
  }

  /** Starts statements while a slot is free and a batch is due; otherwise makes sure a timer will look again. */
  private void scheduleWrite() {
    while (statementsInFlight < settings.maxStatements() && due()) {
      writeNext();
    }
    if (!buffered.isEmpty() && flushTimer < 0 && statementsInFlight < settings.maxStatements()) {
      long waitedMs = (System.nanoTime() - buffered.peek().sinceNanos()) / 1_000_000;
      flushTimer = vertx.setTimer(Math.max(1, settings.flushMs() - waitedMs), id -> {
        flushTimer = -1;
        scheduleWrite();
      });
    }
  }

  private boolean due() {
    if (buffered.isEmpty()) {
      return false;
    }
    long waitedMs = (System.nanoTime() - buffered.peek().sinceNanos()) / 1_000_000;
    return flushing || bufferedRows >= settings.batchRows() || waitedMs >= settings.flushMs();
  }

  /** Takes whole incoming batches up to the row limit (at least one) and writes them in one statement. */
  private void writeNext() {
    List<Pending<E>> taken = new ArrayList<>();
    int rows = 0;
    while (!buffered.isEmpty() && (rows == 0 || rows + buffered.peek().rows().size() <= settings.batchRows())) {
      Pending<E> next = buffered.poll();
      taken.add(next);
      rows += next.rows().size();
    }
    bufferedRows -= rows;
    statementsInFlight++;
    execute(taken);
  }

  private void execute(List<Pending<E>> taken) {
    List<E> rows = new ArrayList<>();
    for (Pending<E> pending : taken) {
      rows.addAll(pending.rows());
    }
    Future<Integer> written;
    long startNanos = System.nanoTime();
    try {
      written = store.write(rows);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      if (result.succeeded()) {
        meters.write().record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        committed(taken, rows.size(), result.result());
      } else if (retryable(result.cause())) {
        retryLater(taken, rows.size(), result.cause());
      } else {
        rejected(taken, result.cause());
      }
    });
  }

  /**
   * Errors that say nothing about the rows: connection lost, server starting or stopping, out of resources,
   * contention. The same SQLSTATE classes for the reactive client and JDBC; a JDBC error without a state (the driver
   * lost the connection before the server said anything) is retried too.
   */
  static boolean retryable(Throwable cause) {
    String state;
    if (cause instanceof PgException pg) {
      state = String.valueOf(pg.getSqlState());
    } else if (cause instanceof SQLException jdbc) {
      if (jdbc.getSQLState() == null) {
        return true;
      }
      state = jdbc.getSQLState();
    } else {
      return !(cause instanceof IllegalArgumentException || cause instanceof ClassCastException);
    }
    return state.startsWith("08") || state.startsWith("57") || state.startsWith("53") || state.equals("40001")
        || state.equals("40P01");
  }

  private void committed(List<Pending<E>> taken, int received, int inserted) {
    if (failures > 0) {
      LOG.log(System.Logger.Level.INFO, "{0}: database reachable again after {1} failed attempts", store.table(),
          failures);
    }
    failures = 0;
    lastError = null;
    rowsInserted += inserted;
    rowsSkipped += received - inserted;
    meters.flushes().increment();
    meters.rows().add(received);
    finish(taken, null);
  }

  private void retryLater(List<Pending<E>> taken, int received, Throwable cause) {
    failures++;
    meters.retried().increment();
    lastError = String.valueOf(cause.getMessage());
    long delay = Backoff.delayMs(failures, FIRST_BACKOFF_MS, settings.maxBackoffMs());
    if (failures == 1 || failures % 10 == 0) {
      LOG.log(System.Logger.Level.WARNING, "{0}: write of {1} rows failed ({2}); attempt {3}, next in {4} ms",
          store.table(), received, lastError, failures, delay);
    }
    vertx.setTimer(delay, id -> execute(taken));
  }

  /** The rows were refused: find the incoming batch at fault by writing each batch on its own. */
  private void rejected(List<Pending<E>> taken, Throwable cause) {
    if (taken.size() > 1) {
      statementsInFlight += taken.size() - 1;
      for (Pending<E> pending : taken) {
        execute(List.of(pending));
      }
      return;
    }
    rowsRejected += taken.get(0).rows().size();
    meters.refused().increment();
    LOG.log(System.Logger.Level.ERROR, "{0}: {1} rows refused by the database and failed back to the sender: {2}",
        store.table(), taken.get(0).rows().size(), cause.getMessage());
    finish(taken, cause);
  }

  private void finish(List<Pending<E>> taken, Throwable cause) {
    statementsInFlight--;
    for (Pending<E> pending : taken) {
      uncommitted.remove(pending.committed());
      if (cause == null) {
        pending.committed().complete();
      } else {
        pending.committed().fail(cause);
      }
    }
    scheduleWrite();
  }

  String table() {
    return store.table();
  }

  /** Releases the store's connections; after {@link #flush()}. */
  Future<Void> close() {
    return store.close();
  }

  boolean failing() {
    return failures > 0;
  }

  String lastError() {
    return lastError;
  }

  int bufferedRows() {
    return bufferedRows;
  }

  int bufferedBatches() {
    return buffered.size();
  }

  /** The most incoming batches ever buffered at once: bounded by the credit windows of the links feeding it. */
  int maxBufferedBatches() {
    return maxBufferedBatches;
  }

  /** Rows the database stored. */
  long rowsInserted() {
    return rowsInserted;
  }

  /** Rows the database already had (replays), skipped by the idempotent insert or the unchanged-bar guard. */
  long rowsSkipped() {
    return rowsSkipped;
  }

  /** Rows the database refused as invalid; their batches were failed back to the sender. */
  long rowsRejected() {
    return rowsRejected;
  }
}
