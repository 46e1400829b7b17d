package io.tickwire.sink;

import io.tickwire.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers one table's rows and writes them in statements of up to {@code sink.batch_rows} rows, as soon as that
 * many are buffered or the oldest has waited {@code sink.flush_ms}, with up to {@code sink.max_statements}
 * statements in flight (statements are idempotent and bars carry their revision, so their order does not
 * matter). Each incoming batch's future completes when its rows are committed, and the sink acknowledges upstream only then: while the database is unreachable the statement
 * is retried with exponential backoff, acknowledgements stop, and the credit windows upstream stop the pipeline
 * with bounded memory; it resumes by itself when the database is back. Statements are idempotent, so a retry
 * after an ambiguous failure (committed, but the reply lost) does no harm.
 *
 * <p>Confined to the sink verticle's event loop.
 */
final class TableWriter<E> {
  private static final System.Logger LOG = System.getLogger(TableWriter.class.getName());
  private static final long FIRST_BACKOFF_MS = 50;

  private final Vertx vertx;
  private final Pool pool;
  private final SqlBatch<E> sql;
  private final Settings.Sink settings;
  private final ArrayDeque<Pending<E>> buffered = new ArrayDeque<>();
  private int bufferedRows;
  private int maxBufferedBatches;
  private int statementsInFlight;
  private boolean flushing;
  private long flushTimer = -1;
  private int failures;
  private String lastError;
  private long rowsWritten;
  private long statements;
  private long lastCommitMicros;

  private record Pending<E>(List<E> rows, Promise<Void> committed, long sinceNanos) {
  }

  TableWriter(Vertx vertx, Pool pool, SqlBatch<E> sql, Settings.Sink settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.sql = sql;
    this.settings = settings;
  }

  /** Buffers {@code rows}; the future completes when they are committed. */
  Future<Void> add(List<E> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> committed = Promise.promise();
    buffered.add(new Pending<>(rows, committed, System.nanoTime()));
    bufferedRows += rows.size();
    maxBufferedBatches = Math.max(maxBufferedBatches, buffered.size());
    scheduleWrite();
    return committed.future();
  }

  /** Writes everything buffered now, whatever its size; completes when all of it is committed. */
  Future<Void> flush() {
    List<Future<Void>> all = new ArrayList<>();
    for (Pending<E> pending : buffered) {
      all.add(pending.committed().future());
    }
    flushing = true;
    scheduleWrite();
    return Future.all(all).mapEmpty();
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
    statementsInFlight++;
    List<Pending<E>> taken = new ArrayList<>();
    List<E> rows = new ArrayList<>();
    while (!buffered.isEmpty() && (rows.isEmpty() || rows.size() + buffered.peek().rows().size()
        <= settings.batchRows())) {
      Pending<E> next = buffered.poll();
      taken.add(next);
      rows.addAll(next.rows());
    }
    bufferedRows -= rows.size();
    execute(sql.prepare(rows), taken, rows.size());
  }

  private void execute(List<E> rows, List<Pending<E>> taken, int received) {
    pool.preparedQuery(sql.sql()).execute(sql.params(rows)).onComplete(result -> {
      if (result.succeeded()) {
        committed(taken, received);
      } else {
        retryLater(rows, taken, received, result.cause());
      }
    });
  }

  private void committed(List<Pending<E>> taken, int received) {
    if (failures > 0) {
      LOG.log(System.Logger.Level.INFO, "{0}: database reachable again after {1} failed attempts", sql.table(),
          failures);
    }
    failures = 0;
    lastError = null;
    rowsWritten += received;
    statements++;
    lastCommitMicros = io.tickwire.flow.Clock.nowMicros();
    statementsInFlight--;
    for (Pending<E> pending : taken) {
      pending.committed().complete();
    }
    scheduleWrite();
  }

  private void retryLater(List<E> rows, List<Pending<E>> taken, int received, Throwable cause) {
    failures++;
    lastError = String.valueOf(cause.getMessage());
    long delay = Math.min(settings.maxBackoffMs(), FIRST_BACKOFF_MS << Math.min(failures - 1, 16));
    if (failures == 1 || failures % 10 == 0) {
      LOG.log(System.Logger.Level.WARNING, "{0}: write of {1} rows failed ({2}); attempt {3}, next in {4} ms",
          sql.table(), received, lastError, failures, delay);
    }
    vertx.setTimer(delay, id -> execute(rows, taken, received));
  }

  String table() {
    return sql.table();
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

  long rowsWritten() {
    return rowsWritten;
  }

  long statements() {
    return statements;
  }

  long lastCommitMicros() {
    return lastCommitMicros;
  }
}
