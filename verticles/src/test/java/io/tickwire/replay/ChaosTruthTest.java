package io.tickwire.replay;

import static io.tickwire.replay.StreamLines.START;
import static io.tickwire.replay.StreamLines.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ground truth on hand-made streams: what counts as a gap episode and as a reordering. */
class ChaosTruthTest {
  private static EventLine t(String symbol, String id, long time) {
    return EventLine.of(trade("v", symbol, id, START + time));
  }

  @Test
  void aRunOfDroppedTradesFollowedByAVisibleTradeIsOneEpisode() {
    GapEpisodes gaps = new GapEpisodes();
    gaps.kept(t("A", "1", 1));
    gaps.missing(t("A", "2", 2));
    gaps.missing(t("A", "3", 3));
    gaps.kept(t("A", "4", 4));
    gaps.missing(t("A", "5", 5));
    gaps.kept(t("A", "6", 6));
    assertThat(gaps.episodes()).isEqualTo(2);
  }

  @Test
  void aDriftedTradeIsMissingToTheDetectorLikeADroppedOne() {
    GapEpisodes gaps = new GapEpisodes();
    gaps.kept(t("A", "1", 1));
    gaps.missing(t("A", "2", 2)); // drifted alone: refused at the ingest, so 1 -> 3 is a gap
    gaps.kept(t("A", "3", 3));
    gaps.missing(t("A", "4", 4)); // dropped, drifted, dropped: one run
    gaps.missing(t("A", "5", 5));
    gaps.missing(t("A", "6", 6));
    gaps.kept(t("A", "7", 7));
    assertThat(gaps.episodes()).isEqualTo(2);
  }

  @Test
  void quotesAndBooksNeitherOpenNorCloseARun() {
    List<String> mixed = StreamLines.mixed(3); // a BTC-USD trade, an ETH-USD quote, a SOL-USD book
    GapEpisodes gaps = new GapEpisodes();
    for (String symbol : List.of("ETH-USD", "SOL-USD")) {
      gaps.kept(t(symbol, "1", 1));
    }
    gaps.missing(EventLine.of(mixed.get(1)));
    gaps.missing(EventLine.of(mixed.get(2)));
    gaps.kept(t("ETH-USD", "2", 2));
    gaps.kept(t("SOL-USD", "2", 2));
    assertThat(gaps.episodes()).isZero();
  }

  @Test
  void runsAtTheStartOrEndOfASymbolAreNoGapsAndSymbolsAreApart() {
    GapEpisodes gaps = new GapEpisodes();
    gaps.missing(t("A", "1", 1));
    gaps.kept(t("A", "2", 2));
    gaps.kept(t("B", "1", 3));
    gaps.missing(t("A", "3", 4));
    gaps.kept(t("B", "2", 5));
    gaps.missing(t("B", "3", 6));
    assertThat(gaps.episodes()).as("A's first id is the detector's first; A and B both end dropping").isZero();
    gaps.kept(t("A", "4", 7));
    assertThat(gaps.episodes()).isEqualTo(1);
  }

  @Test
  void tradesWithoutNumericIdsDoNotCloseARun() {
    GapEpisodes gaps = new GapEpisodes();
    gaps.kept(t("A", "1", 1));
    gaps.missing(t("A", "2", 2));
    gaps.kept(t("A", "x-3", 3));
    assertThat(gaps.episodes()).isZero();
    gaps.kept(t("A", "4", 4));
    assertThat(gaps.episodes()).isEqualTo(1);
  }

  @Test
  void anEventOlderThanTheNewestOfItsSymbolIsAReorderingAndEqualTimesAreInOrder() {
    Reorderings order = new Reorderings();
    order.emitted(t("A", "1", 10), false);
    order.emitted(t("A", "3", 30), false);
    order.emitted(t("A", "2", 20), false); // older than 30
    order.emitted(t("B", "1", 5), false); // another symbol: its own newest
    order.emitted(t("A", "4", 30), false); // equal to the newest: in order
    order.emitted(t("A", "5", 25), false); // still older than 30
    assertThat(order.count()).isEqualTo(2);
  }

  @Test
  void driftedLinesAndRepeatedTradesTakeNoPartInOrder() {
    Reorderings order = new Reorderings();
    order.emitted(t("A", "1", 10), false);
    order.emitted(t("A", "9", 90), true); // drifted: refused at the ingest, so it sets no newest
    order.emitted(t("A", "2", 20), false);
    order.emitted(t("A", "3", 30), false);
    order.emitted(t("A", "2", 20), false); // the repeat of trade 2: dropped as a duplicate first
    assertThat(order.count()).isZero();
  }
}
