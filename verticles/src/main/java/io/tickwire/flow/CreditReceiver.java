package io.tickwire.flow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Function;

/**
 * The receiving end of a lossless link: the acknowledgement that returns a credit to the {@link CreditSender}
 * is sent only when the handler's future completes, so a slow handler holds the sender back. A failed or
 * throwing handler answers with a failure, which makes the sender retry the batch.
 */
public final class CreditReceiver {
  private CreditReceiver() {
  }

  /** Registers {@code handler} on {@code address}; the returned future completes when registration has. */
  public static <T> Future<MessageConsumer<T>> bind(Vertx vertx, String address, Function<T, Future<?>> handler) {
    MessageConsumer<T> consumer = vertx.eventBus().consumer(address, message -> handle(message, handler));
    return consumer.completion().map(v -> consumer);
  }

  private static <T> void handle(Message<T> message, Function<T, Future<?>> handler) {
    Future<?> done;
    try {
      done = handler.apply(message.body());
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(result -> {
      if (result.succeeded()) {
        message.reply(null);
      } else {
        message.fail(500, String.valueOf(result.cause()));
      }
    });
  }
}
