package io.tickwire.store;

import io.tickwire.config.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Password logins for the embedded PostgreSQL. The launcher initialises the server with trust authentication, which
 * lets any local process (any user on the machine, any container sharing the network namespace) connect as the
 * superuser. Instead the superuser gets a generated password, kept in {@code <data_dir>/pg-password} (mode 600),
 * and pg_hba.conf allows SCRAM logins only. A server without the password yet (first start, a data directory from
 * an older tickwire, or a deleted password file) starts once with loopback trust, is given the password, and is
 * locked down before anything else connects.
 */
final class EmbeddedAuth {
  static final String FILE = "pg-password";
  static final String USER = "postgres";
  private static final String SCRAM = "scram-sha-256";
  private static final String TRUST = "trust";

  private final Path pgDir;
  private final String password;
  private final boolean passwordIsNew;

  private EmbeddedAuth(Path pgDir, String password, boolean passwordIsNew) {
    this.pgDir = pgDir;
    this.password = password;
    this.passwordIsNew = passwordIsNew;
  }

  /** Reads the password beside {@code pgDir}, or generates one when it or the server's data is new. */
  static EmbeddedAuth prepare(Path pgDir) throws IOException {
    Path file = passwordFile(pgDir);
    boolean serverExists = Files.exists(pgDir.resolve("PG_VERSION"));
    if (Files.exists(file)) {
      return new EmbeddedAuth(pgDir, read(file), !serverExists);
    }
    String generated = SecretFiles.generate();
    try {
      SecretFiles.create(file, generated);
    } catch (FileAlreadyExistsException e) {
      return new EmbeddedAuth(pgDir, read(file), !serverExists); // another process sharing the data directory was first
    }
    return new EmbeddedAuth(pgDir, generated, true);
  }

  /** The password a running embedded server in {@code pgDir} expects, or null when there is none yet. */
  static String existingPassword(Path pgDir) throws IOException {
    Path file = passwordFile(pgDir);
    return Files.exists(file) ? read(file) : null;
  }

  static Path passwordFile(Path pgDir) {
    return pgDir.toAbsolutePath().resolveSibling(FILE);
  }

  String password() {
    return password;
  }

  /** Configures the launcher: its own connections (the start-up check) log in with the password. */
  EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
    return builder.setConnectConfig("password", password).setServerConfig("listen_addresses", "localhost")
        .setDataDirectoryCustomizer(this::writeHba);
  }

  /** After the start: a server that just got its password now requires it. */
  void lockDown(EmbeddedPostgres server) throws SQLException {
    if (!passwordIsNew) {
      return;
    }
    if (!password.matches("[A-Za-z0-9_-]+")) {
      throw new SQLException("the password in " + passwordFile(pgDir) + " may only hold letters, digits, - and _;"
          + " delete the file to generate one");
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      // ALTER ROLE takes no bind parameters; the characters checked above cannot end the literal
      statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
      writeHba(pgDir.toFile(), SCRAM);
      statement.execute("SELECT pg_reload_conf()");
    }
  }

  private void writeHba(File dataDir) {
    writeHba(dataDir, passwordIsNew ? TRUST : SCRAM);
  }

  private static void writeHba(File dataDir, String method) {
    String hba = "# Written by tickwire at each start of its embedded server: password (SCRAM) logins only.\n"
        + "local all all " + method + "\n"
        + "host all all 127.0.0.1/32 " + method + "\n"
        + "host all all ::1/128 " + method + "\n";
    try {
      Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    String password = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      throw new IOException("the embedded PostgreSQL password file " + file + " is empty; delete it to set a new one");
    }
    return password;
  }
}
