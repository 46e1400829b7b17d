package io.tickwire.web;

import io.tickwire.codecs.Intervals;
import io.tickwire.codecs.SpotMid;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.FeatureWindow;
import io.tickwire.config.Settings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/catalog}: {@code {"symbols":[...],"intervals":["1s",...],"features":[...],"assets":[...],
 * "underlyings":[...]}}, the symbols this node's configuration feeds (the synthetic feed's and each enabled exchange
 * connector's), the bar intervals it builds, the windowed features it computes (and the spot-mid features when
 * assets are configured), the assets of the consolidated spot mid and the underlyings of the volatility surfaces
 * ({@code []} when the surface takes any). The dashboard fills its selectors and panels from it before any data has
 * arrived (a feature is absent from snapshots until its window is full); symbols from other nodes or the TCP
 * ingest, and order-book features, are not known here, and the page adds them as their data arrives.
 */
final class CatalogResource {
  private final JsonObject catalog;

  CatalogResource(Settings settings) {
    // Configuration does not change while the node runs, so the answer is computed once.
    this.catalog = new JsonObject().put("symbols", new JsonArray(symbols(settings).stream().toList()))
        .put("intervals", intervals(settings))
        .put("series", new JsonArray(settings.batcher().shapes().infoBars().stream()
            .map(s -> s.kind().label() + ":" + io.tickwire.codecs.InfoBar.Thresholds.label(s.threshold()))
            .distinct().toList()))
        .put("features", features(settings))
        .put("assets", new JsonArray(settings.derived().spotMid().assets().stream().map(DerivedSettings.Asset::name)
            .toList()))
        .put("underlyings", new JsonArray(settings.derived().ivSurface().enabled()
            ? settings.derived().ivSurface().underlyings() : java.util.List.of()));
  }

  void mount(Router router) {
    router.get("/api/catalog").handler(this::catalog);
  }

  private void catalog(RoutingContext ctx) {
    Replies.json(ctx, 200, catalog);
  }

  private static JsonArray features(Settings settings) {
    JsonArray names = new JsonArray(new java.util.ArrayList<>(settings.features().windows().stream()
        .map(FeatureWindow::name).toList()));
    if (settings.derived().spotMid().enabled()) {
      SpotMid.FEATURE_NAMES.forEach(names::add);
    }
    return names;
  }

  private static Set<String> symbols(Settings settings) {
    Set<String> symbols = new LinkedHashSet<>();
    if (settings.synthetic().enabled()) {
      symbols.addAll(settings.synthetic().symbols());
    }
    for (ConnectorSettings.Venue venue : settings.connectors().venues()) {
      symbols.addAll(venue.spec().symbols());
    }
    return symbols;
  }

  private static JsonArray intervals(Settings settings) {
    JsonArray labels = new JsonArray();
    for (long millis : settings.batcher().intervalsMillis()) {
      labels.add(Intervals.label(millis));
    }
    return labels;
  }
}
