package io.tickwire.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  private final OrderBook book = new OrderBook("kraken", "XBT/USD");

  private void put(Side side, String price, String size) {
    book.apply(side, Decimals.parse(price), Decimals.parse(size));
  }

  private static List<String> texts(List<BookLevel> levels) {
    return levels.stream().map(l -> Decimals.toString(l.price()) + "@" + Decimals.toString(l.size())).toList();
  }

  @Test
  void emptyBookReportsSentinelsAndNaN() {
    assertThat(book.bestBid()).isEqualTo(OrderBook.NONE);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NONE);
    assertThat(book.spread()).isNaN();
    assertThat(book.mid()).isNaN();
    assertThat(book.microprice()).isNaN();
    assertThat(book.imbalance(5)).isNaN();
    assertThat(book.crossed()).isFalse();
    assertThat(book.topLevels(Side.BUY, 10)).isEmpty();
  }

  @Test
  void ordersBidsDescendingAndAsksAscendingAcrossScales() {
    put(Side.BUY, "100.5", "1");
    put(Side.BUY, "99", "2");
    put(Side.BUY, "100.25", "3");
    put(Side.SELL, "101.00", "4");
    put(Side.SELL, "100.75", "5");
    put(Side.SELL, "102", "6");
    assertThat(texts(book.topLevels(Side.BUY, 10))).containsExactly("100.5@1", "100.25@3", "99@2");
    assertThat(texts(book.topLevels(Side.SELL, 2))).containsExactly("100.75@5", "101.00@4");
    assertThat(Decimals.toString(book.bestBid())).isEqualTo("100.5");
    assertThat(Decimals.toString(book.bestAsk())).isEqualTo("100.75");
    assertThat(book.spread()).isEqualTo(0.25);
    assertThat(book.mid()).isEqualTo(100.625);
  }

  @Test
  void equalPricesAtDifferentScalesAreOneLevelAndKeepTheLatestText() {
    put(Side.SELL, "1.5", "2.000");
    put(Side.SELL, "1.50", "3.10");
    assertThat(book.depth(Side.SELL)).isEqualTo(1);
    assertThat(texts(book.topLevels(Side.SELL, 1))).containsExactly("1.50@3.10");
    put(Side.SELL, "1.500", "0.00000000");
    assertThat(book.isEmpty(Side.SELL)).isTrue();
  }

  @Test
  void sizeZeroDeletesAndDeletingAMissingLevelIsHarmless() {
    put(Side.BUY, "10", "1");
    put(Side.BUY, "11", "0");
    put(Side.BUY, "10", "0.0");
    assertThat(book.isEmpty(Side.BUY)).isTrue();
    assertThatThrownBy(() -> put(Side.BUY, "10", "-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative size");
  }

  @Test
  void imbalanceAndMicropriceUseTopLevels() {
    put(Side.BUY, "100", "3");
    put(Side.BUY, "99", "1");
    put(Side.BUY, "98", "100");
    put(Side.SELL, "101", "1");
    put(Side.SELL, "102", "1");
    // top 2: bid 4, ask 2 -> (4 - 2) / 6
    assertThat(book.imbalance(2)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(book.imbalance(1)).isCloseTo(0.5, within(1e-12));
    // (100 * 1 + 101 * 3) / 4: leans toward the ask, which has less size
    assertThat(book.microprice()).isCloseTo(100.75, within(1e-12));
    assertThat(book.spreadBps()).isCloseTo(1 / 100.5 * 10_000, within(1e-9));
  }

  @Test
  void detectsCrossedAndLockedBooks() {
    put(Side.BUY, "100", "1");
    put(Side.SELL, "100.01", "1");
    assertThat(book.crossed()).isFalse();
    put(Side.BUY, "100.010", "1");
    assertThat(book.crossed()).isTrue();
    put(Side.BUY, "100.010", "0");
    put(Side.BUY, "100.02", "1");
    assertThat(book.crossed()).isTrue();
  }

  @Test
  void truncateKeepsTheBestLevelsPerSide() {
    for (int i = 1; i <= 5; i++) {
      put(Side.BUY, Integer.toString(100 - i), "1");
      put(Side.SELL, Integer.toString(100 + i), "1");
    }
    book.truncate(3);
    assertThat(texts(book.topLevels(Side.BUY, 10))).containsExactly("99@1", "98@1", "97@1");
    assertThat(texts(book.topLevels(Side.SELL, 10))).containsExactly("101@1", "102@1", "103@1");
    book.truncate(0);
    assertThat(book.isEmpty(Side.BUY)).isTrue();
    assertThat(book.isEmpty(Side.SELL)).isTrue();
  }

  @Test
  void clearEmptiesBothSides() {
    put(Side.BUY, "1", "1");
    put(Side.SELL, "2", "1");
    book.clear();
    assertThat(book.depth(Side.BUY) + book.depth(Side.SELL)).isZero();
    assertThat(book.sizeAt(Side.BUY, Decimals.parse("1"))).isEqualTo(OrderBook.NONE);
  }

  @Test
  void sizesKeepTheirReceivedScale() {
    put(Side.BUY, "0.000022900", "13355.87450760");
    assertThat(Decimals.toString(book.bestBid())).isEqualTo("0.000022900");
    assertThat(Decimals.toString(book.bestBidSize())).isEqualTo("13355.87450760");
  }
}
