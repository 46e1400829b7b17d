package io.tickwire.flow;

import io.tickwire.config.PipelineSettings;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * <p>A cluster member that dies (kill -9) never answers, and its requests would wait out the whole timeout while
 * the window holds the producer back. So when a member leaves (a notice on {@link Addresses#MEMBER_LEFT}), every
 * unacknowledged batch is sent again at once, under the same batch id: a batch that had reached a live consumer
 * is recognised there and applied once; one that was lost with the dead member reaches whoever took its consumer's
 * place (a partition's new owner skips what its journal replay already applied), retried every
 * {@link #FAILOVER_RETRY_MS} while nobody consumes the address yet. An answer to an earlier attempt still counts if
 * it is a success; its failure is ignored, the newer attempt decides. For a while after the notice, a request
 * unanswered within {@link #FAILOVER_SEND_TIMEOUT_MS} is sent again too: the cluster manager may still have routed it
 * to the dead member, which never answers.
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
  /**
   * After a member left, how long to wait before sending again: the cluster manager drops the dead member's
   * registrations as it learns of the departure, and a batch sent to a stale registration would wait for the timeout.
   */
  static final long DEPARTURE_SETTLE_MS = 500;
  /** After a member left, batches nobody consumes yet are tried this often (a takeover binds within a second or so). */
  static final long FAILOVER_RETRY_MS = 50;
  /** After a member left, a request unanswered this long is sent again (same batch id, so applied once). */
  static final long FAILOVER_SEND_TIMEOUT_MS = 1_000;
  /**
   * How long after a departure retries stay at {@link #FAILOVER_RETRY_MS} rather than backing off, and requests time
   * out after {@link #FAILOVER_SEND_TIMEOUT_MS}.
   */
  static final long FAILOVER_WINDOW_MS = 15_000;

  private final Vertx vertx;
  private final String address;
  private final int window;
  private final long timeoutMs;
  private final String linkId = UUID.randomUUID().toString();
  private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
  /** Every batch handed to the consumer and not yet acknowledged (or dead-lettered), by batch id. */
  private final TreeMap<Long, Unacknowledged<T>> inFlight = new TreeMap<>();
  /** The ids of those waiting to be sent again, in batch order. */
  private final TreeSet<Long> redeliveries = new TreeSet<>();
  private Promise<Void> drained;
  private MessageConsumer<String> departures;
  private boolean redeliveryTimer;
  private long settlingUntilMs;
  private long failoverUntilMs;
  private long nextBatchId;
  private int maxInFlight;
  private int consecutiveFailures;
  private long sent;
  private long redelivered;
  private long deadLettered;

  private record Waiting<T>(T batch, Promise<Void> admitted) {
  }

  /** A batch in flight and its latest delivery attempt: answers to older attempts only count as successes. */
  private static final class Unacknowledged<T> {
    final T batch;
    int attempt;

    Unacknowledged(T batch) {
      this.batch = batch;
    }
  }

  public CreditSender(Vertx vertx, String address, int window, long timeoutMs) {
    if (window < 1) {
      throw new IllegalArgumentException("credit window must be at least 1, was " + window);
    }
    this.vertx = vertx;
    this.address = address;
    this.window = window;
    this.timeoutMs = timeoutMs;
    if (Vertx.currentContext() != null) {
      watchDepartures(); // made in a verticle's start: listen from now on, even before the first batch
    }
  }

  public Future<Void> send(T batch) {
    watchDepartures();
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
    if (inFlight.isEmpty() && waiting.isEmpty()) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  /** True when the window is full or batches wait: the consumer is behind. */
  public boolean saturated() {
    return inFlight.size() >= window || !waiting.isEmpty() || !redeliveries.isEmpty();
  }

  private boolean canDispatch() {
    return inFlight.size() < window && redeliveries.isEmpty() && !settling();
  }

  /** Just after a departure nothing new goes out: the dead member may still be among the address's consumers. */
  private boolean settling() {
    return settlingUntilMs != 0 && System.currentTimeMillis() < settlingUntilMs;
  }

  private void dispatch(T batch) {
    long batchId = nextBatchId++;
    inFlight.put(batchId, new Unacknowledged<>(batch));
    maxInFlight = Math.max(maxInFlight, inFlight.size());
    deliver(batchId);
  }

  private void deliver(long batchId) {
    Unacknowledged<T> pending = inFlight.get(batchId);
    int attempt = ++pending.attempt;
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(sendTimeoutMs())
        .addHeader(LINK_HEADER, linkId).addHeader(BATCH_HEADER, Long.toString(batchId))
        .addHeader(SENT_HEADER, Long.toString(System.currentTimeMillis()));
    vertx.eventBus().request(address, pending.batch, options).onComplete(reply -> answered(batchId, attempt, reply));
  }

  private void answered(long batchId, int attempt, AsyncResult<?> reply) {
    Unacknowledged<T> pending = inFlight.get(batchId);
    if (pending == null) {
      return; // an answer to an earlier attempt of a batch already released
    }
    if (reply.succeeded()) {
      consecutiveFailures = 0;
      released(batchId);
    } else if (attempt == pending.attempt && !redeliveries.contains(batchId)) {
      failed(batchId, reply.cause());
    }
  }

  private void failed(long batchId, Throwable cause) {
    ReplyFailure kind = cause instanceof ReplyException e ? e.failureType() : ReplyFailure.ERROR;
    if (kind == ReplyFailure.NO_HANDLERS || kind == ReplyFailure.TIMEOUT) {
      scheduleRedelivery(batchId, cause);
    } else {
      deadLetter(batchId, cause);
      released(batchId);
    }
  }

  private void scheduleRedelivery(long batchId, Throwable cause) {
    redeliveries.add(batchId);
    redelivered++;
    if (redeliveryTimer) {
      return;
    }
    long delay = retryDelayMs();
    if (consecutiveFailures % 10 == 0) {
      LOG.log(System.Logger.Level.WARNING, "link {0}: {1}; sending again in {2} ms", address, cause.getMessage(),
          delay);
    }
    consecutiveFailures++;
    redeliverAfter(delay);
  }

  /** Backing off, except shortly after a member left, while a takeover is expected any moment. */
  private long retryDelayMs() {
    long backoff = Backoff.delayMs(consecutiveFailures + 1, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
    return inFailover() ? Math.min(backoff, FAILOVER_RETRY_MS) : backoff;
  }

  private long sendTimeoutMs() {
    return inFailover() ? Math.min(timeoutMs, FAILOVER_SEND_TIMEOUT_MS) : timeoutMs;
  }

  private boolean inFailover() {
    return System.currentTimeMillis() < failoverUntilMs;
  }

  private void redeliverAfter(long delayMs) {
    redeliveryTimer = true;
    vertx.setTimer(delayMs, id -> {
      redeliveryTimer = false;
      redeliverAll();
    });
  }

  /**
   * Sends every batch due again, in batch order. The due ones are taken out first: a request to an address without
   * handlers may fail at once, inside {@link #deliver}, and schedule itself again, which must wait for the next timer
   * rather than spin here on the event loop.
   */
  private void redeliverAll() {
    List<Long> due = new ArrayList<>(redeliveries);
    redeliveries.clear();
    for (long batchId : due) {
      if (inFlight.containsKey(batchId)) {
        deliver(batchId);
      }
    }
    admitWaiting();
  }

  /**
   * Listens for members leaving the cluster, on the producer's context: from construction when made on one (a
   * verticle's start), else from the first send. Registered node-locally; it goes away with the verticle that owns
   * this link.
   */
  private void watchDepartures() {
    if (departures == null) {
      departures = vertx.eventBus().localConsumer(Addresses.MEMBER_LEFT, notice -> memberLeft());
    }
  }

  /** Sends every unacknowledged batch again once the cluster manager has dropped the dead member's consumers. */
  void memberLeft() {
    long now = System.currentTimeMillis();
    failoverUntilMs = now + FAILOVER_WINDOW_MS;
    settlingUntilMs = now + DEPARTURE_SETTLE_MS;
    consecutiveFailures = 0;
    if (inFlight.isEmpty()) {
      vertx.setTimer(DEPARTURE_SETTLE_MS, id -> admitWaiting()); // what waits goes out once settled
      return;
    }
    for (long batchId : inFlight.keySet()) {
      if (redeliveries.add(batchId)) {
        redelivered++;
      }
    }
    LOG.log(System.Logger.Level.DEBUG, "link {0}: a cluster member left; sending {1} unacknowledged batches again",
        address, inFlight.size());
    if (!redeliveryTimer) {
      redeliverAfter(DEPARTURE_SETTLE_MS);
    }
  }

  private void deadLetter(long batchId, Throwable cause) {
    deadLettered++;
    LOG.log(System.Logger.Level.ERROR, "link {0}: consumer failed batch {1}; dead-lettered: {2}", address, batchId,
        cause.getMessage());
    vertx.eventBus().publish(Addresses.DLQ, new JsonObject().put("reason", "consumer_failed")
        .put("address", address).put("batch", batchId).put("error", String.valueOf(cause.getMessage())));
  }

  private void released(long batchId) {
    inFlight.remove(batchId);
    redeliveries.remove(batchId);
    sent++;
    admitWaiting();
    if (inFlight.isEmpty() && waiting.isEmpty() && drained != null) {
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
