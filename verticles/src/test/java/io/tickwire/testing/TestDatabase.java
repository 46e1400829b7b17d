package io.tickwire.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by {@code TICKWIRE_TEST_PG_URL} (postgresql://user:pass@host:port/db)
 * when set, otherwise one embedded server per test JVM. Each test takes a fresh schema of its own, so tests stay
 * independent without a server each.
 */
public final class TestDatabase {
  public static final String URL_ENV = "TICKWIRE_TEST_PG_URL";
  private static EmbeddedPostgres embedded;

  private final String url;
  private final String schema;

  private TestDatabase(String url, String schema) {
    this.url = url;
    this.schema = schema;
  }

  /** A fresh, empty schema on the test server (tickwire's migrations create its tables on first use). */
  public static TestDatabase fresh() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new TestDatabase(serverUrl(), schema);
  }

  /** A given server and schema, e.g. one a test runs itself. */
  public static TestDatabase at(String url, String schema) {
    return new TestDatabase(url, schema);
  }

  private static synchronized String serverUrl() {
    String external = System.getenv(URL_ENV);
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded test PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the server's own shutdown follows its parent
        }
      }));
    }
    return "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
  }

  /** {@code --set} overrides that point tickwire at this schema. */
  public List<String> settings() {
    return List.of("pg.url=" + url, "pg.schema=" + schema);
  }

  public String url() {
    return url;
  }

  public String schema() {
    return schema;
  }

  /** Runs a query over JDBC in this schema; rows as ordered column maps. */
  public List<Map<String, Object>> query(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  public long count(String table) {
    return ((Number) query("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
  }

  public void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    java.net.URI uri = java.net.URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
    String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
    String password = userInfo.length > 1 ? userInfo[1] : System.getenv("TICKWIRE_PG_PASSWORD");
    Connection c = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
        + uri.getPath(), userInfo[0], password);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return c;
  }
}
