package io.tickwire.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event-bus address, defined once. A topic (e.g. {@code md.bars}) is published best-effort to observers;
 * each lossless consumer of a topic is a named group with its own inbox ({@code md.bars#print}) fed through a
 * credit window, so one slow lossless consumer back-pressures the producer instead of losing data.
 */
public final class Addresses {
  public static final String INGRESS = "md.ingress";
  public static final String TICKS = "md.ticks";
  public static final String BARS = "md.bars";
  /** The still-open bars that changed lately, published by the batchers a few times a second (never lossless). */
  public static final String BARS_FORMING = "md.bars.forming";
  /** Information-driven bars (tick, volume, dollar) from the batchers, when {@code batcher.info_bars} names any. */
  public static final String BARS_INFO = "md.bars.info";
  public static final String FEATURES = "md.features";
  public static final String SIGNALS = "md.signals";
  public static final String ANOMALIES = "md.anomalies";
  /** Periodic top-of-book snapshots from the batchers that keep the order books. */
  public static final String BOOKS = "md.books";
  /**
   * Consolidated spot mids: per configured asset and sample time, the median of the fresh venues' mids, each
   * venue's quote and age, a quality flag, and the perpetual's basis and funding (derived stage).
   */
  public static final String SPOT_MID = "md.spot_mid";
  /** Implied-volatility smiles per (venue, underlying, expiry) every few seconds of event time (derived stage). */
  public static final String IV_SURFACE = "md.iv_surface";
  public static final String HEALTH = "md.health";
  public static final String DLQ = "md.dlq";
  /** Notice that the flight recorder wrote an incident bundle: a small JSON object naming it. */
  public static final String INCIDENTS = "md.incidents";
  /**
   * Request/reply on the router's event loop: a partition's journaled events from a sequence number on, for a
   * compute node taking the partition over (router/JournalProtocol). Not a topic: nothing is published on it.
   */
  public static final String JOURNAL = "md.journal";
  /** Notice that the rules table changed: the rules catalog's home on the persist role re-reads it. */
  public static final String RULES_CHANGED = "md.rules.changed";
  /**
   * The rules catalog (every rule's source and the catalog's version), published by the persist role at start-up,
   * after every change and periodically, for every inference instance in the cluster.
   */
  public static final String RULES_CATALOG = "md.rules.catalog";
  /** Request/reply: the current rules catalog, asked for by an inference instance that has none yet. */
  public static final String RULES_CATALOG_REQUEST = "md.rules.catalog.request";
  /** An inference instance's confirmation of the catalog version it runs, published after every catalog it applies. */
  public static final String RULES_APPLIED = "md.rules.applied";
  /** Request/reply: the catalog's version and which node runs which version, for {@code /api/rules}. */
  public static final String RULES_STATUS = "md.rules.status";

  /**
   * Signals from external services (over the TCP event-bus bridge): v1 signal JSON with a provider name of the
   * service's own, checked and then sent on {@link #SIGNALS} like the rules' signals.
   */
  public static final String EXTERNAL_SIGNALS = "md.external.signals";
  /** Events from external programs (over the TCP event-bus bridge): v1 event JSON, checked like TCP ingest frames. */
  public static final String EXTERNAL_EVENTS = "md.external.events";

  /** The topics bridge clients may subscribe to; each but md.incidents (already JSON) as its {@link #jsonView}. */
  public static final List<String> BRIDGE_OUTBOUND = List.of(BARS, FEATURES, SIGNALS, ANOMALIES, INCIDENTS);
  /** The addresses bridge clients may send or publish to. */
  public static final List<String> BRIDGE_INBOUND = List.of(EXTERNAL_SIGNALS, EXTERNAL_EVENTS);
  private static final String JSON_VIEW_SUFFIX = ".json";

  /**
   * Node-local notice that a cluster member left (its node id): every lossless link sends its unacknowledged batches
   * again rather than wait out the send timeout (flow/CreditSender). Published by cluster/MemberDepartures.
   */
  public static final String MEMBER_LEFT = "md.cluster.member_left";

  private static final char GROUP_SEPARATOR = '#';

  /** What travels on each address (every constant above), for {@code tickwire tail --list}. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  private Addresses() {
  }

  /** Topics whose producers send batches through an {@link Outlet}, so they can have lossless groups. */
  public static final List<String> STREAMS = List.of(INGRESS, TICKS, BARS, BARS_INFO, FEATURES, SIGNALS,
      ANOMALIES, BOOKS, SPOT_MID, IV_SURFACE);
  /** Request/reply addresses: each answered by one stage, never a topic. */
  public static final List<String> REQUESTS = List.of(JOURNAL, RULES_CATALOG_REQUEST, RULES_STATUS);
  /** Addresses that stay on one node: never seen by another member, so not tailable. */
  public static final List<String> NODE_LOCAL = List.of(MEMBER_LEFT);

  /** Topics that are only ever published best-effort. */
  public static final List<String> NOTICES = List.of(HEALTH, DLQ, RULES_CHANGED, RULES_CATALOG, RULES_APPLIED,
      BARS_FORMING, INCIDENTS);

  /**
   * The topics an address names: itself, or for {@code md.ticks} every partition topic. Throws naming the address
   * when it is not one tickwire uses.
   */
  public static List<String> resolve(String address, int partitions) {
    if (address.equals(TICKS)) {
      List<String> all = new ArrayList<>(partitions);
      for (int p = 0; p < partitions; p++) {
        all.add(ticks(p));
      }
      return all;
    }
    if (address.startsWith(TICKS + '.')) {
      String suffix = address.substring(TICKS.length() + 1);
      if (suffix.matches("\\d{1,4}") && Integer.parseInt(suffix) < partitions) {
        return List.of(address);
      }
      throw new IllegalArgumentException("unknown address '" + address + "': partitions are md.ticks.0 to md.ticks."
          + (partitions - 1));
    }
    if (STREAMS.contains(address) || NOTICES.contains(address)) {
      return List.of(address);
    }
    throw new IllegalArgumentException("unknown address '" + address + "'; known: " + String.join(", ", STREAMS)
        + ", " + String.join(", ", NOTICES) + " (md.ticks covers every md.ticks.<p>)");
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(INGRESS, "normalised events from the connectors, before validation and routing");
    d.put(TICKS, "validated, sequenced events by partition (md.ticks.<p>; md.ticks is all of them)");
    d.put(BARS, "closed OHLCV bars (and revisions) from the batchers");
    d.put(BARS_INFO, "information-driven bars: tick, volume and dollar bars from the batchers (batcher.info_bars)");
    d.put(BARS_FORMING, "still-open bars that changed lately, a few times a second (best-effort only)");
    d.put(FEATURES, "feature snapshots per symbol on every base-interval close");
    d.put(SIGNALS, "signals fired by the rules and the model");
    d.put(ANOMALIES, "sampled anomalies: duplicates, gaps, outliers, latency spikes, stale feeds, schema drift");
    d.put(BOOKS, "periodic order-book snapshots (top levels, spread, imbalance, microprice)");
    d.put(SPOT_MID, "consolidated spot mid per asset every sample interval: venues' quotes and ages, quality, basis,"
        + " funding");
    d.put(IV_SURFACE, "implied-volatility smile per (venue, underlying, expiry): forward, ATM volatility, liquid"
        + " strikes");
    d.put(HEALTH, "health notices");
    d.put(DLQ, "samples of rejected events and frames, with the reason");
    d.put(INCIDENTS, "notice that the flight recorder wrote an incident bundle, naming it");
    d.put(JOURNAL, "request/reply: a partition's journaled events, for a compute node taking it over (not tailable)");
    d.put(RULES_CHANGED, "notice that the rules table changed");
    d.put(RULES_CATALOG, "the rules catalog (every rule's source and the catalog version) for the inference stages");
    d.put(RULES_CATALOG_REQUEST, "request/reply: the current rules catalog, for an inference stage starting"
        + " (not tailable)");
    d.put(RULES_APPLIED, "an inference stage's confirmation of the rules catalog version it runs");
    d.put(RULES_STATUS, "request/reply: which node runs which rules catalog version, for /api/rules (not tailable)");
    d.put(EXTERNAL_SIGNALS, "inbound from the TCP event-bus bridge: signals of external services, checked, then on"
        + " md.signals");
    d.put(EXTERNAL_EVENTS, "inbound from the TCP event-bus bridge: v1 events, checked like TCP ingest frames, then"
        + " on md.ingress");
    d.put(MEMBER_LEFT, "node-local notice that a cluster member left, so links resend at once (not tailable)");
    return Map.copyOf(d);
  }

  /**
   * Where the bridge publishes a topic's records as JSON objects, one message per record, while a bridge client
   * subscribes: {@code md.bars.json} for {@code md.bars}. Notices that are JSON already are their own view.
   */
  public static String jsonView(String topic) {
    return topic.equals(INCIDENTS) ? topic : topic + JSON_VIEW_SUFFIX;
  }

  /** The topic carrying partition {@code p} of the routed ticks. */
  public static String ticks(int partition) {
    return TICKS + '.' + partition;
  }

  /**
   * The link an inbox belongs to, for metric labels: the inbox with any partition number taken out
   * ({@code md.ticks.3#batcher} is link {@code md.ticks#batcher}), so labels stay bounded by topics and groups.
   */
  public static String link(String inbox) {
    if (!inbox.startsWith(TICKS + '.')) {
      return inbox;
    }
    int separator = inbox.indexOf(GROUP_SEPARATOR);
    return separator < 0 ? TICKS : TICKS + inbox.substring(separator);
  }

  /** The inbox of one lossless consumer group of a topic. */
  public static String inbox(String topic, String group) {
    return topic + GROUP_SEPARATOR + group;
  }
}
