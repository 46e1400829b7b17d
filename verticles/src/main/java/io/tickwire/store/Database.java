package io.tickwire.store;

import io.tickwire.config.PgSettings;
import io.tickwire.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * tickwire's PostgreSQL: the external server named by {@code pg.url}, or with none an embedded server whose data
 * lives under {@code <data_dir>/pg} and outlives the process, its own output (initdb, then the server's log) in
 * {@code <data_dir>/pg.log}. Opening applies the versioned migrations (Flyway,
 * over JDBC) and then hands out a reactive pool for the stages. Starting a server and migrating block, so both
 * run on a worker thread, never on an event loop.
 */
public final class Database {
  /** The only place a password is read from: secrets never live in config files. */
  public static final String PASSWORD_ENV = "TICKWIRE_PG_PASSWORD";
  /** Beside the server's data directory, not in it: initdb refuses a directory that is not empty. */
  public static final String SERVER_LOG = "pg.log";
  private static final System.Logger LOG = System.getLogger(Database.class.getName());

  /** API queries get connections of their own, so readers never wait behind the sink's statements. */
  private static final int API_POOL_SIZE = 2;
  /** Requests waiting for an API connection; beyond it they fail at once instead of piling up in an outage. */
  private static final int API_WAIT_QUEUE = 64;

  private final Pool pool;
  private final Pool apiPool;
  private final EmbeddedPostgres embedded;
  private final PgConnectOptions target;
  private final JdbcTarget jdbc;
  private final Path serverLog;

  private Database(Pool pool, Pool apiPool, EmbeddedPostgres embedded, PgConnectOptions target, JdbcTarget jdbc,
      Path serverLog) {
    this.pool = pool;
    this.apiPool = apiPool;
    this.embedded = embedded;
    this.target = target;
    this.jdbc = jdbc;
    this.serverLog = serverLog;
  }

  public static Future<Database> open(Vertx vertx, Settings settings) {
    return vertx.executeBlocking(() -> openBlocking(vertx, settings), false);
  }

  private static Database openBlocking(Vertx vertx, Settings settings) throws IOException {
    PgSettings pg = settings.pg();
    Path dir = Path.of(settings.dataDir(), "pg");
    EmbeddedAuth auth = pg.embedded() ? EmbeddedAuth.prepare(dir) : null;
    EmbeddedPostgres embedded = pg.embedded() ? startEmbedded(dir, pg.embeddedPort(), auth) : null;
    PgConnectOptions target = embedded != null ? embeddedTarget(embedded, auth) : externalTarget(pg.url());
    MigrateResult migrated;
    try {
      migrated = migrate(target, pg.schema());
    } catch (RuntimeException e) {
      closeQuietly(embedded);
      throw new IllegalStateException("cannot prepare PostgreSQL at " + describe(target) + ": " + rootMessage(e), e);
    }
    target.setProperties(Map.of("search_path", pg.schema(), "application_name", "tickwire"));
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(pg.poolSize())).connectingTo(target)
        .using(vertx).build();
    Pool apiPool = PgBuilder.pool().with(new PoolOptions().setMaxSize(API_POOL_SIZE)
        .setMaxWaitQueueSize(API_WAIT_QUEUE)).connectingTo(target).using(vertx).build();
    Database db = new Database(pool, apiPool, embedded, target, JdbcTarget.of(target, pg.schema()),
        embedded != null ? serverLog(dir).toAbsolutePath() : null);
    LOG.log(System.Logger.Level.INFO, "PostgreSQL ready: {0}; schema {1} at version {2} ({3} migrations applied now)",
        db.describe(), pg.schema(), schemaVersion(migrated), migrated.migrationsExecuted);
    return db;
  }

  static EmbeddedPostgres startEmbedded(Path dir, int port, EmbeddedAuth auth) throws IOException {
    Files.createDirectories(dir.getParent());
    Path log = serverLog(dir).toAbsolutePath();
    LOG.log(System.Logger.Level.INFO, "starting embedded PostgreSQL in {0} (its output: {1})", dir.toAbsolutePath(),
        log);
    try {
      // No shutdown hook of its own: on SIGTERM the server must outlive the graceful stop that flushes the sink
      // into it; the node closes it last.
      // The launcher's defaults suit throwaway test servers (fsync and synchronous commit off); this one keeps
      // data across runs and the sink acknowledges rows as committed, so both go back on.
      // initdb's and the server's output would otherwise be relayed line by line to our log at INFO.
      EmbeddedPostgres started = auth.configure(EmbeddedPostgres.builder()).setDataDirectory(dir)
          .setCleanDataDirectory(false).setPort(port)
          .setRegisterShutdownHook(false)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setOutputRedirector(Redirect.appendTo(log.toFile()))
          .setErrorRedirector(Redirect.appendTo(log.toFile()))
          .start();
      lockDown(auth, started);
      return started;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dir.toAbsolutePath()
          + " (is another tickwire using this data directory? see " + log + "): " + rootMessage(e), e);
    }
  }

  /** Flyway reports a target version only when it applied something. */
  private static String schemaVersion(MigrateResult migrated) {
    return migrated.targetSchemaVersion != null ? migrated.targetSchemaVersion : migrated.initialSchemaVersion;
  }

  /** Where the embedded server in {@code dir} writes its output. */
  static Path serverLog(Path dir) {
    return dir.resolveSibling(SERVER_LOG);
  }

  private static void lockDown(EmbeddedAuth auth, EmbeddedPostgres started) {
    try {
      auth.lockDown(started);
    } catch (java.sql.SQLException e) {
      closeQuietly(started);
      throw new IllegalStateException("cannot set the embedded PostgreSQL's password: " + e.getMessage(), e);
    }
  }

  static PgConnectOptions embeddedTarget(EmbeddedPostgres embedded, EmbeddedAuth auth) {
    return new PgConnectOptions().setHost("localhost").setPort(embedded.getPort()).setDatabase("postgres")
        .setUser(EmbeddedAuth.USER).setPassword(auth.password());
  }

  static PgConnectOptions externalTarget(String url) {
    PgConnectOptions target = PgConnectOptions.fromUri(url);
    String password = System.getenv(PASSWORD_ENV);
    if (password != null) {
      target.setPassword(password);
    }
    return target;
  }

  static MigrateResult migrate(PgConnectOptions target, String schema) {
    JdbcTarget jdbc = JdbcTarget.of(target, schema);
    return Flyway.configure()
        .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
        .schemas(schema)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** Where the data lives, for logs and health (never the password). */
  public String describe() {
    String where = target.getUser() + "@" + target.getHost() + ":" + target.getPort() + "/" + target.getDatabase();
    return embedded != null ? "embedded, " + where : where;
  }

  private static String describe(PgConnectOptions target) {
    return target.getHost() + ":" + target.getPort() + "/" + target.getDatabase();
  }

  /** The pipeline's pool (sinks, rule store). */
  public Pool pool() {
    return pool;
  }

  /** The same server and schema over JDBC, for the blocking batch jobs. */
  public JdbcTarget jdbc() {
    return jdbc;
  }

  /** The HTTP API's pool: small, with a bounded wait queue. */
  public Pool apiPool() {
    return apiPool;
  }

  /** The embedded server's output file (absolute), or null when the database is external. */
  public Path serverLog() {
    return serverLog;
  }

  /**
   * A URL other nodes of this machine can reach the embedded server by, password included (e.g. for a benchmark's
   * second node); null when the database is external.
   */
  public String embeddedUrl() {
    return embedded == null ? null : "postgresql://" + target.getUser() + ":" + target.getPassword() + "@localhost:"
        + embedded.getPort() + "/" + target.getDatabase();
  }

  /** The embedded server, or null when the database is external. */
  public EmbeddedPostgres embedded() {
    return embedded;
  }

  public Future<Void> close(Vertx vertx) {
    return Future.join(pool.close(), apiPool.close()).<Void>mapEmpty().eventually(() -> vertx.executeBlocking(() -> {
      closeQuietly(embedded);
      return null;
    }, false));
  }

  static void closeQuietly(EmbeddedPostgres embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "stopping the embedded PostgreSQL failed: {0}", e.getMessage());
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
