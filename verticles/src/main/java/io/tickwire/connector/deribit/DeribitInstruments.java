package io.tickwire.connector.deribit;

import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.DeribitSettings;
import io.tickwire.connector.venue.SymbolDirectory;
import io.tickwire.flow.Clock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Deribit instruments to subscribe: the configured symbols, then those {@link DeribitSelection} picks from
 * {@code public/get_instruments} (each configured currency, unexpired) with moneyness measured against
 * {@code public/get_index_price} ({@code <currency>_usd}). Asked again every refresh, so new listings are
 * subscribed and expired ones dropped. A failed listing fails the whole answer (the connector keeps what it has);
 * a failed index price only leaves that currency's options out. Answers larger than {@value #MAX_BODY_BYTES} bytes
 * are refused. Confined to the connector's event loop.
 */
public final class DeribitInstruments implements SymbolDirectory {
  private static final System.Logger LOG = System.getLogger(DeribitInstruments.class.getName());
  static final int MAX_BODY_BYTES = 16 << 20;
  private static final long TIMEOUT_MS = 10_000;

  private final ConnectorSettings.Venue venue;
  private final DeribitSettings settings;
  private final String restBase;
  private final HttpClient client;
  private final int channelsPerInstrument;

  public DeribitInstruments(Vertx vertx, ConnectorSettings.Venue venue) {
    this.venue = venue;
    this.settings = venue.deribit();
    this.restBase = settings.restUrl().toString().replaceAll("/+$", "");
    this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true));
    this.channelsPerInstrument = Math.max(1, DeribitChannels.perInstrument(venue.spec(),
        DeribitOptions.of(settings, 1)));
  }

  @Override
  public Future<List<String>> symbols() {
    Map<String, Future<List<DeribitInstrument>>> listings = new HashMap<>();
    Map<String, Future<Double>> indexes = new HashMap<>();
    for (String currency : settings.currencies()) {
      listings.put(currency, get(listingUrl(currency)).map(DeribitListing::instruments));
      indexes.put(currency, get(indexUrl(currency)).map(DeribitListing::indexPrice).otherwise(e -> {
        LOG.log(System.Logger.Level.WARNING, "deribit index price of {0} unavailable, its options left out: {1}",
            currency, e.getMessage());
        return null;
      }));
    }
    List<Future<?>> all = new ArrayList<>(listings.values());
    all.addAll(indexes.values());
    return Future.all(all).map(done -> combine(listings, indexes));
  }

  private List<String> combine(Map<String, Future<List<DeribitInstrument>>> listings,
      Map<String, Future<Double>> indexes) {
    List<DeribitInstrument> listed = new ArrayList<>();
    listings.values().forEach(f -> listed.addAll(f.result()));
    Map<String, Double> prices = new HashMap<>();
    indexes.forEach((currency, f) -> {
      if (f.result() != null) {
        prices.put(currency, f.result());
      }
    });
    Set<String> symbols = new LinkedHashSet<>(venue.spec().symbols());
    symbols.addAll(DeribitSelection.select(listed, prices, settings, Clock.nowMicros()));
    return List.copyOf(symbols);
  }

  private String listingUrl(String currency) {
    return restBase + "/api/v2/public/get_instruments?currency=" + encode(currency) + "&expired=false";
  }

  private String indexUrl(String currency) {
    return restBase + "/api/v2/public/get_index_price?index_name=" + encode(currency.toLowerCase(Locale.ROOT)
        + "_usd");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private Future<String> get(String url) {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setTimeout(TIMEOUT_MS)).compose(req -> req.send()).compose(resp -> body(url, resp));
  }

  /** The body, refused once it grows past the cap: a broken or hostile endpoint cannot fill the heap. */
  private static Future<String> body(String url, HttpClientResponse resp) {
    if (resp.statusCode() != 200) {
      return Future.failedFuture("HTTP " + resp.statusCode() + " from " + url);
    }
    Promise<String> done = Promise.promise();
    Buffer body = Buffer.buffer();
    resp.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BODY_BYTES) {
        done.tryFail("answer from " + url + " is larger than " + MAX_BODY_BYTES + " bytes");
        resp.request().reset();
      } else {
        body.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(done::tryFail);
    resp.endHandler(v -> done.tryComplete(body.toString(StandardCharsets.UTF_8)));
    return done.future();
  }

  @Override
  public long refreshMs() {
    return settings.refreshMs();
  }

  /** The first connection also carries the DVOL channels. */
  @Override
  public int firstConnectionCapacity() {
    return Math.max(1, (settings.maxChannelsPerConnection() - settings.volatilityIndexes().size())
        / channelsPerInstrument);
  }

  @Override
  public int connectionCapacity() {
    return Math.max(1, settings.maxChannelsPerConnection() / channelsPerInstrument);
  }

  @Override
  public int maxConnections() {
    return settings.maxConnections();
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
