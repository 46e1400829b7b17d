package io.tickwire.connector;

import io.tickwire.metrics.Metrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The TCP ingest's counters. Written only from the verticle's event loop; read from anywhere (health, tests),
 * hence volatile fields and a concurrent map rather than locks.
 */
public final class TcpIngestStats {
  /** The component of the TCP ingest's rejections in {@code tickwire_errors_total}. */
  static final String COMPONENT = "tcp_ingest";

  private final Metrics metrics;
  private volatile long connections;
  private volatile long frames;
  private volatile long events;
  private volatile long closedOversize;
  private volatile long refusedConnections;
  private volatile long refusedPerAddress;
  private volatile long closedIdle;
  private volatile long lostEvents;
  private final Map<String, Long> rejected = new ConcurrentHashMap<>();
  /** {@code tickwire_errors_total} by reason, looked up here so a flood of bad frames builds no meter keys. */
  private final Map<String, LongAdder> errorCounts = new ConcurrentHashMap<>();

  /** @param metrics where each rejection is counted too, by reason */
  TcpIngestStats(Metrics metrics) {
    this.metrics = metrics;
  }

  void connectionOpened() {
    connections++;
  }

  void connectionClosed() {
    connections--;
  }

  void refused() {
    refusedConnections++;
  }

  /** Refused because its address already holds max_connections_per_address (also counted in refused()). */
  void addressRefused() {
    refusedPerAddress++;
    refusedConnections++;
  }

  void idleClosed() {
    closedIdle++;
  }

  void frameRead() {
    frames++;
  }

  void eventsAccepted(int n) {
    events += n;
  }

  void rejected(String reason) {
    rejected.merge(reason, 1L, Long::sum);
    errorCounts.computeIfAbsent(reason, r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void eventsLost(int n) {
    lostEvents += n;
    errorCounts.computeIfAbsent("ingress_refused", r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void closedForLength() {
    closedOversize++;
  }

  public long connections() {
    return connections;
  }

  /** Complete frames read, good or bad. */
  public long frames() {
    return frames;
  }

  /** Events handed to the pipeline. */
  public long events() {
    return events;
  }

  public long closedOversize() {
    return closedOversize;
  }

  /** Events the ingress refused after they were read (a bug if ever non-zero; never silent). */
  public long lostEvents() {
    return lostEvents;
  }

  public long refusedConnections() {
    return refusedConnections;
  }

  public long refusedPerAddress() {
    return refusedPerAddress;
  }

  /** Connections closed for sending nothing for idle_timeout_ms. */
  public long closedIdle() {
    return closedIdle;
  }

  /** Rejected frames by reason. */
  public Map<String, Long> rejectedByReason() {
    return Map.copyOf(rejected);
  }

  public long rejected() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The health gauges: totals plus {@code rejected_<reason>} for each reason seen. */
  Map<String, Number> gauges() {
    Map<String, Number> gauges = new TreeMap<>();
    gauges.put("connections", connections);
    gauges.put("frames", frames);
    gauges.put("events", events);
    gauges.put("rejected", rejected());
    rejected.forEach((reason, count) -> gauges.put("rejected_" + reason, count));
    gauges.put("closed_oversize", closedOversize);
    gauges.put("refused_connections", refusedConnections);
    gauges.put("refused_per_address", refusedPerAddress);
    gauges.put("closed_idle", closedIdle);
    gauges.put("lost_events", lostEvents);
    return gauges;
  }
}
