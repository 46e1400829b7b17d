package io.tickwire.flow;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.ArrayDeque;

/**
 * The sending end of a lossless link: request/reply with at most {@code window} batches in flight.
 *
 * <p>{@link #send} hands a batch over and returns a future that completes once the batch is in flight, at once
 * when a slot is free, otherwise when an earlier batch is acknowledged. A producer that waits for that future
 * before making more therefore slows to the pace of the consumer: that wait is how back-pressure travels to
 * the source. Several handlers of one verticle may share a link (a batcher's partitions all send bars), so
 * batches may wait for a slot, but never more than {@link #MAX_WAITING_PER_CREDIT} per credit: more means a
 * producer ignored the futures, which is a bug, and fails fast rather than growing a queue.
 *
 * <p>A batch whose delivery fails (no consumer yet, consumer error, timeout) is retried with exponential
 * backoff until it is acknowledged: the link never drops. Consumers must therefore tolerate a re-delivered
 * batch after a timeout.
 *
 * <p>Not thread-safe: use it from the context (event loop) of the verticle that created it.
 */
public final class CreditSender<T> {
  private static final System.Logger LOG = System.getLogger(CreditSender.class.getName());
  private static final long MAX_BACKOFF_MS = 2_000;
  /** Bound on batches waiting for credit, per credit of the window. */
  public static final int MAX_WAITING_PER_CREDIT = 64;

  private final Vertx vertx;
  private final String address;
  private final int window;
  private final DeliveryOptions options;
  private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
  private Promise<Void> drained;
  private int inFlight;
  private int maxInFlight;
  private long sent;
  private long retries;

  private record Waiting<T>(T batch, Promise<Void> admitted) {
  }

  public CreditSender(Vertx vertx, String address, int window, long timeoutMs) {
    if (window < 1) {
      throw new IllegalArgumentException("credit window must be at least 1, was " + window);
    }
    this.vertx = vertx;
    this.address = address;
    this.window = window;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<Void> send(T batch) {
    if (inFlight < window) {
      dispatch(batch);
      return Future.succeededFuture();
    }
    if (waiting.size() >= window * MAX_WAITING_PER_CREDIT) {
      return Future.failedFuture(new IllegalStateException(
          "link " + address + ": " + waiting.size() + " batches already wait for credit; wait for send()'s future"));
    }
    Promise<Void> admitted = Promise.promise();
    waiting.add(new Waiting<>(batch, admitted));
    return admitted.future();
  }

  /** Completes when every batch handed over so far has been acknowledged. */
  public Future<Void> drained() {
    if (inFlight == 0 && waiting.isEmpty()) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  private void dispatch(T batch) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    deliver(batch, 0);
  }

  private void deliver(T batch, int attempt) {
    vertx.eventBus().request(address, batch, options).onComplete(reply -> {
      if (reply.succeeded()) {
        acknowledged();
      } else {
        retryLater(batch, attempt, reply.cause());
      }
    });
  }

  private void acknowledged() {
    inFlight--;
    sent++;
    Waiting<T> next = waiting.poll();
    if (next != null) {
      dispatch(next.batch());
      next.admitted().complete();
    } else if (inFlight == 0 && drained != null) {
      Promise<Void> done = drained;
      drained = null;
      done.complete();
    }
  }

  private void retryLater(T batch, int attempt, Throwable cause) {
    retries++;
    long delay = Math.min(MAX_BACKOFF_MS, 10L << Math.min(attempt, 10));
    if (attempt == 0 || attempt % 10 == 9) {
      LOG.log(System.Logger.Level.WARNING, "link {0}: delivery failed ({1}); retry {2} in {3} ms",
          address, cause.getMessage(), attempt + 1, delay);
    }
    vertx.setTimer(delay, id -> deliver(batch, attempt + 1));
  }

  public String address() {
    return address;
  }

  public int window() {
    return window;
  }

  public int inFlight() {
    return inFlight;
  }

  /** The most batches ever in flight at once; never above {@link #window()}. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** Batches acknowledged so far. */
  public long sent() {
    return sent;
  }

  public long retries() {
    return retries;
  }
}
