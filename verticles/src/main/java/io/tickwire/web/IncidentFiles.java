package io.tickwire.web;

import io.tickwire.recorder.IncidentStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The incident bundles as the API serves them: every read is file I/O, so it runs off the event loop; a malformed
 * id is the client's mistake (400), an unknown one a 404.
 */
final class IncidentFiles {
  private final Vertx vertx;
  private final IncidentStore store;

  IncidentFiles(Vertx vertx, IncidentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  Future<List<JsonObject>> list() {
    return blocking(store::list);
  }

  Future<JsonObject> meta(String id) {
    return blocking(() -> found(id, store.meta(id)));
  }

  Future<String> report(String id) {
    return blocking(() -> found(id, store.report(id)));
  }

  Future<Path> events(String id) {
    return blocking(() -> found(id, store.events(id)));
  }

  private static <T> T found(String id, Optional<T> value) {
    return value.orElseThrow(() -> ApiException.notFound("no incident '" + id + "'"));
  }

  private <T> Future<T> blocking(Callable<T> read) {
    return vertx.executeBlocking(() -> {
      try {
        return read.call();
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }, false);
  }
}
