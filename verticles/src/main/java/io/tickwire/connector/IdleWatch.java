package io.tickwire.connector;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes a connection that has sent nothing for the idle timeout, so silent sockets cannot hold every connection
 * slot. One timer per connection, re-armed for the remaining time rather than on every read. Netty's read-idle
 * handler is not used: it also fires while we pause reading for back-pressure, and would drop a producer whose
 * only fault is that the pipeline is slow; here a paused connection is never idle.
 */
final class IdleWatch {
  private final Vertx vertx;
  private final long timeoutNanos;
  private final BooleanSupplier paused;
  private final Runnable onIdle;
  private long lastActive;
  private long timer = -1;

  /** @param timeoutMs 0: never idle */
  IdleWatch(Vertx vertx, long timeoutMs, BooleanSupplier paused, Runnable onIdle) {
    this.vertx = vertx;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    this.paused = paused;
    this.onIdle = onIdle;
  }

  void start() {
    if (timeoutNanos > 0) {
      touch();
      arm(timeoutNanos);
    }
  }

  void touch() {
    lastActive = System.nanoTime();
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void arm(long inNanos) {
    timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(inNanos)), id -> check());
  }

  private void check() {
    timer = -1;
    if (paused.getAsBoolean()) {
      touch(); // the silence is ours: the producer gets a whole timeout once we read again
    }
    long quiet = System.nanoTime() - lastActive;
    if (quiet >= timeoutNanos) {
      onIdle.run();
    } else {
      arm(timeoutNanos - quiet);
    }
  }
}
