package io.tickwire.web;

import io.tickwire.web.dashboard.Dashboard;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser dashboard: its WebSocket ({@code /ws}, served by {@link Dashboard}), the page itself from the
 * classpath folder {@code webroot/} at {@code /}, and the libraries it uses from their webjars
 * ({@code META-INF/resources/webjars/<name>/<version>/...}) at {@code /webjars/}. The files come from the jar, so
 * the dashboard needs no Node build, no CDN and no files beside the jar.
 */
final class DashboardResource {
  static final String WEBROOT = "webroot";
  static final String WEBJARS = "META-INF/resources/webjars";

  private final Dashboard dashboard;

  DashboardResource(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  /** Mounted last: the page's catch-all GET route would otherwise be asked first about every other path. */
  void mount(Router router) {
    router.get(Dashboard.PATH).handler(dashboard::upgrade);
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
