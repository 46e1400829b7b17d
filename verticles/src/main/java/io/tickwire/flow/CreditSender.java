package io.tickwire.flow;

import io.tickwire.config.PipelineSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sending end of a lossless link: request/reply with at most {@code window} batches in flight.
 *
 * <p>{@link #send} hands a batch over and returns a future that completes once the batch is in flight, at once
 * when a slot is free, otherwise when an earlier batch is acknowledged. A producer that waits for that future
 * before making more therefore slows to the pace of the consumer: that wait is how back-pressure travels to
 * the source. Several handlers of one verticle may share a link (a batcher's partitions all send bars), so
 * batches may wait for a slot, but never more than {@link PipelineSettings#MAX_WAITING_PER_CREDIT} per credit:
 * more means a producer ignored the futures, which is a bug, and fails fast rather than growing a queue.
 *
 * <p>Failures, by what they say about the batch:
 * <ul>
 *   <li>no consumer registered (yet, or any more): the batch was not applied; it is sent again after a backoff;
 *   <li>no reply within the timeout: the consumer may still be working on it (a database outage holds
 *       acknowledgements back on purpose); it is sent again under the same batch id, which
 *       {@link CreditReceiver} recognises, so it is applied once;
 *   <li>the consumer's handler failed: sending it again would fail again or apply it twice, so the batch is
 *       counted, reported on {@code md.dlq} and its credit released.
 * </ul>
 * Redeliveries go out in batch order and hold back new batches until they are through, so a link keeps order.
 *
 * <p>Not thread-safe: use it from the context (event loop) of the verticle that created it.
 */
public final class CreditSender<T> {
  /** Header naming the sending link, for redelivery detection. */
  static final String LINK_HEADER = "tw-link";
  /** Header carrying the batch's number on its link. */
  static final String BATCH_HEADER = "tw-batch";
  /** Header carrying when the batch was (last) sent, epoch milliseconds: the receiver's queue-age lag. */
  static final String SENT_HEADER = "tw-sent";
  private static final System.Logger LOG = System.getLogger(CreditSender.class.getName());
  private static final long FIRST_BACKOFF_MS = 10;
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  private final String address;
  private final int window;
  private final long timeoutMs;
  private final String linkId = UUID.randomUUID().toString();
  private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
  private final TreeMap<Long, T> redeliveries = new TreeMap<>();
  private Promise<Void> drained;
  private long nextBatchId;
  private int inFlight;
  private int maxInFlight;
  private int consecutiveFailures;
  private long sent;
  private long redelivered;
  private long deadLettered;

  private record Waiting<T>(T batch, Promise<Void> admitted) {
  }

  public CreditSender(Vertx vertx, String address, int window, long timeoutMs) {
    if (window < 1) {
      throw new IllegalArgumentException("credit window must be at least 1, was " + window);
    }
    this.vertx = vertx;
    this.address = address;
    this.window = window;
    this.timeoutMs = timeoutMs;
  }

  public Future<Void> send(T batch) {
    if (canDispatch()) {
      dispatch(batch);
      return Future.succeededFuture();
    }
    if (waiting.size() >= window * PipelineSettings.MAX_WAITING_PER_CREDIT) {
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

  /** True when the window is full or batches wait: the consumer is behind. */
  public boolean saturated() {
    return inFlight >= window || !waiting.isEmpty() || !redeliveries.isEmpty();
  }

  private boolean canDispatch() {
    return inFlight < window && redeliveries.isEmpty();
  }

  private void dispatch(T batch) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    deliver(nextBatchId++, batch);
  }

  private void deliver(long batchId, T batch) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs)
        .addHeader(LINK_HEADER, linkId).addHeader(BATCH_HEADER, Long.toString(batchId))
        .addHeader(SENT_HEADER, Long.toString(System.currentTimeMillis()));
    vertx.eventBus().request(address, batch, options).onComplete(reply -> {
      if (reply.succeeded()) {
        consecutiveFailures = 0;
        released();
      } else {
        failed(batchId, batch, reply.cause());
      }
    });
  }

  private void failed(long batchId, T batch, Throwable cause) {
    ReplyFailure kind = cause instanceof ReplyException e ? e.failureType() : ReplyFailure.ERROR;
    if (kind == ReplyFailure.NO_HANDLERS || kind == ReplyFailure.TIMEOUT) {
      scheduleRedelivery(batchId, batch, cause);
    } else {
      deadLetter(batchId, cause);
      released();
    }
  }

  private void scheduleRedelivery(long batchId, T batch, Throwable cause) {
    boolean timerPending = !redeliveries.isEmpty();
    redeliveries.put(batchId, batch);
    redelivered++;
    if (timerPending) {
      return;
    }
    long delay = Backoff.delayMs(consecutiveFailures + 1, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
    if (consecutiveFailures % 10 == 0) {
      LOG.log(System.Logger.Level.WARNING, "link {0}: {1}; sending again in {2} ms", address, cause.getMessage(),
          delay);
    }
    consecutiveFailures++;
    vertx.setTimer(delay, id -> redeliverAll());
  }

  /**
   * Sends every batch due again, in batch order. The due ones are taken out first: a request to an address without
   * handlers may fail at once, inside {@link #deliver}, and schedule itself again, which must wait for the next timer
   * rather than spin here on the event loop.
   */
  private void redeliverAll() {
    List<Map.Entry<Long, T>> due = new ArrayList<>(redeliveries.entrySet());
    redeliveries.clear();
    for (Map.Entry<Long, T> next : due) {
      deliver(next.getKey(), next.getValue());
    }
    admitWaiting();
  }

  private void deadLetter(long batchId, Throwable cause) {
    deadLettered++;
    LOG.log(System.Logger.Level.ERROR, "link {0}: consumer failed batch {1}; dead-lettered: {2}", address, batchId,
        cause.getMessage());
    vertx.eventBus().publish(Addresses.DLQ, new JsonObject().put("reason", "consumer_failed")
        .put("address", address).put("batch", batchId).put("error", String.valueOf(cause.getMessage())));
  }

  private void released() {
    inFlight--;
    sent++;
    admitWaiting();
    if (inFlight == 0 && waiting.isEmpty() && drained != null) {
      Promise<Void> done = drained;
      drained = null;
      done.complete();
    }
  }

  private void admitWaiting() {
    while (canDispatch() && !waiting.isEmpty()) {
      Waiting<T> next = waiting.poll();
      dispatch(next.batch());
      next.admitted().complete();
    }
  }

  /** The most batches ever in flight at once; never above the window. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** Batches released so far (acknowledged or dead-lettered). */
  public long sent() {
    return sent;
  }

  /** Deliveries repeated after a missing consumer or a timeout. */
  public long redelivered() {
    return redelivered;
  }

  /** Batches the consumer failed, reported on {@code md.dlq}. */
  public long deadLettered() {
    return deadLettered;
  }
}
