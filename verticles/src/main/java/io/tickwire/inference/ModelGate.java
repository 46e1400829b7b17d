package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ModelAdapter} over a batch of snapshots on a small dedicated worker pool (a hung model cannot
 * starve the shared workers), bounded by a timeout and behind a circuit breaker. A failure, a timeout or an open
 * breaker yields no model signals for that batch, so the rules alone decide; the breaker half-opens after
 * {@code resetTimeoutMs} and closes on the next success. Model signals fire on the upward crossing of the
 * threshold, with the same edge semantics as rules and no cooldown. Batches must be evaluated one after the
 * other (the verticle chains them) so the edge state sees snapshots in order.
 */
public final class ModelGate {
  public static final int MAX_FAILURES = 5;
  public static final long RESET_TIMEOUT_MS = 10_000;
  private static final System.Logger LOG = System.getLogger(ModelGate.class.getName());

  private final ModelAdapter model;
  private final WorkerExecutor workers;
  private final CircuitBreaker breaker;
  private final EdgeTracker edges;

  /** @param maxKeys (venue, symbol) keys whose edges are tracked; the least recently scored beyond it is dropped */
  public ModelGate(Vertx vertx, ModelAdapter model, long timeoutMs, int maxKeys) {
    this(vertx, model, timeoutMs, MAX_FAILURES, RESET_TIMEOUT_MS, maxKeys);
  }

  public ModelGate(Vertx vertx, ModelAdapter model, long timeoutMs) {
    this(vertx, model, timeoutMs, EdgeTracker.DEFAULT_MAX_KEYS);
  }

  public ModelGate(Vertx vertx, ModelAdapter model, long timeoutMs, int maxFailures, long resetTimeoutMs) {
    this(vertx, model, timeoutMs, maxFailures, resetTimeoutMs, EdgeTracker.DEFAULT_MAX_KEYS);
  }

  private ModelGate(Vertx vertx, ModelAdapter model, long timeoutMs, int maxFailures, long resetTimeoutMs,
      int maxKeys) {
    this.edges = new EdgeTracker(maxKeys);
    this.model = model;
    this.workers = vertx.createSharedWorkerExecutor("tickwire-model-" + model.name(), 2);
    this.breaker = CircuitBreaker.create("model-" + model.name(), vertx, new CircuitBreakerOptions()
        .setTimeout(timeoutMs).setMaxFailures(maxFailures).setResetTimeout(resetTimeoutMs)
        .setNotificationAddress(null))
        .openHandler(v -> LOG.log(System.Logger.Level.WARNING, "model {0}: circuit open, rules alone decide",
            model.name()))
        .closeHandler(v -> LOG.log(System.Logger.Level.INFO, "model {0}: circuit closed", model.name()));
  }

  /** Keys dropped from the model's edge tracker so far. */
  public long edgeEvictions() {
    return edges.evictions();
  }

  public CircuitBreakerState state() {
    return breaker.state();
  }

  /** The model's signals for this batch; never fails. */
  public Future<List<Signal>> evaluate(List<FeatureSnapshot> snapshots) {
    List<FeatureSnapshot> scorable = scorable(snapshots);
    if (scorable.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return breaker.<double[]>execute(() -> workers.executeBlocking(() -> scores(scorable), false))
        .map(scores -> crossings(scorable, scores))
        .otherwise(List.of());
  }

  public Future<Void> close() {
    breaker.close();
    return workers.close();
  }

  private List<FeatureSnapshot> scorable(List<FeatureSnapshot> snapshots) {
    List<FeatureSnapshot> out = new ArrayList<>(snapshots.size());
    for (FeatureSnapshot snapshot : snapshots) {
      if (snapshot.features().keySet().containsAll(model.features())) {
        out.add(snapshot);
      }
    }
    return out;
  }

  private double[] scores(List<FeatureSnapshot> snapshots) {
    double[] out = new double[snapshots.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.score(snapshots.get(i));
    }
    return out;
  }

  private List<Signal> crossings(List<FeatureSnapshot> snapshots, double[] scores) {
    List<Signal> fired = new ArrayList<>(0);
    for (int i = 0; i < scores.length; i++) {
      FeatureSnapshot s = snapshots.get(i);
      if (Double.isFinite(scores[i])
          && EdgeTracker.observe(edges.row(s.venue(), s.symbol()), 0, scores[i] > model.threshold(), s.ts(), 0)) {
        fired.add(signal(s, scores[i]));
      }
    }
    return fired;
  }

  private Signal signal(FeatureSnapshot snapshot, double p) {
    Map<String, Object> used = new LinkedHashMap<>();
    for (String name : model.features()) {
      used.put(name, snapshot.features().get(name));
    }
    return new Signal(snapshot.venue(), snapshot.symbol(), snapshot.ts(), model.name(), p, p,
        Map.of("model", model.name(), "price", snapshot.price(), "features", used));
  }
}
