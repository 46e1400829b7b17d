package io.tickwire.flow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The receiving end of a lossless link: the acknowledgement that returns a credit to the {@link CreditSender}
 * is sent only when the handler's future completes, so a slow handler holds the sender back. A failed or
 * throwing handler answers with a failure (the sender dead-letters that batch).
 *
 * <p>A batch the sender delivers again after a timeout carries the same link and batch id; it is not handed to
 * the handler a second time but answered when the first delivery's handling completes. Ids are remembered for
 * the last {@link #REMEMBERED_PER_LINK} batches of each of the last {@link #REMEMBERED_LINKS} links, more than
 * any window can have in flight.
 */
public final class CreditReceiver<T> {
  static final int REMEMBERED_PER_LINK = 2048;
  static final int REMEMBERED_LINKS = 1024;

  /** The reason of a failed handler's batch in {@code tickwire_errors_total} (the component is the link). */
  static final String HANDLER_FAILED = "handler_failed";

  private final Function<T, Future<?>> handler;
  private final Map<String, Map<Long, Future<?>>> recent = lru(REMEMBERED_LINKS);
  private final String link;
  private final LinkMeters.LagObserver lag;
  private final LongAdder failures;

  private CreditReceiver(String address, Function<T, Future<?>> handler, LinkMeters metrics) {
    this.handler = handler;
    this.link = Addresses.link(address);
    this.lag = metrics == null ? null : metrics.lag(link);
    this.failures = metrics == null ? null : metrics.errorCount(link, HANDLER_FAILED);
  }

  /** Registers {@code handler} on {@code address}, unmeasured (tests, the printer). */
  public static <T> Future<MessageConsumer<T>> bind(Vertx vertx, String address, Function<T, Future<?>> handler) {
    return bind(vertx, address, handler, null);
  }

  /**
   * Registers {@code handler} on {@code address}; the returned future completes when registration has. The link's
   * lag and failed batches go to {@code metrics}.
   */
  public static <T> Future<MessageConsumer<T>> bind(Vertx vertx, String address, Function<T, Future<?>> handler,
      LinkMeters metrics) {
    CreditReceiver<T> receiver = new CreditReceiver<>(address, handler, metrics);
    MessageConsumer<T> consumer = vertx.eventBus().consumer(address, receiver::receive);
    return consumer.completion().map(v -> consumer);
  }

  /** Like {@link #bindLocal(Vertx, String, Function, LinkMeters)}, unmeasured (tests). */
  public static <T> Future<MessageConsumer<T>> bindLocal(Vertx vertx, String address,
      Function<T, Future<?>> handler) {
    return bindLocal(vertx, address, handler, null);
  }

  /**
   * Like {@link #bind}, but only senders on this node reach it: in a cluster, a stage whose state follows its
   * producer's (the features of the bars this node's batchers make) must not be fed by another node's producer,
   * which a cluster-wide registration would allow, round-robin.
   */
  public static <T> Future<MessageConsumer<T>> bindLocal(Vertx vertx, String address,
      Function<T, Future<?>> handler, LinkMeters metrics) {
    CreditReceiver<T> receiver = new CreditReceiver<>(address, handler, metrics);
    MessageConsumer<T> consumer = vertx.eventBus().localConsumer(address, receiver::receive);
    return consumer.completion().map(v -> consumer);
  }

  private void receive(Message<T> message) {
    observeLag(message);
    Future<?> done = firstHandlingOf(message);
    done.onComplete(result -> {
      if (result.succeeded()) {
        message.reply(null);
      } else {
        if (failures != null) {
          failures.increment();
        }
        message.fail(500, String.valueOf(result.cause()));
      }
    });
  }

  private void observeLag(Message<T> message) {
    if (lag == null) {
      return;
    }
    String sent = message.headers().get(CreditSender.SENT_HEADER);
    lag.observe(sent == null ? -1 : Long.parseLong(sent), BatchTimes.newestMicros(message.body()));
  }

  private Future<?> firstHandlingOf(Message<T> message) {
    String link = message.headers().get(CreditSender.LINK_HEADER);
    String batch = message.headers().get(CreditSender.BATCH_HEADER);
    if (link == null || batch == null) {
      return Handlers.call(handler, message.body());
    }
    Map<Long, Future<?>> seen = recent.computeIfAbsent(link, l -> lru(REMEMBERED_PER_LINK));
    long id = Long.parseLong(batch);
    Future<?> earlier = seen.get(id);
    if (earlier != null) {
      return earlier;
    }
    Future<?> done = Handlers.call(handler, message.body());
    seen.put(id, done);
    return done;
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
