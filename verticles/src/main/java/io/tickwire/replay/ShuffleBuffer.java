package io.tickwire.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Reorders a stream within a bounded window, the way a network with several paths does: it holds {@code window}
 * items, and for each new one emits a uniformly chosen held item and keeps the new one in its place; at the end
 * the rest come out in random order. An item can therefore come out any number of places later than its turn,
 * but at most {@code window - 1} places earlier. A window of 0 or 1 keeps the order.
 */
final class ShuffleBuffer<T> {
  private final int window;
  private final SplittableRandom rng;
  private final List<T> held;

  ShuffleBuffer(int window, SplittableRandom rng) {
    this.window = Math.max(window, 1);
    this.rng = rng;
    this.held = new ArrayList<>(this.window);
  }

  void offer(T item, Consumer<T> out) {
    if (window == 1) {
      out.accept(item);
    } else if (held.size() < window) {
      held.add(item);
    } else {
      int i = rng.nextInt(window);
      out.accept(held.get(i));
      held.set(i, item);
    }
  }

  void drain(Consumer<T> out) {
    while (!held.isEmpty()) {
      int i = rng.nextInt(held.size());
      T item = held.get(i);
      held.set(i, held.get(held.size() - 1));
      held.remove(held.size() - 1);
      out.accept(item);
    }
  }
}
