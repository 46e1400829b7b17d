package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * The router ({@code router.*}): rejected events sampled per second, and (in a cluster) the partition journal: the
 * extra event time it keeps beyond what the batchers can still change ({@code journalMarginMs}) and its cap per
 * partition. {@code maxSymbols}: (venue, symbol) keys admitted at once, each forgotten after {@code symbolIdleMs}
 * without an event; it also caps every per-symbol structure downstream (see docs/BOUNDED-STATE.md).
 * {@code maxFutureMs} ({@code ingest.max_future_ms}): how far ahead of the node's clock an event may be stamped;
 * the router enforces it for every source.
 */
public record RouterSettings(int dlqSamplesPerSec, long journalMarginMs, int journalMaxEvents, int maxSymbols,
    long symbolIdleMs, long maxFutureMs) {

  static RouterSettings from(ConfigReader r) {
    return new RouterSettings((int) r.integer("router.dlq_samples_per_sec", 0, 100_000),
        r.integer("router.journal_margin_ms", 0, 24 * HOUR_MS),
        (int) r.integer("router.journal_max_events", 1_000, 100_000_000),
        (int) r.integer("router.max_symbols", 1, 10_000_000),
        r.integer("router.symbol_idle_ms", 1_000, 7 * 24 * HOUR_MS),
        r.integer("ingest.max_future_ms", 0, 24 * HOUR_MS));
  }
}
