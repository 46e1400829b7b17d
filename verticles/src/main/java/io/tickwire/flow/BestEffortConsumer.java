package io.tickwire.flow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Function;

/**
 * The receiving end of a best-effort link (dashboard clients, tail, hot caches): messages published on a topic
 * go into a {@link DropOldestQueue} and are handled one at a time at the handler's pace. A slow handler loses
 * the oldest messages, counted in {@link #dropped()}, and never slows the producer.
 */
public final class BestEffortConsumer<T> {
  private final DropOldestQueue<T> queue;
  private final Function<T, Future<?>> handler;
  private boolean busy;

  private BestEffortConsumer(int capacity, Function<T, Future<?>> handler) {
    this.queue = new DropOldestQueue<>(capacity);
    this.handler = handler;
  }

  /** Subscribes to {@code topic} on the caller's context; completes when the subscription is registered. */
  public static <T> Future<BestEffortConsumer<T>> subscribe(Vertx vertx, String topic, int capacity,
      Function<T, Future<?>> handler) {
    BestEffortConsumer<T> link = new BestEffortConsumer<>(capacity, handler);
    MessageConsumer<T> consumer = vertx.eventBus().consumer(topic, message -> link.enqueue(message.body()));
    return consumer.completion().map(v -> link);
  }

  private void enqueue(T item) {
    queue.offer(item);
    if (!busy) {
      drain();
    }
  }

  /** Handles queued items in order; loops rather than recursing while handlers complete synchronously. */
  private void drain() {
    busy = true;
    T item;
    while ((item = queue.poll()) != null) {
      Future<?> done = Handlers.call(handler, item);
      if (!done.isComplete()) {
        done.onComplete(r -> drain());
        return;
      }
    }
    busy = false;
  }

  public long dropped() {
    return queue.dropped();
  }

  public int queued() {
    return queue.size();
  }

}
