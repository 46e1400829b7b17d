package io.tickwire.web;

import io.tickwire.config.Settings;
import io.tickwire.config.WebSettings;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleStore;
import io.tickwire.metrics.Metrics;
import io.tickwire.recorder.IncidentStore;
import io.tickwire.store.BarStore;
import io.tickwire.store.InfoBarStore;
import io.tickwire.store.Database;
import io.tickwire.store.IvSurfaceStore;
import io.tickwire.store.CoverageStore;
import io.tickwire.store.SignalStore;
import io.tickwire.store.SpotMidStore;
import io.tickwire.web.dashboard.Dashboard;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The node's HTTP face: {@code /live}, {@code /health}, {@code /ready}, {@code /metrics} (as on every node, see
 * {@link OpsEndpoints}), the REST API, the dashboard WebSocket ({@code /ws}) and the dashboard's files. It only
 * builds the resources (bars, signals, spot mids, volatility surfaces, rules, incidents, catalog, dashboard),
 * mounts them, and runs the server on {@code web.host}:{@code web.port}; each resource registers its own routes.
 */
public final class WebVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(WebVerticle.class.getName());
  static final String HEALTH_NAME = "web";
  /** The environment variable that, when set, is the API token (no file is kept then). */
  public static final String API_TOKEN_ENV = ApiToken.ENV;

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final Function<String, String> environment;
  private final OpsEndpoints ops;
  private Dashboard dashboard;
  private long healthTimer = -1;
  /** Evictions as of the last health report, for the metrics scrape on another thread. */
  private volatile long featureEvictionsSeen;
  private volatile ApiToken token;

  /** @param database null when the node has none; the database endpoints then answer 503 */
  public WebVerticle(StageContext context, Database database) {
    this(context, database, System::getenv);
  }

  /** @param environment where {@code TICKWIRE_API_TOKEN} is read from (tests pass their own) */
  public WebVerticle(StageContext context, Database database, Function<String, String> environment) {
    this.settings = context.settings();
    this.database = database;
    this.health = context.health();
    this.metrics = context.metrics();
    this.ops = new OpsEndpoints(health, metrics);
    this.environment = environment;
  }

  @Override
  public Future<?> start() {
    return Dashboard.start(vertx, settings, health, metrics).onSuccess(started -> dashboard = started)
        .compose(d -> ApiToken.load(vertx, Path.of(settings.dataDir()), environment))
        .onSuccess(loaded -> token = loaded)
        .compose(token -> LatestFeatures.subscribe(vertx, settings.router().maxSymbols())
            .map(features -> routes(token, reportHealth(features))))
        .compose(this::listen)
        .onSuccess(this::started);
  }

  /** The latest-features cache is the web node's one per-symbol structure; its size and evictions go to /health. */
  private LatestFeatures reportHealth(LatestFeatures features) {
    metrics.evictions("web_latest_features", () -> featureEvictionsSeen);
    healthTimer = HealthReports.every(vertx, health, () -> {
      featureEvictionsSeen = features.evictions();
      return ComponentHealth.ok(HEALTH_NAME, "latest features of " + features.symbols() + " symbols",
          Map.of("latest_feature_symbols", features.symbols(), "latest_feature_symbols_max",
              settings.router().maxSymbols(), "latest_feature_evictions", features.evictions()));
    });
    return features;
  }

  private Future<HttpServer> listen(Router router) {
    WebSettings web = settings.web();
    return ops.listen(vertx, web, Dashboard.limitFrames(new HttpServerOptions(), web.ws()), router);
  }

  /**
   * Vert.x tries routes in the order they are added: the probes stay open, the read check runs before what it
   * guards, and the dashboard's catch-all comes last.
   */
  private Router routes(ApiToken token, LatestFeatures features) {
    Router router = Router.router(vertx);
    ops.mount(router);
    guardReads(router, token);
    new BarsResource(settings.batcher(), database == null ? null : new BarStore(database.apiPool()),
        database == null ? null : new InfoBarStore(database.apiPool()))
        .mount(router);
    new SignalsResource(database == null ? null : new SignalStore(database.apiPool())).mount(router);
    new MidResource(database == null ? null : new SpotMidStore(database.apiPool())).mount(router);
    new IvSurfaceResource(database == null ? null : new IvSurfaceStore(database.apiPool())).mount(router);
    new CoverageResource(database == null ? null : new CoverageStore(database.apiPool())).mount(router);
    rules(token, features).mount(router);
    new IncidentsResource(vertx, new IncidentStore(settings.incidentsDir())).mount(router);
    new CatalogResource(settings).mount(router);
    new DashboardResource(dashboard).mount(router);
    Replies.installErrorPages(router, RulesResource.BODY_LIMIT);
    return router;
  }

  /** Before the routes it guards (after the open /live, /health, /ready, /metrics), when a read token is set. */
  private void guardReads(Router router, ApiToken token) {
    if (settings.web().readToken() != null) {
      Handler<RoutingContext> auth = BearerAuth.reads(settings.web().readToken(), token);
      router.get("/api/*").handler(auth);
      router.get(Dashboard.PATH).handler(auth);
    }
  }

  private RulesResource rules(ApiToken token, LatestFeatures features) {
    RuleStore store = database == null ? null : new RuleStore(database.apiPool());
    RuleCompiler compiler = new RuleCompiler(InferenceVerticle.featureNames(settings),
        settings.rules().maxConditionLength());
    return new RulesResource(store, compiler, features, vertx.eventBus(), token);
  }

  private void started(HttpServer listening) {
    LOG.log(System.Logger.Level.INFO, "HTTP on {0}:{1,number,#}", settings.web().host(), listening.actualPort());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    if (dashboard != null) {
      dashboard.stop();
    }
    return ops.stop();
  }

  /** The port the server listens on (the ephemeral one when {@code web.port} is 0). */
  public int actualPort() {
    return ops.actualPort();
  }

  /** The file the API token is kept in (absolute), or null when it comes from {@value ApiToken#ENV}. */
  public Path apiTokenFile() {
    if (token == null) {
      throw new IllegalStateException("the web verticle has not started");
    }
    return token.file();
  }
}
