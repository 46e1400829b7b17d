package io.tickwire.router;

import io.tickwire.codecs.V1Json;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.PerSecondSampler;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rejected events: every one is counted by reason; at most {@code samplesPerSecond} a second are published on
 * {@link Addresses#DLQ} as {@code {"reason":..., "event":{v1 event}}} for a human to look at. Sampling keeps a
 * flood of bad data from turning into a flood of dead letters.
 */
public final class DeadLetters {
  static final String COMPONENT = "router";

  private final Vertx vertx;
  private final Metrics metrics;
  private final PerSecondSampler sampler;
  private final Map<String, Long> rejected = new TreeMap<>();
  /** {@code tickwire_errors_total} by reason, looked up here so a flood of bad events builds no meter keys. */
  private final Map<String, LongAdder> errorCounts = new HashMap<>();

  /** @param metrics where each rejection is also counted, as {@code tickwire_errors_total{component="router"}} */
  public DeadLetters(Vertx vertx, int samplesPerSecond, Metrics metrics) {
    this.vertx = vertx;
    this.sampler = new PerSecondSampler(samplesPerSecond);
    this.metrics = metrics;
  }

  public void reject(MarketEvent event, String reason) {
    rejected.merge(reason, 1L, Long::sum);
    errorCounts.computeIfAbsent(reason, r -> metrics.errorCount(COMPONENT, r)).increment();
    if (sampler.admit()) {
      vertx.eventBus().publish(Addresses.DLQ, new JsonObject()
          .put("reason", reason)
          .put("event", new JsonObject(V1Json.toJson(event))));
    }
  }

  /** Rejections so far by reason. */
  public Map<String, Long> rejected() {
    return Map.copyOf(rejected);
  }

  public long total() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }
}
