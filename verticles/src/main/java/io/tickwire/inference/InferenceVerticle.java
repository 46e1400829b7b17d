package io.tickwire.inference;

import io.micrometer.core.instrument.Timer;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.metrics.Metrics;
import io.tickwire.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the rules (and the optional model) over every feature snapshot on {@code md.features} and sends what
 * fires as a {@link SignalBatch} on {@code md.signals}. The {@code rules} table is the source of truth: seeded once
 * from {@code rules.seed}, reloaded on every {@link Addresses#RULES_CHANGED} notice (the API publishes one per
 * change, so every instance sees it within the event-bus latency) and every {@link #SAFETY_RELOAD_MS} in case a
 * notice was lost. A batch is acknowledged once its signals are admitted downstream, so a slow signal consumer
 * holds back the features link.
 */
public final class InferenceVerticle extends VerticleBase {
  public static final String GROUP = "inference";
  static final long SAFETY_RELOAD_MS = 30_000;
  private static final System.Logger LOG = System.getLogger(InferenceVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final Topology topology;
  private final ModelAdapter givenModel;
  private final HealthRegistry health;
  private final Metrics metrics;
  private long healthTimer = -1;
  private long signalsFired;
  private final RuleEngine engine;
  /** Edge evictions as of the last health report, for the metrics scrape on another thread. */
  private volatile long edgeEvictionsSeen;
  private RuleStore store;
  private RuleCatalog catalog;
  private ModelGate model;
  private Outlet<SignalBatch> signals;
  private Timer evaluationTime;
  private Future<Void> previous = Future.succeededFuture();
  private Future<Void> reloading = Future.succeededFuture();
  private boolean reloadInFlight;
  private boolean reloadAgain;
  private long reloadTimer = -1;

  public InferenceVerticle(StageContext context, Database database) {
    this(context, database, null);
  }

  /** With {@code model} in place of {@code inference.model} (null: read the configured one, if any). */
  InferenceVerticle(StageContext context, Database database, ModelAdapter model) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.database = database;
    this.givenModel = model;
    this.engine = new RuleEngine(settings.router().maxSymbols());
  }

  @Override
  public Future<?> start() {
    store = new RuleStore(database.pool());
    catalog = new RuleCatalog(new RuleCompiler(featureNames(settings), settings.rules().maxConditionLength()));
    signals = new Outlet<>(vertx, Addresses.SIGNALS, topology);
    metrics.evictions("inference_edges", () -> edgeEvictionsSeen);
    evaluationTime = metrics.timer(Metrics.INFERENCE_EVALUATION, "Time to evaluate every rule on one batch"
        + " of feature snapshots (the model scores asynchronously and is not included)");
    return seed()
        .compose(v -> reload())
        .compose(v -> loadModel())
        .compose(v -> vertx.eventBus().consumer(Addresses.RULES_CHANGED, notice -> reload()).completion())
        .compose(v -> CreditReceiver.<FeatureBatch>bindLocal(vertx, Addresses.inbox(Addresses.FEATURES, GROUP),
            this::handle, metrics))
        .onSuccess(v -> {
          reloadTimer = vertx.setPeriodic(SAFETY_RELOAD_MS, id -> reload());
          healthTimer = HealthReports.every(vertx, health, this::healthNow);
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reloadTimer);
    vertx.cancelTimer(healthTimer);
    Future<Void> drained = previous.transform(v -> signals.drained());
    return model == null ? drained : drained.eventually(() -> model.close());
  }

  /**
   * The feature names: the variables a rule condition may use besides price, symbol and venue. The configured
   * windows, the order-book features that snapshots carry when the symbol has a recent book, and the spot-mid
   * features that snapshots of a {@code derived.spot_mid} asset's symbols carry when it has a recent sample, and
   * with {@code batcher.info_bars} the information-bar features ({@code volume_bar_close} ...).
   */
  public static List<String> featureNames(Settings settings) {
    List<String> names = new ArrayList<>();
    settings.features().windows().forEach(w -> names.add(w.name()));
    names.addAll(BookSnapshot.FEATURE_NAMES);
    names.addAll(SpotMid.FEATURE_NAMES);
    if (!settings.batcher().shapes().infoBars().isEmpty()) {
      names.addAll(InfoBar.FEATURE_NAMES);
    }
    return List.copyOf(names);
  }

  private Future<Void> seed() {
    String location = settings.rules().seed();
    if (location == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> SeedRules.load(location))
        .compose(rules -> store.seedOnce(rules))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.log(System.Logger.Level.INFO, "seeded {0} rules from {1}", n, location);
          }
        })
        .mapEmpty();
  }

  /**
   * Reloads the rules table. One read at a time, so an older read can never overwrite a newer one; notices that
   * arrive meanwhile coalesce into one more read after it (a burst of changes costs two reads, not one each).
   * A failed reload keeps the rules in force until the next notice or timer.
   */
  private Future<Void> reload() {
    if (reloadInFlight) {
      reloadAgain = true;
      return reloading;
    }
    reloadInFlight = true;
    reloadAgain = false;
    reloading = store.all()
        .onSuccess(rules -> engine.replace(catalog.compile(rules)))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "cannot reload the rules: {0}", e.getMessage()))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture())
        .compose(v -> {
          reloadInFlight = false;
          return reloadAgain ? reload() : Future.<Void>succeededFuture();
        });
    return reloading;
  }

  private Future<Void> loadModel() {
    String file = settings.inference().model();
    if (givenModel == null && file == null) {
      return Future.succeededFuture();
    }
    Future<ModelAdapter> adapter = givenModel != null ? Future.succeededFuture(givenModel)
        : vertx.executeBlocking(() -> LogisticRegressionModel.load(Path.of(file)));
    return adapter
        .onSuccess(m -> model = new ModelGate(vertx, m, settings.inference().modelTimeoutMs(),
            settings.router().maxSymbols()))
        .mapEmpty();
  }

  /**
   * Rules are evaluated at once (in arrival order); model scoring is asynchronous, so sending is chained behind the
   * previous batch to keep signals in stream order.
   */
  private Future<Void> handle(FeatureBatch batch) {
    long startNanos = System.nanoTime();
    List<Signal> fromRules = engine.evaluateAll(batch.items());
    evaluationTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    Future<Void> done = previous
        .transform(v -> model == null ? Future.succeededFuture(List.<Signal>of()) : model.evaluate(batch.items()))
        .compose(fromModel -> emit(concat(fromRules, fromModel)));
    previous = done;
    return done;
  }

  /** Degraded while the model's breaker is not closed: the rules alone decide then. */
  private ComponentHealth healthNow() {
    String breaker = model == null ? "none" : String.valueOf(model.state()).toLowerCase(java.util.Locale.ROOT);
    boolean modelDown = model != null && !breaker.equals("closed");
    long edgeEvictions = engine.edgeEvictions() + (model == null ? 0 : model.edgeEvictions());
    edgeEvictionsSeen = edgeEvictions;
    return new ComponentHealth("inference", modelDown ? Status.DEGRADED : Status.OK,
        "rules " + engine.rules().size() + ", model " + breaker,
        java.util.Map.of("rules", engine.rules().size(), "signals", signalsFired, "edge_keys", engine.edgeKeys(),
            "edge_keys_max", settings.router().maxSymbols(), "edge_evictions", edgeEvictions));
  }

  private Future<Void> emit(List<Signal> fired) {
    signalsFired += fired.size();
    fired.forEach(signal -> metrics.signalFired(signal.name()));
    return fired.isEmpty() ? Future.succeededFuture() : signals.send(new SignalBatch(fired));
  }

  private static List<Signal> concat(List<Signal> a, List<Signal> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<Signal> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
