package io.tickwire.flow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a stage sends one topic: a lossless {@link CreditSender} per consumer group named by the
 * {@link Topology}, plus a best-effort publish on the topic itself for observers (dashboard, tail). The future
 * of {@link #send} completes when every group has admitted the batch.
 */
public final class Outlet<T> {
  private final Vertx vertx;
  private final String topic;
  private final List<CreditSender<T>> groups;
  private final boolean publish;

  public Outlet(Vertx vertx, String topic, Topology topology) {
    this.vertx = vertx;
    this.topic = topic;
    this.publish = topology.publishToObservers();
    this.groups = new ArrayList<>();
    for (String group : topology.groupsFor(topic)) {
      groups.add(new CreditSender<>(vertx, Addresses.inbox(topic, group), topology.creditWindow(group),
          topology.sendTimeoutMs()));
    }
  }

  public Future<Void> send(T batch) {
    if (publish) {
      vertx.eventBus().publish(topic, batch);
    }
    if (groups.size() == 1) {
      return groups.get(0).send(batch);
    }
    List<Future<Void>> admitted = new ArrayList<>(groups.size());
    for (CreditSender<T> group : groups) {
      admitted.add(group.send(batch));
    }
    return Future.all(admitted).mapEmpty();
  }

  /** Completes when every group has acknowledged everything sent so far. */
  public Future<Void> drained() {
    List<Future<Void>> all = new ArrayList<>(groups.size());
    for (CreditSender<T> group : groups) {
      all.add(group.drained());
    }
    return Future.all(all).mapEmpty();
  }

  /** True when any group's consumer is behind (its window full or batches waiting). */
  public boolean saturated() {
    for (CreditSender<T> group : groups) {
      if (group.saturated()) {
        return true;
      }
    }
    return false;
  }

  /** Completes when every outlet has drained. */
  public static Future<Void> drainedAll(Iterable<? extends Outlet<?>> outlets) {
    List<Future<Void>> all = new ArrayList<>();
    for (Outlet<?> outlet : outlets) {
      all.add(outlet.drained());
    }
    return Future.all(all).mapEmpty();
  }
}
