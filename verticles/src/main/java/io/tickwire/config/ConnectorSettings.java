package io.tickwire.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live exchange connectors ({@code connectors.*}): one {@link Venue} per enabled exchange, plus what they share:
 * how a connection is kept ({@link FeedPolicy}), the bounded inbound buffer and its overflow policy, and where raw
 * frames are recorded ({@code tickwire run --record DIR}).
 */
public record ConnectorSettings(List<Venue> venues, FeedPolicy feed, int bufferEvents, Overflow overflow,
    int batchSize, String recordDir) {

  /** The protocols each venue speaks; the first is the default. */
  public static final Map<String, List<String>> PROTOCOLS = Map.of(
      "coinbase", List.of("advanced_trade", "exchange"),
      "kraken", List.of("v2", "v1"),
      "binance", List.of("spot"),
      "binance_futures", List.of("usdm"),
      "deribit", List.of("v2"));

  /** Every venue in the order their connectors start. */
  static final List<String> VENUES = List.of("coinbase", "kraken", "binance", "binance_futures", "deribit");

  /** Venues whose books start from REST depth snapshots; their deepest snapshot. */
  private static final Map<String, Integer> REST_SNAPSHOT_DEPTH = Map.of("binance", 5_000, "binance_futures", 1_000);

  /** What a connector does when its inbound buffer is full because the pipeline is slower than the exchange. */
  public enum Overflow {
    /** Drop the oldest buffered events and put a gap marker in the stream for the symbols that lost some. */
    DROP_OLDEST,
    /** Drop the connection; the books resync on reconnect and every symbol gets a gap marker. */
    RECONNECT
  }

  /**
   * One exchange: {@code name} (coinbase, kraken, binance, binance_futures, deribit) and its {@code protocol}; the
   * websocket URL; what to subscribe; for Binance's markets the REST base URL and how many depth snapshots a second
   * it may ask for; for Deribit how instruments are picked and spread over connections ({@code deribit}, null for
   * every other venue).
   */
  public record Venue(String name, String protocol, URI url, SessionSpec spec, URI restUrl, double snapshotsPerSec,
      int snapshotDepth, DeribitSettings deribit) {
    public Venue(String name, String protocol, URI url, SessionSpec spec, URI restUrl, double snapshotsPerSec,
        int snapshotDepth) {
      this(name, protocol, url, spec, restUrl, snapshotsPerSec, snapshotDepth, null);
    }
  }

  public ConnectorSettings {
    venues = List.copyOf(venues);
  }

  static ConnectorSettings from(ConfigReader r) {
    List<Venue> venues = new ArrayList<>();
    for (String name : VENUES) {
      if (r.bool(key(name, "enabled"))) {
        venues.add(venue(r, name));
      }
    }
    return new ConnectorSettings(venues, feedPolicy(r), (int) r.integer("connectors.buffer_events", 1, 10_000_000),
        Overflow.valueOf(r.oneOf("connectors.overflow", "drop_oldest", "reconnect").toUpperCase()),
        (int) r.integer("connectors.batch_size", 1, 65_536), r.optionalString("connectors.record_dir"));
  }

  private static Venue venue(ConfigReader r, String name) {
    String protocol = r.oneOf(key(name, "protocol"), PROTOCOLS.get(name).toArray(String[]::new));
    SessionSpec spec = new SessionSpec(r.distinctStringList(key(name, "symbols")),
        channels(r, key(name, "channels")), (int) r.integer(key(name, "book_depth"), 10, 10_000));
    boolean rest = REST_SNAPSHOT_DEPTH.containsKey(name);
    return new Venue(name, protocol, uri(r, key(name, "url"), "ws", "wss"), spec,
        rest ? uri(r, key(name, "rest_url"), "http", "https") : null,
        rest ? r.number(key(name, "snapshots_per_sec"), 0.01, 100) : 0,
        rest ? (int) r.integer(key(name, "snapshot_depth"), 5, REST_SNAPSHOT_DEPTH.get(name)) : 0,
        name.equals("deribit") ? DeribitSettings.from(r, key(name, "")) : null);
  }

  private static Set<SessionSpec.Channel> channels(ConfigReader r, String key) {
    Set<SessionSpec.Channel> channels = new LinkedHashSet<>();
    for (String name : r.stringList(key)) {
      try {
        channels.add(SessionSpec.Channel.of(name));
      } catch (IllegalArgumentException e) {
        throw ConfigReader.invalid(key, r.raw(key), "a list of trades, quotes, book, funding");
      }
    }
    return channels;
  }

  static URI uri(ConfigReader r, String key, String... schemes) {
    String text = r.string(key);
    String expected = "a " + String.join(" or ", schemes) + " URL with a host";
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null || !List.of(schemes).contains(String.valueOf(uri.getScheme()).toLowerCase())) {
        throw ConfigReader.invalid(key, text, expected);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ConfigReader.invalid(key, text, expected);
    }
  }

  private static FeedPolicy feedPolicy(ConfigReader r) {
    long first = r.integer("connectors.backoff_first_ms", 1, 3_600_000);
    return new FeedPolicy(r.integer("connectors.stale_after_ms", 100, 3_600_000), first,
        r.integer("connectors.backoff_max_ms", first, 3_600_000), (int) r.integer("connectors.max_restarts", 0, 1_000_000),
        r.integer("connectors.restart_window_ms", 1, 86_400_000));
  }

  private static String key(String venue, String leaf) {
    return "connectors." + venue + "." + leaf;
  }
}
