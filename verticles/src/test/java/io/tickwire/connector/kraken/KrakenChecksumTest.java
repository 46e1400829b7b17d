package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import org.junit.jupiter.api.Test;

class KrakenChecksumTest {
  @Test
  void decimalsReproduceTheReceivedTextIncludingTrailingZeros() {
    for (String text : new String[] {"0.000022900", "56218.30000", "0.15000000", "13355.87450757", "354.13000000",
        "0.00000000", "100"}) {
      assertThat(Decimals.toString(Decimals.parse(text))).isEqualTo(text);
    }
  }

  @Test
  void levelTextDropsThePointAndLeadingZeros() {
    assertThat(KrakenChecksum.appendLevelText(new StringBuilder(), Decimals.parse("0.000022900")).toString())
        .isEqualTo("22900");
    assertThat(KrakenChecksum.appendLevelText(new StringBuilder(), Decimals.parse("56218.30000")).toString())
        .isEqualTo("5621830000");
    assertThat(KrakenChecksum.appendLevelText(new StringBuilder(), Decimals.parse("0.05005")).toString())
        .isEqualTo("5005");
  }

  @Test
  void coversTenAsksLowToHighThenTenBidsHighToLow() {
    OrderBook book = new OrderBook("kraken", "T");
    for (int i = 1; i <= 12; i++) {
      book.apply(Side.SELL, Decimals.parse("1" + i + ".0"), Decimals.parse("0.1"));
      book.apply(Side.BUY, Decimals.parse(i + ".0"), Decimals.parse("0.2"));
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      expected.append("1").append(i).append("0").append("1");
    }
    for (int i = 12; i >= 3; i--) {
      expected.append(i).append("0").append("2");
    }
    assertThat(KrakenChecksum.input(book)).isEqualTo(expected.toString());
    assertThat(KrakenChecksum.of(book)).isEqualTo(KrakenChecksum.crc(expected));
  }

  @Test
  void crcIsUnsigned() {
    // CRC32("123456789") is the standard check value 0xCBF43926, above Integer.MAX_VALUE.
    assertThat(KrakenChecksum.crc("123456789")).isEqualTo(0xCBF43926L);
  }
}
