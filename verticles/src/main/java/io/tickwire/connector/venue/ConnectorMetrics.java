package io.tickwire.connector.venue;

import io.tickwire.connector.ws.FeedState;
import io.tickwire.metrics.Metrics;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Registers one connector's meters, each read from its latest {@link ConnectorFigures} at scrape time. */
final class ConnectorMetrics {
  private ConnectorMetrics() {
  }

  static void register(Metrics metrics, String connector, Supplier<ConnectorFigures> figures) {
    metrics.gauge(Metrics.CONNECTOR_UP, "1 while the connector's websocket is open, 0 otherwise",
        () -> figures.get().state() == FeedState.OPEN ? 1 : 0, "connector", connector);
    metrics.gauge(Metrics.CONNECTOR_LAST_MESSAGE_AGE, "Seconds since the connector's last inbound frame",
        () -> Math.max(0, figures.get().lastMessageAgeMs()) / 1000.0, "connector", connector);
    counter(metrics, Metrics.CONNECTOR_FRAMES, "Inbound websocket frames", connector, figures,
        ConnectorFigures::frames);
    counter(metrics, Metrics.CONNECTOR_RECONNECTS, "Reconnections after a lost or stale connection", connector,
        figures, ConnectorFigures::reconnects);
    counter(metrics, Metrics.CONNECTOR_RESYNCS, "Order books thrown away and rebuilt", connector, figures,
        ConnectorFigures::resyncs);
    counter(metrics, Metrics.CONNECTOR_GAPS, "Holes in a venue sequence or connection", connector, figures,
        ConnectorFigures::gaps);
    counter(metrics, Metrics.CONNECTOR_CHECKSUM_FAILURES, "Order-book checksum mismatches", connector, figures,
        ConnectorFigures::checksumFailed);
    counter(metrics, Metrics.CONNECTOR_PARSE_ERRORS, "Inbound frames that could not be read", connector, figures,
        ConnectorFigures::parseErrors);
    counter(metrics, Metrics.CONNECTOR_DROPPED, "Events dropped from a full inbound buffer", connector, figures,
        ConnectorFigures::dropped);
    // the same counts in the node-wide views: every drop by link, every error by component
    String component = "connector." + connector;
    metrics.dropped(component, () -> figures.get().dropped());
    metrics.errors(component, "parse_error", () -> figures.get().parseErrors());
    metrics.errors(component, "checksum_failure", () -> figures.get().checksumFailed());
  }

  private static void counter(Metrics metrics, String name, String help, String connector,
      Supplier<ConnectorFigures> figures, ToLongFunction<ConnectorFigures> field) {
    metrics.counter(name, help, () -> field.applyAsLong(figures.get()), "connector", connector);
  }
}
