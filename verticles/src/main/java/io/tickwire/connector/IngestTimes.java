package io.tickwire.connector;

import io.tickwire.codecs.MarketEvent;

/**
 * Stamps the receive time on events whose producer left {@code ingest_ts} out (0): an external producer cannot
 * know when we received its event, and latency measurements need it. A producer-given time is kept, so a
 * replayed capture keeps its original ingest times.
 */
public final class IngestTimes {
  private IngestTimes() {
  }

  public static MarketEvent stamped(MarketEvent event, long receivedMicros) {
    return event.ingestTime() != 0 ? event : event.withIngestTime(receivedMicros);
  }
}
