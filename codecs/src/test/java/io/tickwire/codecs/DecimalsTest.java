package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void keepsTheParsedScale() {
    long p = Decimals.parse("1.50");
    assertThat(Decimals.unscaled(p)).isEqualTo(150);
    assertThat(Decimals.scale(p)).isEqualTo(2);
    assertThat(Decimals.toString(p)).isEqualTo("1.50");
    assertThat(Decimals.toString(Decimals.parse("65000.10"))).isEqualTo("65000.10");
    assertThat(Decimals.toString(Decimals.parse("0.000001"))).isEqualTo("0.000001");
  }

  @Test
  void negativeAndSignedValues() {
    assertThat(Decimals.toString(Decimals.parse("-0.05"))).isEqualTo("-0.05");
    assertThat(Decimals.toString(Decimals.parse("+7"))).isEqualTo("7");
    assertThat(Decimals.toDouble(Decimals.parse("-12.5"))).isEqualTo(-12.5);
  }

  @Test
  void exponentsShiftTheScale() {
    assertThat(Decimals.toString(Decimals.parse("1.5e3"))).isEqualTo("1500");
    assertThat(Decimals.toString(Decimals.parse("25E-4"))).isEqualTo("0.0025");
    assertThat(Decimals.toString(Decimals.parse("1.000e2"))).isEqualTo("100.0");
    assertThat(Decimals.toString(Decimals.parse("0e500"))).isEqualTo("0");
  }

  @Test
  void tooManyPlacesAreRejectedUnlessTheyAreTrailingZeros() {
    assertThatThrownBy(() -> Decimals.parse("0.1234567890123456")).isInstanceOf(DecimalFormatException.class)
        .hasMessageContaining("more than 15 decimal places");
    assertThat(Decimals.toString(Decimals.parse("0.10000000000000000000000"))).isEqualTo("0.100000000000000");
    assertThat(Decimals.compare(Decimals.parse("0.10000000000000000000000"), Decimals.parse("0.1"))).isZero();
  }

  @Test
  void overflowIsRejectedNotWrapped() {
    assertThatThrownBy(() -> Decimals.parse("576460752303423488")).isInstanceOf(DecimalFormatException.class)
        .hasMessageContaining("too many significant digits");
    assertThat(Decimals.unscaled(Decimals.parse("576460752303423487"))).isEqualTo((1L << 59) - 1);
    assertThatThrownBy(() -> Decimals.parse("1e18")).isInstanceOf(DecimalFormatException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> Decimals.of(1L << 59, 0)).isInstanceOf(DecimalFormatException.class);
  }

  @Test
  void garbageIsRejectedNamingTheText() {
    for (String bad : new String[] {"", "-", "abc", "1.2.3", "1e", "1e+", ".", "12a"}) {
      assertThatThrownBy(() -> Decimals.parse(bad)).as(bad).isInstanceOf(DecimalFormatException.class)
          .hasMessageStartingWith("'" + bad + "' is not an exact decimal");
    }
  }

  @Test
  void normalizeAndCompareAcrossScales() {
    assertThat(Decimals.normalize(Decimals.parse("1.500"))).isEqualTo(Decimals.parse("1.5"));
    assertThat(Decimals.compare(Decimals.parse("2"), Decimals.parse("1.999"))).isPositive();
    assertThat(Decimals.fromDouble(0.1 + 0.2, 2)).isEqualTo(Decimals.parse("0.30"));
  }
}
