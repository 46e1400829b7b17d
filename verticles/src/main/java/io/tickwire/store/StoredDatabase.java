package io.tickwire.store;

import io.tickwire.config.PgSettings;
import io.tickwire.config.Settings;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * tickwire's database for a one-shot command ({@code reconcile}, {@code profile}): the external server of
 * {@code pg.url}; or the embedded server of this data directory, attached to while a running tickwire owns it (its
 * port is in {@code postmaster.pid}) and otherwise started for the command and stopped after it.
 */
public final class StoredDatabase implements AutoCloseable {
  private static final int PID_FILE_PORT_LINE = 3;

  private final JdbcTarget jdbc;
  private final EmbeddedPostgres started;

  private StoredDatabase(JdbcTarget jdbc, EmbeddedPostgres started) {
    this.jdbc = jdbc;
    this.started = started;
  }

  public static StoredDatabase open(Settings settings) throws IOException {
    PgSettings pg = settings.pg();
    if (!pg.embedded()) {
      return new StoredDatabase(JdbcTarget.of(Database.externalTarget(pg.url()), pg.schema()), null);
    }
    Path dir = Path.of(settings.dataDir(), "pg");
    JdbcTarget running = runningEmbedded(dir, pg.schema());
    if (running != null) {
      return new StoredDatabase(running, null);
    }
    EmbeddedAuth auth = EmbeddedAuth.prepare(dir);
    EmbeddedPostgres embedded = Database.startEmbedded(dir, pg.embeddedPort(), auth);
    PgConnectOptions target = Database.embeddedTarget(embedded, auth);
    try {
      Database.migrate(target, pg.schema());
    } catch (RuntimeException e) {
      Database.closeQuietly(embedded);
      throw new IllegalStateException("cannot prepare PostgreSQL in " + dir + ": " + Database.rootMessage(e), e);
    }
    return new StoredDatabase(JdbcTarget.of(target, pg.schema()), embedded);
  }

  /** The embedded server a running tickwire started in {@code dir}, if it answers. */
  private static JdbcTarget runningEmbedded(Path dir, String schema) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return null;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() <= PID_FILE_PORT_LINE) {
      return null;
    }
    PgConnectOptions target = new PgConnectOptions().setHost("localhost")
        .setPort(Integer.parseInt(lines.get(PID_FILE_PORT_LINE).strip())).setDatabase("postgres")
        .setUser(EmbeddedAuth.USER).setPassword(EmbeddedAuth.existingPassword(dir));
    JdbcTarget jdbc = JdbcTarget.of(target, schema);
    try (Connection probe = jdbc.connect()) {
      return jdbc;
    } catch (SQLException stale) {
      return null;
    }
  }

  public JdbcTarget jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    Database.closeQuietly(started);
  }
}
