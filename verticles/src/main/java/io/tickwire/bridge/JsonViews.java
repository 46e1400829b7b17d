package io.tickwire.bridge;

import io.tickwire.codecs.Batch;
import io.tickwire.codecs.V1Json;
import io.tickwire.flow.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON views of binary topics for bridge clients ({@link Addresses#jsonView}): while at least one client
 * subscribes to a view, this node observes the topic and republishes each record of each batch as a v1 JSON object
 * on the view, on this node only (the bridge's clients are here). With no subscriber the topic is not observed at
 * all, so an idle bridge costs nothing. Used on the bridge's event loop only.
 */
final class JsonViews {
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;
  private final Map<String, Integer> subscribers = new HashMap<>();
  private final Map<String, MessageConsumer<Object>> observers = new HashMap<>();
  /** Read by health and tests on other threads; the maps are the event loop's alone. */
  private volatile int observedCount;
  private volatile long published;

  JsonViews(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The topic a view address shows, or null when {@code view} is not one a client may subscribe to. */
  static String topicOf(String view) {
    for (String topic : Addresses.BRIDGE_OUTBOUND) {
      if (Addresses.jsonView(topic).equals(view)) {
        return topic;
      }
    }
    return null;
  }

  /** One more client subscribes to {@code topic}'s view: the first starts observing the topic. */
  void subscribed(String topic) {
    if (subscribers.merge(topic, 1, Integer::sum) == 1 && !Addresses.jsonView(topic).equals(topic)) {
      observers.put(topic, vertx.eventBus().consumer(topic, m -> republish(topic, m.body())));
      observedCount = observers.size();
    }
  }

  /** One client fewer: the last stops observing. */
  void unsubscribed(String topic) {
    Integer left = subscribers.computeIfPresent(topic, (t, n) -> n == 1 ? null : n - 1);
    if (left == null) {
      MessageConsumer<Object> observer = observers.remove(topic);
      if (observer != null) {
        observer.unregister();
      }
      observedCount = observers.size();
    }
  }

  /** Topics observed now (for health and tests). */
  int observed() {
    return observedCount;
  }

  long published() {
    return published;
  }

  private void republish(String topic, Object body) {
    if (!(body instanceof Batch<?> batch)) {
      return; // only batches travel on these topics
    }
    String view = Addresses.jsonView(topic);
    for (Object record : batch.items()) {
      vertx.eventBus().publish(view, new JsonObject(V1Json.toJson(record)), LOCAL);
      published++;
    }
  }

  void close() {
    observers.values().forEach(MessageConsumer::unregister);
    observers.clear();
    subscribers.clear();
    observedCount = 0;
  }
}
