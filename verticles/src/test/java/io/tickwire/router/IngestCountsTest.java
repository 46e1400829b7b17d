package io.tickwire.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.EventKind;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.metrics.Metrics;
import io.tickwire.testing.Scrape;
import org.junit.jupiter.api.Test;

class IngestCountsTest {
  @Test
  void countsEveryEventByVenueAndKind() {
    Metrics metrics = new Metrics();
    IngestCounts counts = new IngestCounts(metrics);
    for (int i = 0; i < 3; i++) {
      counts.count(trade("kraken"));
    }
    counts.count(quote("kraken"));
    counts.count(trade("binance"));

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("tickwire_events_ingested_total", "venue=\"kraken\"", "kind=\"trade\"")).hasValue(3.0);
    assertThat(scrape.value("tickwire_events_ingested_total", "venue=\"kraken\"", "kind=\"quote\"")).hasValue(1.0);
    assertThat(scrape.value("tickwire_events_ingested_total", "venue=\"binance\"", "kind=\"trade\"")).hasValue(1.0);
    assertThat(scrape.value("tickwire_events_ingested_total", "venue=\"binance\"", "kind=\"book\"")).hasValue(0.0);
  }

  @Test
  void venuesPastTheBoundCountUnderOtherSoTheLabelsStayBounded() {
    Metrics metrics = new Metrics();
    IngestCounts counts = new IngestCounts(metrics);
    for (int v = 0; v < IngestCounts.MAX_VENUES + 50; v++) {
      counts.count(trade("venue" + v));
    }

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("tickwire_events_ingested_total", "venue=\"other\"", "kind=\"trade\"")).hasValue(50.0);
    assertThat(scrape.sum("tickwire_events_ingested_total")).isEqualTo(IngestCounts.MAX_VENUES + 50);
    assertThat(metrics.scrape().lines().filter(l -> l.startsWith("tickwire_events_ingested_total{")).count())
        .isEqualTo((IngestCounts.MAX_VENUES + 1L) * EventKind.values().length);
  }

  private static Trade trade(String venue) {
    return new Trade(venue, "BTC-USD", "t1", 100, 1, Side.BUY, 1_000_000L, 1_000_100L, 0);
  }

  private static Quote quote(String venue) {
    return new Quote(venue, "BTC-USD", 99, 1, 101, 1, 1_000_000L, 1_000_100L, 0);
  }
}
