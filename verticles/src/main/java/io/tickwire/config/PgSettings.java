package io.tickwire.config;

import java.util.List;

/** PostgreSQL ({@code pg.*}). {@code url} null means embedded, under {@code <dataDir>/pg}. */
public record PgSettings(String url, String schema, int poolSize, int embeddedPort) {

  public boolean embedded() {
    return url == null;
  }

  static PgSettings from(ConfigReader r) {
    String url = Credentials.optionalUrl(r, "pg.url", List.of("postgresql", "postgres"),
        "a URL like postgresql://user@host:5432/database, or null for embedded");
    String schema = r.string("pg.schema");
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw ConfigReader.invalid("pg.schema", schema, "a lowercase SQL identifier (letters, digits, _)");
    }
    return new PgSettings(url, schema, (int) r.integer("pg.pool_size", 1, 64),
        (int) r.integer("pg.embedded_port", 0, 65_535));
  }
}
