package io.tickwire.jobs.schedule;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs a blocking job on a worker thread every {@code batch.every_ms}, never two runs at once (a slow run delays the
 * next instead of piling runs up), and lets a stop wait for the run in progress. Shared by the archive and the
 * periodic reconciliation.
 */
public final class PeriodicJob<T> {
  private final Vertx vertx;
  private final Callable<T> job;
  private final Handler<AsyncResult<T>> done;
  private long timer = -1;
  private Future<T> running = Future.succeededFuture();

  /** {@code done} sees every run's outcome once, on the caller's event loop. */
  public PeriodicJob(Vertx vertx, Callable<T> job, Handler<AsyncResult<T>> done) {
    this.vertx = vertx;
    this.job = job;
    this.done = done;
  }

  public void start(long everyMs) {
    timer = vertx.setPeriodic(everyMs, id -> runNow());
  }

  /** Starts a run unless one is in progress; the future of the run in progress or just started. */
  public Future<T> runNow() {
    if (!running.isComplete()) {
      return running;
    }
    running = vertx.executeBlocking(job, false).andThen(done);
    return running;
  }

  /** Stops the timer; completes once the run in progress (if any) is over, whatever its outcome. */
  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return running.<Void>mapEmpty().otherwiseEmpty();
  }
}
