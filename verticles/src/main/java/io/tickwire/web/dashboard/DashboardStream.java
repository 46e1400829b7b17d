package io.tickwire.web.dashboard;

import java.util.List;

/**
 * What a dashboard client can subscribe to, with the {@code type} of the messages each one pushes and how a full
 * client queue treats them. Latest-value streams (bars, forming bars, features, mids, surfaces) coalesce: only the
 * newest message per key is worth sending late. Event streams (signals, anomalies, incidents, health) drop the oldest instead.
 * {@link #CONTROL} is the server's replies (acks, pongs, errors): never subscribed, always delivered.
 */
public enum DashboardStream {
  BARS("bars", "bar", true, true),
  FORMING("forming", "forming", true, true),
  FEATURES("features", "features", true, false),
  SIGNALS("signals", "signal", false, false),
  ANOMALIES("anomalies", "anomaly", false, false),
  INCIDENTS("incidents", "incident", false, false),
  HEALTH("health", "health", false, false),
  /** Consolidated spot mids, the newest per asset; about no symbol, so a subscription's symbols do not filter them. */
  MIDS("mids", "spot_mid", true, false),
  /** Volatility smiles, the newest per (venue, underlying, expiry); about no symbol either. */
  SURFACES("surfaces", "iv_surface", true, false),
  CONTROL("control", null, false, false);

  /** The streams a subscribe request may name, in their wire order. */
  public static final List<DashboardStream> SUBSCRIBABLE =
      List.of(BARS, FORMING, FEATURES, SIGNALS, ANOMALIES, INCIDENTS, HEALTH, MIDS, SURFACES);

  private final String wire;
  private final String messageType;
  private final boolean coalesces;
  private final boolean perInterval;

  DashboardStream(String wire, String messageType, boolean coalesces, boolean perInterval) {
    this.wire = wire;
    this.messageType = messageType;
    this.coalesces = coalesces;
    this.perInterval = perInterval;
  }

  /** The name in subscribe requests, drop counts and the metric's {@code stream} label. */
  public String wire() {
    return wire;
  }

  /** The {@code type} of the messages pushed for this stream. */
  public String messageType() {
    return messageType;
  }

  /** A newer message replaces a queued one of the same key rather than queueing behind it. */
  public boolean coalesces() {
    return coalesces;
  }

  /** Its messages belong to one bar interval, so a subscription's intervals filter them. */
  public boolean perInterval() {
    return perInterval;
  }

  /** The subscribable stream named {@code wire}, or null. */
  public static DashboardStream byWire(String wire) {
    for (DashboardStream s : SUBSCRIBABLE) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    return null;
  }
}
