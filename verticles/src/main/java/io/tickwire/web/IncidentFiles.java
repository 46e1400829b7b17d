package io.tickwire.web;

import io.tickwire.recorder.IncidentStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The incident bundles as the API serves them: every read is file I/O, so it runs off the event loop; a malformed
 * id is the client's mistake (400), an unknown one a 404, a bundle that cannot be read (I/O error, damaged
 * meta.json) a 500 naming it, not the 503 of a failed database.
 */
final class IncidentFiles {
  private static final System.Logger LOG = System.getLogger(IncidentFiles.class.getName());

  private final Vertx vertx;
  private final IncidentStore store;

  IncidentFiles(Vertx vertx, IncidentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  Future<List<JsonObject>> list() {
    return blocking("the incidents directory " + store.dir(), store::list);
  }

  Future<JsonObject> meta(String id) {
    return blocking(what(id), () -> found(id, store.meta(id)));
  }

  Future<String> report(String id) {
    return blocking(what(id), () -> found(id, store.report(id)));
  }

  Future<Path> events(String id) {
    return blocking(what(id), () -> found(id, store.events(id)));
  }

  private static <T> T found(String id, Optional<T> value) {
    return value.orElseThrow(() -> ApiException.notFound("no incident '" + id + "'"));
  }

  private static String what(String id) {
    return "incident '" + id + "'";
  }

  private <T> Future<T> blocking(String what, Callable<T> read) {
    return vertx.executeBlocking(() -> {
      try {
        return read.call();
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      } catch (IOException | DecodeException e) {
        LOG.log(System.Logger.Level.WARNING, "{0} cannot be read: {1}", what, e.toString());
        throw new ApiException(500, "incident_unreadable", what + " cannot be read: " + e.getMessage());
      }
    }, false);
  }
}
