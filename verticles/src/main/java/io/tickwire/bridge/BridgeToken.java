package io.tickwire.bridge;

import io.tickwire.config.Secret;
import io.tickwire.config.SecretFiles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token bridge clients present: {@code bridge.token} when set, otherwise one generated on the first start and
 * kept in {@code <data_dir>/bridge-token} (mode 600), so restarts keep it and local clients can read it. The log
 * names the file, never the token.
 */
final class BridgeToken {
  static final String FILE = "bridge-token";
  private static final System.Logger LOG = System.getLogger(BridgeToken.class.getName());

  private BridgeToken() {
  }

  /** File work runs on a worker thread: the data directory may be on a slow disk. */
  static Future<Secret> load(Vertx vertx, Secret configured, Path dataDir) {
    if (configured != null) {
      return Future.succeededFuture(configured);
    }
    Path file = dataDir.resolve(FILE).toAbsolutePath();
    return vertx.executeBlocking(() -> Secret.of(file.toString(), fromFile(file)), false);
  }

  private static String fromFile(Path file) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    String token = SecretFiles.generate();
    try {
      SecretFiles.create(file, token);
    } catch (FileAlreadyExistsException e) {
      return read(file); // another node sharing the data directory created it first
    }
    LOG.log(System.Logger.Level.INFO, "generated the event-bus bridge token; read it from {0}", file);
    return token;
  }

  private static String read(Path file) throws IOException {
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("the bridge token file " + file + " is empty; delete it to generate a new token, or set"
          + " bridge.token");
    }
    return token;
  }
}
