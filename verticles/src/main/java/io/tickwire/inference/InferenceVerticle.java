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
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the rules (and the optional model) over every feature snapshot on {@code md.features} and sends what
 * fires as a {@link SignalBatch} on {@code md.signals}. The rules come over the event bus, never from a database:
 * the persist role's {@link RuleCatalogVerticle} publishes the catalog on {@link Addresses#RULES_CATALOG} after
 * every change, and this stage asks for it on {@link Addresses#RULES_CATALOG_REQUEST} until it has one (the
 * persist node may start later). Every catalog received is confirmed on {@link Addresses#RULES_APPLIED} with this
 * node's name and the version now running, which {@code /api/rules} shows. A batch is acknowledged once its
 * signals are admitted downstream, so a slow signal consumer holds back the features link.
 */
public final class InferenceVerticle extends VerticleBase {
  public static final String GROUP = "inference";
  /** How often a stage without a catalog asks for one again. */
  static final long CATALOG_RETRY_MS = 1_000;
  private static final System.Logger LOG = System.getLogger(InferenceVerticle.class.getName());

  private final Settings settings;
  private final String nodeName;
  private final Topology topology;
  private final ModelAdapter givenModel;
  private final HealthRegistry health;
  private final Metrics metrics;
  private long healthTimer = -1;
  private long signalsFired;
  private final RuleEngine engine;
  /** Edge evictions as of the last health report, for the metrics scrape on another thread. */
  private volatile long edgeEvictionsSeen;
  private RuleCatalog catalog;
  /** The version of the catalog in force; null until the first arrives. */
  private String catalogVersion;
  private int rulesSkipped;
  private long catalogsRejected;
  private ModelGate model;
  private Outlet<SignalBatch> signals;
  private Timer evaluationTime;
  private Future<Void> previous = Future.succeededFuture();
  private long retryTimer = -1;

  /** @param nodeName how this node is named in its confirmations (its cluster node id, or {@code local}) */
  public InferenceVerticle(StageContext context, String nodeName) {
    this(context, nodeName, null);
  }

  /** With {@code model} in place of {@code inference.model} (null: read the configured one, if any). */
  InferenceVerticle(StageContext context, String nodeName, ModelAdapter model) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.nodeName = nodeName;
    this.givenModel = model;
    this.engine = new RuleEngine(settings.router().maxSymbols());
  }

  @Override
  public Future<?> start() {
    catalog = new RuleCatalog(new RuleCompiler(featureNames(settings), settings.rules().maxConditionLength()));
    signals = new Outlet<>(vertx, Addresses.SIGNALS, topology);
    metrics.evictions("inference_edges", () -> edgeEvictionsSeen);
    evaluationTime = metrics.timer(Metrics.INFERENCE_EVALUATION, "Time to evaluate every rule on one batch"
        + " of feature snapshots (the model scores asynchronously and is not included)");
    return vertx.eventBus().consumer(Addresses.RULES_CATALOG, m -> apply(m.body())).completion()
        .compose(v -> askForCatalog())
        .compose(v -> loadModel())
        .compose(v -> CreditReceiver.<FeatureBatch>bindLocal(vertx, Addresses.inbox(Addresses.FEATURES, GROUP),
            this::handle, metrics))
        .onSuccess(v -> {
          retryTimer = vertx.setPeriodic(CATALOG_RETRY_MS, id -> {
            if (catalogVersion == null) {
              askForCatalog();
            }
          });
          healthTimer = HealthReports.every(vertx, health, this::healthNow);
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(retryTimer);
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

  /**
   * Asks the persist role for the catalog. Never fails: with no answer (no persist node yet) the stage starts
   * without rules and the retry timer asks again.
   */
  private Future<Void> askForCatalog() {
    return vertx.eventBus().request(Addresses.RULES_CATALOG_REQUEST, null)
        .onSuccess(reply -> apply(reply.body()))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }

  /**
   * Puts a catalog in force (compiling only the rules that changed) and confirms its version. A message that is
   * not a catalog is counted and logged, and the rules in force stay.
   */
  private void apply(Object message) {
    CatalogSource source;
    try {
      if (!(message instanceof JsonObject json)) {
        throw new RuleFormatException("catalog", "is not a JSON object");
      }
      source = CatalogSource.fromJson(json);
    } catch (RuntimeException e) {
      catalogsRejected++;
      LOG.log(System.Logger.Level.WARNING, "ignoring a rules catalog that cannot be read: {0}", e.getMessage());
      return;
    }
    if (!source.version().equals(catalogVersion)) {
      List<CompiledRule> compiled = catalog.compile(source.rules());
      engine.replace(compiled);
      rulesSkipped = source.rules().size() - compiled.size();
      LOG.log(catalogVersion == null ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
          "running rules catalog {0}: {1} rules", source.version(), compiled.size());
      catalogVersion = source.version();
    }
    vertx.eventBus().publish(Addresses.RULES_APPLIED, new JsonObject().put("node", nodeName)
        .put("version", catalogVersion).put("rules", engine.rules().size()).put("skipped", rulesSkipped));
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
    String rules = catalogVersion == null ? "no rules catalog yet (waiting for a node with the persist role)"
        : "rules " + engine.rules().size() + " (catalog " + catalogVersion + ")";
    return new ComponentHealth("inference", modelDown ? Status.DEGRADED : Status.OK,
        rules + ", model " + breaker,
        java.util.Map.of("rules", engine.rules().size(), "signals", signalsFired, "edge_keys", engine.edgeKeys(),
            "edge_keys_max", settings.router().maxSymbols(), "edge_evictions", edgeEvictions,
            "catalogs_rejected", catalogsRejected));
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
