package io.tickwire.flow;

import io.vertx.core.Future;
import java.util.function.Function;

/** Calls a stage's asynchronous handler so that a thrown exception becomes a failed future, never a crash. */
final class Handlers {
  private Handlers() {
  }

  static <T> Future<?> call(Function<T, Future<?>> handler, T item) {
    try {
      Future<?> done = handler.apply(item);
      return done == null ? Future.failedFuture(new NullPointerException("handler returned null")) : done;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
