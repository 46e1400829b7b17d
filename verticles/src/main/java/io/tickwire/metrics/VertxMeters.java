package io.tickwire.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.tickwire.flow.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Vert.x's own meters, the event bus ({@code vertx_eventbus_*}) and the HTTP server ({@code vertx_http_server_*}),
 * published into a node's {@link Metrics} registry so that one scrape of {@code /metrics} carries them beside
 * tickwire's. Vert.x makes its metrics when the Vertx instance is built: the {@link Metrics} come first, and the
 * instance is built from {@link #builder} ({@code tickwire run}, clustered or not).
 *
 * <p>Labels stay bounded:
 * <ul>
 *   <li>event bus: {@code address}, {@code side} (local, remote) and the reply {@code failure} kind. Vert.x itself
 *   leaves out its internal addresses, reply addresses ({@code __vertx.reply.*}) included; tickwire's addresses are
 *   a fixed set ({@link Addresses}: the topics, {@code md.ticks.<p>} per partition, the lossless groups' inboxes),
 *   and any other address is counted as {@code other}, so a temporary address can never add series.</li>
 *   <li>HTTP server: {@code method}, {@code code} and the matched {@code route} template ({@code /api/rules/:name}),
 *   never the raw path.</li>
 * </ul>
 * Those two domains are on, and the database clients' per-query meters ({@code vertx_sql_*}, {@code vertx_redis_*},
 * unlabelled), which Vert.x does not file under a domain. The per-read meters of TCP sockets (the ingest socket, the
 * cluster's event-bus connections), the HTTP clients' (exchange connectors) and the worker pools' stay off, as do
 * Vert.x's JVM and Netty binders ({@link Metrics} binds the JVM meters it wants). The event-bus meters cost a few
 * counter updates per message, and a message is a batch of events; none of them times handlers.
 *
 * <p>Vert.x re-registers its gauges by design, which Micrometer logs once, as a warning ("This Gauge has been already
 * registered ..."): harmless (vert-x3/vertx-micrometer-metrics#259), so the command line's logging drops it.
 */
public final class VertxMeters {
  static final String EVENT_BUS_PREFIX = MetricsDomain.EVENT_BUS.getPrefix();
  static final String ADDRESS = Label.EB_ADDRESS.toString();
  static final String OTHER_ADDRESS = "other";
  private static final Set<MetricsDomain> ENABLED = EnumSet.of(MetricsDomain.EVENT_BUS, MetricsDomain.HTTP_SERVER);
  private static final Pattern PARTITION_TOPIC = Pattern.compile(Pattern.quote(Addresses.TICKS) + "\\.\\d{1,4}");
  /** Vert.x keeps its metrics backends in a JVM-wide map by registry name: each node's registry needs its own. */
  private static final AtomicLong REGISTRIES = new AtomicLong();

  private VertxMeters() {
  }

  /** A plain (not clustered) Vertx, with the default options, whose meters go to {@code metrics}. */
  public static Vertx vertx(Metrics metrics) {
    return builder(metrics, new VertxOptions()).build();
  }

  /** A Vertx builder with {@code options} whose meters go to {@code metrics}; the caller may add a cluster manager. */
  public static VertxBuilder builder(Metrics metrics, VertxOptions options) {
    return Vertx.builder().with(new VertxOptions(options).setMetricsOptions(options()))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()));
  }

  static MicrometerMetricsOptions options() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("tickwire-" + REGISTRIES.incrementAndGet())
        .setLabels(EnumSet.of(Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE,
            Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE))
        .setJvmMetricsEnabled(false)
        .setNettyMetricsEnabled(false);
    for (MetricsDomain domain : MetricsDomain.values()) {
      if (!ENABLED.contains(domain)) {
        options.addDisabledMetricsCategory(domain);
      }
    }
    return options;
  }

  /**
   * Adds to {@code registry}, before any meter is registered, the filter that counts event-bus traffic on an address
   * that is not tickwire's under {@code address="other"}. A filter is applied once per meter id, not per message.
   */
  static <R extends MeterRegistry> R boundAddresses(R registry) {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String address = id.getName().startsWith(EVENT_BUS_PREFIX) ? id.getTag(ADDRESS) : null;
        if (address == null || tickwire(address)) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
          tags.add(tag.getKey().equals(ADDRESS) ? Tag.of(ADDRESS, OTHER_ADDRESS) : tag);
        }
        return id.replaceTags(tags);
      }
    });
    return registry;
  }

  /**
   * One of tickwire's addresses: a topic of {@link Addresses}, the inbox of a lossless group of one, a request
   * address, a node-local notice, or the event-bus bridge's inbound addresses and JSON views.
   */
  static boolean tickwire(String address) {
    int group = address.indexOf('#');
    String topic = group < 0 ? address : address.substring(0, group);
    return Addresses.STREAMS.contains(topic) || Addresses.NOTICES.contains(topic)
        || Addresses.REQUESTS.contains(topic) || Addresses.NODE_LOCAL.contains(topic)
        || Addresses.BRIDGE_INBOUND.contains(topic) || bridgeView(topic) || PARTITION_TOPIC.matcher(topic).matches();
  }

  private static boolean bridgeView(String topic) {
    for (String outbound : Addresses.BRIDGE_OUTBOUND) {
      if (topic.equals(Addresses.jsonView(outbound))) {
        return true;
      }
    }
    return false;
  }
}
