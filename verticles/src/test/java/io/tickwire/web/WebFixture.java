package io.tickwire.web;

import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.health.HealthRegistry;
import io.tickwire.sink.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deployed {@link WebVerticle} on an ephemeral loopback port, with or without a real PostgreSQL (a fresh schema
 * of the test server, migrated by {@link Database#open}). Everything it starts belongs to the test's Vertx and
 * goes away when that closes.
 */
final class WebFixture {
  /** Fixed rather than the defaults, so the interval tests do not depend on conf/tickwire.yaml. */
  static final String INTERVALS = "[1s,10s,1m]";

  final TestDatabase db;
  final Database database;
  final HealthRegistry health = new HealthRegistry();
  final WebVerticle web;

  private WebFixture(Vertx vertx, TestDatabase db) {
    this.db = db;
    Settings settings = settings(vertx, db);
    this.database = db == null ? null : Await.result(Database.open(vertx, settings));
    this.web = new WebVerticle(settings, database, health);
    Await.result(vertx.deployVerticle(web));
  }

  static WebFixture withDatabase(Vertx vertx) {
    return new WebFixture(vertx, TestDatabase.fresh());
  }

  static WebFixture withoutDatabase(Vertx vertx) {
    return new WebFixture(vertx, null);
  }

  private static Settings settings(Vertx vertx, TestDatabase db) {
    List<String> overrides = new ArrayList<>(List.of("web.host=127.0.0.1", "web.port=0",
        "batcher.intervals=" + INTERVALS));
    if (db != null) {
      overrides.addAll(db.settings());
    }
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), overrides)));
  }

  HttpProbe.Reply get(String pathAndQuery) {
    return HttpProbe.get(web.actualPort(), pathAndQuery);
  }
}
