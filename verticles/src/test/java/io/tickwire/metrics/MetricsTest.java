package io.tickwire.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Scrape;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void countsFromSeveralSourcesAddUpUnderOneSeries() {
    Metrics metrics = new Metrics();
    AtomicLong a = new AtomicLong(3);
    AtomicLong b = new AtomicLong(4);
    metrics.dropped("md.bars#sink.redis", a::get);
    metrics.dropped("md.bars#sink.redis", b::get);
    metrics.errorCount("router", "bad_price").increment();
    metrics.errorCount("router", "bad_price").increment();
    metrics.errors("router", "bad_size", () -> 5);

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("tickwire_dropped_total", "link=\"md.bars#sink.redis\"")).hasValue(7.0);
    assertThat(scrape.value("tickwire_errors_total", "component=\"router\"", "reason=\"bad_price\"")).hasValue(2.0);
    assertThat(scrape.value("tickwire_errors_total", "reason=\"bad_size\"")).hasValue(5.0);
  }

  @Test
  void timersAreHistogramsInSecondsWithTickwiresBuckets() {
    Metrics metrics = new Metrics();
    metrics.timer(Metrics.STORE_WRITE, "help", "table", "trades").record(java.time.Duration.ofMillis(3));
    metrics.timer(Metrics.STORE_WRITE, "help", "table", "trades").record(java.time.Duration.ofMillis(30));

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("tickwire_store_write_seconds_count", "table=\"trades\"")).hasValue(2.0);
    assertThat(scrape.value("tickwire_store_write_seconds_bucket", "table=\"trades\"", "le=\"0.005\""))
        .hasValue(1.0);
    assertThat(scrape.value("tickwire_store_write_seconds_bucket", "table=\"trades\"", "le=\"0.05\""))
        .hasValue(2.0);
    assertThat(scrape.value("tickwire_store_write_seconds_sum", "table=\"trades\"").getAsDouble())
        .isBetween(0.032, 0.034);
  }

  @Test
  void aLinksLagIsOneGaugePerMeasure() {
    Metrics metrics = new Metrics();
    LinkLag lag = metrics.lag("md.ticks#batcher");
    assertThat(metrics.lag("md.ticks#batcher")).isSameAs(lag);
    long sent = System.currentTimeMillis();
    lag.observe(sent, sent * 1000 - 2_000_000);

    Scrape scrape = new Scrape(metrics.scrape());
    double elapsed = (System.currentTimeMillis() - sent) / 1000.0; // what a slow machine adds to both measures
    assertThat(scrape.value("tickwire_consumer_lag_seconds", "link=\"md.ticks#batcher\"",
        "measure=\"event_time\"").getAsDouble()).isBetween(2.0, 2.0 + elapsed);
    assertThat(scrape.value("tickwire_consumer_lag_seconds", "link=\"md.ticks#batcher\"",
        "measure=\"queue_age\"").getAsDouble()).isBetween(0.0, elapsed);
  }
}
