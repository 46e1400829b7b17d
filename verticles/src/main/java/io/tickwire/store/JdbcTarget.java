package io.tickwire.store;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server and schema to reach over JDBC: for work that is blocking by nature and runs off the event
 * loop (migrations, the archive's export, reconciliation and profiles), where a streaming result set is simpler
 * than the reactive client.
 */
public record JdbcTarget(String url, String user, String password, String schema) {

  static JdbcTarget of(PgConnectOptions target, String schema) {
    String url = "jdbc:postgresql://" + target.getHost() + ":" + target.getPort() + "/" + target.getDatabase();
    return new JdbcTarget(url, target.getUser(), target.getPassword(), schema);
  }

  /** A connection whose search path is the schema, so statements name tables unqualified. */
  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Where, for messages (never the password). */
  @Override
  public String toString() {
    return user + "@" + url.substring("jdbc:postgresql://".length()) + " schema " + schema;
  }
}
