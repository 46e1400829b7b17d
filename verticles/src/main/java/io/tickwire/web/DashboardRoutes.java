package io.tickwire.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser dashboard's files: the page itself from the classpath folder {@code webroot/} at {@code /}, and the
 * libraries it uses from their webjars ({@code META-INF/resources/webjars/<name>/<version>/...}) at
 * {@code /webjars/}. Both come from the jar, so the dashboard needs no Node build, no CDN and no files beside the
 * jar.
 */
final class DashboardRoutes {
  static final String WEBROOT = "webroot";
  static final String WEBJARS = "META-INF/resources/webjars";

  private DashboardRoutes() {
  }

  static void install(Router router) {
    // A webjar path names its version, so a cached copy can never be stale: let browsers keep it.
    router.get("/webjars/*").handler(StaticHandler.create(WEBJARS).setMaxAgeSeconds(7 * 24 * 3600));
    // The page's own files change with each tickwire build under the same names; caching them would show a
    // stale page against a newer server after an upgrade.
    // Not under /api/: a GET to an API path that only takes other methods must stay a 405, and a route that
    // matched the path would turn it into a 404 when no file is found.
    router.getWithRegex("/(?!api/).*")
        .handler(StaticHandler.create(WEBROOT).setCachingEnabled(false).setIndexPage("index.html"));
  }
}
