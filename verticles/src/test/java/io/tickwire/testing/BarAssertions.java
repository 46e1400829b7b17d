package io.tickwire.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Bar;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Compares emitted bars with {@link ReferenceBars}: OHLC, volume and count exactly, VWAP to 1e-12 relative. */
public final class BarAssertions {
  /** VWAP's numerator is a double sum in arrival order; 1e-12 relative is far below a price tick. */
  public static final double VWAP_RELATIVE_TOLERANCE = 1e-12;

  private BarAssertions() {
  }

  public static String key(Bar bar) {
    return bar.venue() + "|" + bar.symbol() + "|" + bar.intervalMillis() + "|" + bar.start();
  }

  /** The newest revision of each bar, keyed like {@link ReferenceBars.Expected#key()}. */
  public static Map<String, Bar> latestRevisions(Collection<Bar> bars) {
    Map<String, Bar> out = new TreeMap<>();
    for (Bar bar : bars) {
      out.merge(key(bar), bar, (a, b) -> b.revision() >= a.revision() ? b : a);
    }
    return out;
  }

  public static void assertMatches(Map<String, Bar> actual, Map<String, ReferenceBars.Expected> expected) {
    assertThat(actual.keySet()).as("bar keys").containsExactlyElementsOf(expected.keySet());
    expected.forEach((key, e) -> {
      Bar bar = actual.get(key);
      assertThat(bar.open()).as(key + " open").isEqualTo(e.open());
      assertThat(bar.high()).as(key + " high").isEqualTo(e.high());
      assertThat(bar.low()).as(key + " low").isEqualTo(e.low());
      assertThat(bar.close()).as(key + " close").isEqualTo(e.close());
      assertThat(bar.trades()).as(key + " trades").isEqualTo(e.trades());
      assertThat(bar.volume()).as(key + " volume").isEqualTo(e.volume().doubleValue());
      double vwap = e.vwap().doubleValue();
      assertThat(bar.vwap()).as(key + " vwap").isCloseTo(vwap, within(Math.abs(vwap) * VWAP_RELATIVE_TOLERANCE));
    });
  }
}
