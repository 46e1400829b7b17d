package io.tickwire.bench.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BarComparisonTest {
  private static ComparedBar bar(long start, double vwap, long trades, int revision) {
    return new ComparedBar("v", "BTC-USD", 1_000, start, 100, 101, 99, 100.5, 2, vwap, trades, revision);
  }

  @Test
  void barsEqualButForTheLastBitsOfTheVwapAgree() {
    BarComparison c = new BarComparison("a", "b");
    c.left(bar(0, 100.25, 3, 0));
    c.right(bar(0, 100.25 * (1 + 1e-15), 3, 0));
    assertThat(c.report().agree()).isTrue();
    assertThat(c.report().lines().get(0)).contains("a 1, b 1, matching 1");
  }

  @Test
  void aMissingOrDifferentBarIsReportedAndTheyDisagree() {
    BarComparison c = new BarComparison("a", "b");
    c.left(bar(0, 100.25, 3, 0));
    c.left(bar(1_000, 100.25, 3, 0));
    c.right(bar(0, 100.25, 4, 0));
    BarComparison.Report report = c.report();
    assertThat(report.agree()).isFalse();
    assertThat(report.lines().get(0)).contains("only a 1", "differing 1");
    assertThat(report.lines()).last().isEqualTo("bars: DIFFERENT");
  }

  @Test
  void ofARevisedBarTheHighestRevisionIsCompared() {
    BarComparison c = new BarComparison("a", "b");
    c.left(bar(0, 100.25, 4, 1));
    c.left(bar(0, 100.25, 3, 0));
    c.right(bar(0, 100.25, 4, 0));
    assertThat(c.report().agree()).isTrue();
  }
}
