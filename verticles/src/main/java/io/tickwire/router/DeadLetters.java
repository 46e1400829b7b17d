package io.tickwire.router;

import io.tickwire.codecs.V1Json;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.PerSecondSampler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejected events: every one is counted by reason; at most {@code samplesPerSecond} a second are published on
 * {@link Addresses#DLQ} as {@code {"reason":..., "event":{v1 event}}} for a human to look at. Sampling keeps a
 * flood of bad data from turning into a flood of dead letters.
 */
public final class DeadLetters {
  private final Vertx vertx;
  private final PerSecondSampler sampler;
  private final Map<String, Long> rejected = new TreeMap<>();

  public DeadLetters(Vertx vertx, int samplesPerSecond) {
    this.vertx = vertx;
    this.sampler = new PerSecondSampler(samplesPerSecond);
  }

  public void reject(MarketEvent event, String reason) {
    rejected.merge(reason, 1L, Long::sum);
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
