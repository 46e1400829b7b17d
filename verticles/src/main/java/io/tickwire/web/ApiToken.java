package io.tickwire.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.tickwire.config.Secret;
import io.tickwire.config.SecretFiles;
import java.util.function.Function;

/**
 * The bearer token API mutations need: {@code TICKWIRE_API_TOKEN} when set, otherwise one generated on the first
 * start and kept in {@code <data_dir>/api-token} (mode 600) so restarts keep it. Compared in constant time. The
 * token itself is never logged: logs reach people and systems that must not be able to change rules, so the log
 * names the file to read it from.
 */
final class ApiToken {
  static final String ENV = "TICKWIRE_API_TOKEN";
  static final String FILE = "api-token";
  private static final System.Logger LOG = System.getLogger(ApiToken.class.getName());

  private final Secret token;
  private final Path file;

  private ApiToken(Secret token, Path file) {
    this.token = token;
    this.file = file;
  }

  /** File work runs on a worker thread: the data directory may be on a slow or network disk. */
  static Future<ApiToken> load(Vertx vertx, Path dataDir, Function<String, String> environment) {
    String fromEnv = environment.apply(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return Future.succeededFuture(new ApiToken(Secret.of(ENV, fromEnv), null));
      } catch (RuntimeException tooShort) {
        return Future.failedFuture(tooShort);
      }
    }
    Path file = dataDir.resolve(FILE).toAbsolutePath();
    return vertx.executeBlocking(() -> new ApiToken(Secret.of(file.toString(), fromFile(file)), file), false);
  }

  /** The file the token is kept in, or null when it comes from {@value #ENV}. */
  Path file() {
    return file;
  }

  boolean matches(String presented) {
    return token.matches(presented);
  }

  private static String fromFile(Path file) throws IOException {
    if (Files.exists(file)) {
      warnIfShared(file);
      return read(file);
    }
    String token = SecretFiles.generate();
    try {
      SecretFiles.create(file, token);
    } catch (FileAlreadyExistsException e) {
      return read(file); // another node sharing the data directory created it first: use theirs
    }
    LOG.log(System.Logger.Level.INFO, "generated the API token for rule changes; read it from {0}", file);
    return token;
  }

  /** A token file others can read is a leaked token; say so rather than silently keep using it. */
  private static void warnIfShared(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
      if (!mode.substring(3).equals("------")) {
        LOG.log(System.Logger.Level.WARNING, "the API token file {0} is readable by others ({1}); chmod 600 it and "
            + "consider replacing the token", file, mode);
      }
    }
  }

  private static String read(Path file) throws IOException {
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("the API token file " + file + " is empty; delete it to generate a new token, or set "
          + ENV);
    }
    return token;
  }
}
