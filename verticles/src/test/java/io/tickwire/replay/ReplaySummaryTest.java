package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.AnomalyTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplaySummaryTest {
  @Test
  void jsonIsOneLineWithEveryAnomalyTypeSortedAndZeroWhenUnseen() {
    ReplaySummary summary = new ReplaySummary(15_000, 42, Map.of("sequence_gap", 3L, "duplicate", 750L), 2, 451);
    assertThat(summary.toJson()).isEqualTo("{\"processed\":15000,\"bars\":42,\"anomalies\":{\"bar_drift\":0,\"clock_skew\":0,"
        + "\"crossed_book\":0,\"duplicate\":750,"
        + "\"latency_spike\":0,\"out_of_order\":0,\"outlier_price\":0,\"schema_drift\":0,\"sequence_gap\":3,"
        + "\"stale_feed\":0},\"incidents\":2,\"dlq\":451}");
    assertThat(summary.anomalies().keySet()).containsExactlyInAnyOrderElementsOf(AnomalyTypes.ALL);
  }

  @Test
  void anUnknownTypeIsKeptInItsSortedPlace() {
    ReplaySummary summary = new ReplaySummary(1, 0, Map.of("a_new_type", 1L), 0, 0);
    assertThat(summary.anomalies().keySet()).first().isEqualTo("a_new_type");
    assertThat(summary.toText()).startsWith("processed=1 bars=0 anomalies: a_new_type=1 bar_drift=0 clock_skew=0 crossed_book=0"
        + " duplicate=0");
  }
}
