package io.tickwire.web;

import io.tickwire.codecs.Codecs;
import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.health.HealthRegistry;
import io.tickwire.store.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deployed {@link WebVerticle} on an ephemeral loopback port, with or without a real PostgreSQL (a fresh schema
 * of the test server, migrated by {@link Database#open}). Everything it starts belongs to the test's Vertx and
 * goes away when that closes. Its data directory is a fresh temporary one, and unless a test asks otherwise the
 * API token is {@link #TOKEN}, given as if by the environment.
 */
final class WebFixture {
  /** Fixed rather than the defaults, so the interval tests do not depend on conf/tickwire.yaml. */
  static final String INTERVALS = "[1s,10s,1m]";
  static final String TOKEN = "test-token-0123456789-0123456789-0123456789";

  final TestDatabase db;
  final Database database;
  final HealthRegistry health = new HealthRegistry();
  final Path dataDir;
  final WebVerticle web;

  private WebFixture(Vertx vertx, TestDatabase db, Path dataDir, Map<String, String> environment,
      List<String> overrides) {
    this.db = db;
    this.dataDir = dataDir;
    Codecs.register(vertx);
    Settings settings = settings(vertx, db, dataDir, overrides);
    this.database = db == null ? null : Await.result(Database.open(vertx, settings));
    this.web = new WebVerticle(Pipelines.context(settings, health), database, environment::get);
    Await.result(vertx.deployVerticle(web));
  }

  static WebFixture withDatabase(Vertx vertx) {
    return new WebFixture(vertx, TestDatabase.fresh(), temporaryDirectory(), Map.of(ApiToken.ENV, TOKEN), List.of());
  }

  /** A fresh database, with config overrides (e.g. batcher.info_bars). */
  static WebFixture withDatabase(Vertx vertx, String... overrides) {
    return new WebFixture(vertx, TestDatabase.fresh(), temporaryDirectory(), Map.of(ApiToken.ENV, TOKEN),
        List.of(overrides));
  }

  static WebFixture withoutDatabase(Vertx vertx) {
    return new WebFixture(vertx, null, temporaryDirectory(), Map.of(ApiToken.ENV, TOKEN), List.of());
  }

  /** No database, with config overrides (e.g. web.ws.* or web.read_token). */
  static WebFixture withoutDatabase(Vertx vertx, String... overrides) {
    return new WebFixture(vertx, null, temporaryDirectory(), Map.of(ApiToken.ENV, TOKEN), List.of(overrides));
  }

  /** No database; the token comes from {@code environment} or else from {@code dataDir}, as at a real start. */
  static WebFixture withTokenSource(Vertx vertx, Path dataDir, Map<String, String> environment) {
    return new WebFixture(vertx, null, dataDir, environment, List.of());
  }

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tickwire-web-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Settings settings(Vertx vertx, TestDatabase db, Path dataDir, List<String> extra) {
    List<String> overrides = new ArrayList<>(List.of("web.host=127.0.0.1", "web.port=0",
        "batcher.intervals=" + INTERVALS, "data_dir=" + dataDir));
    if (db != null) {
      overrides.addAll(db.settings());
    }
    overrides.addAll(extra);
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), overrides)));
  }

  HttpProbe.Reply get(String pathAndQuery) {
    return HttpProbe.get(web.actualPort(), pathAndQuery);
  }

  /** A request to this node, not yet authorised: add {@link HttpCall#bearer} for mutations. */
  HttpCall call(String method, String pathAndQuery) {
    return HttpCall.to(web.actualPort(), method, pathAndQuery);
  }

  /** A request carrying the right token. */
  HttpCall authorised(String method, String pathAndQuery) {
    return call(method, pathAndQuery).bearer(TOKEN);
  }
}
