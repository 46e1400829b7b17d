package io.tickwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL takes password logins only, with a password kept beside its data (mode 600). */
class EmbeddedAuthTest {

  @Test
  void onlyThePasswordFromTheDataDirectoryLogsInOnTheFirstStartAndAfterARestart(@TempDir Path dataDir)
      throws Exception {
    Path pgDir = dataDir.resolve("pg");
    String password = startCheckAndStop(pgDir);

    Path file = dataDir.resolve(EmbeddedAuth.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).isEqualTo(password);

    assertThat(startCheckAndStop(pgDir)).as("a restart keeps the password").isEqualTo(password);
  }

  @Test
  void aDataDirectoryFromBeforePasswordsGetsOneAndIsLockedDown(@TempDir Path dataDir) throws Exception {
    Path pgDir = dataDir.resolve("pg");
    try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
        .start()) {
      assertThat(login(trusting.getPort(), null)).as("what older data directories allowed").isTrue();
    }
    startCheckAndStop(pgDir);
  }

  /** Starts the server as tickwire does, checks who may log in, stops it; returns the password. */
  private static String startCheckAndStop(Path pgDir) throws Exception {
    EmbeddedAuth auth = EmbeddedAuth.prepare(pgDir);
    EmbeddedPostgres server = Database.startEmbedded(pgDir, 0, auth);
    try {
      assertThat(login(server.getPort(), auth.password())).as("tickwire's own login").isTrue();
      assertThatThrownBy(() -> login(server.getPort(), null)).as("no password").isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> login(server.getPort(), "wrong")).as("a wrong password")
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      return auth.password();
    } finally {
      server.close();
    }
  }

  private static boolean login(int port, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", EmbeddedAuth.USER);
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
        properties); ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
      return one.next();
    }
  }
}
