package io.tickwire.inference;

import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The rules' home, on the persist role: the only stage that reads the {@code rules} table. It seeds the table once
 * from {@code rules.seed}, and publishes the catalog ({@link CatalogSource}) on {@link Addresses#RULES_CATALOG} at
 * start-up, after every {@link Addresses#RULES_CHANGED} notice and every {@link #REPUBLISH_MS} (in case a notice or
 * a catalog was lost); it answers {@link Addresses#RULES_CATALOG_REQUEST} for an inference stage that starts later.
 * The inference stages, wherever they run, confirm each catalog on {@link Addresses#RULES_APPLIED}; this stage
 * keeps those confirmations and answers {@link Addresses#RULES_STATUS} with them, so compute nodes need no database.
 */
public final class RuleCatalogVerticle extends VerticleBase {
  /** Also how often every inference stage re-confirms: a node silent for three of these has left. */
  static final long REPUBLISH_MS = 30_000;
  /** More nodes than any tickwire cluster has; bounds the confirmations kept whatever arrives. */
  static final int MAX_NODES = 1024;
  private static final System.Logger LOG = System.getLogger(RuleCatalogVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private final CatalogConfirmations confirmations = new CatalogConfirmations(MAX_NODES, 3 * REPUBLISH_MS);
  private RuleStore store;
  private CatalogSource catalog;
  private boolean loadInFlight;
  private boolean loadAgain;
  private Future<Void> loading = Future.succeededFuture();
  private long republishTimer = -1;
  private long healthTimer = -1;

  public RuleCatalogVerticle(StageContext context, Database database) {
    this.settings = context.settings();
    this.health = context.health();
    this.database = database;
  }

  @Override
  public Future<?> start() {
    store = new RuleStore(database.pool());
    return seed()
        .compose(v -> loadAndPublish())
        .compose(v -> vertx.eventBus().consumer(Addresses.RULES_CHANGED, notice -> loadAndPublish()).completion())
        .compose(v -> vertx.eventBus().consumer(Addresses.RULES_CATALOG_REQUEST, this::answerCatalog).completion())
        .compose(v -> vertx.eventBus().consumer(Addresses.RULES_APPLIED,
            m -> confirmations.record(m.body(), System.currentTimeMillis())).completion())
        .compose(v -> vertx.eventBus().consumer(Addresses.RULES_STATUS, this::answerStatus).completion())
        .onSuccess(v -> {
          republishTimer = vertx.setPeriodic(REPUBLISH_MS, id -> loadAndPublish());
          healthTimer = HealthReports.every(vertx, health, this::healthNow);
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(republishTimer);
    vertx.cancelTimer(healthTimer);
    return Future.succeededFuture();
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
   * Reads the table and publishes it. One read at a time, so an older read can never be published after a newer
   * one; notices that arrive meanwhile coalesce into one more read after it. A failed read keeps the catalog in
   * force until the next notice or timer.
   */
  private Future<Void> loadAndPublish() {
    if (loadInFlight) {
      loadAgain = true;
      return loading;
    }
    loadInFlight = true;
    loadAgain = false;
    loading = store.all()
        .onSuccess(rules -> publish(CatalogSource.of(rules)))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "cannot read the rules: {0}", e.getMessage()))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture())
        .compose(v -> {
          loadInFlight = false;
          return loadAgain ? loadAndPublish() : Future.<Void>succeededFuture();
        });
    return loading;
  }

  private void publish(CatalogSource next) {
    if (catalog == null || !catalog.version().equals(next.version())) {
      LOG.log(System.Logger.Level.INFO, "rules catalog {0}: {1} rules", next.version(), next.rules().size());
    }
    catalog = next;
    vertx.eventBus().publish(Addresses.RULES_CATALOG, next.toJson());
  }

  private void answerCatalog(Message<Object> request) {
    if (catalog == null) {
      request.fail(503, "the rules table has not been read yet");
    } else {
      request.reply(catalog.toJson());
    }
  }

  private void answerStatus(Message<Object> request) {
    request.reply(confirmations.toJson(catalog == null ? null : catalog.version(), System.currentTimeMillis()));
  }

  /** Degraded while the table could not be read: compute nodes then have no rules to run. */
  private ComponentHealth healthNow() {
    int nodes = confirmations.current(System.currentTimeMillis()).size();
    if (catalog == null) {
      return new ComponentHealth("rules", Status.DEGRADED, "the rules table has not been read yet",
          Map.of("nodes", nodes));
    }
    return ComponentHealth.ok("rules", "catalog " + catalog.version() + ", " + catalog.rules().size() + " rules, "
        + nodes + " inference nodes confirmed", Map.of("rules", catalog.rules().size(), "nodes", nodes));
  }
}
