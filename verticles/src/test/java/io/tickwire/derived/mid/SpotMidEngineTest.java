package io.tickwire.derived.mid;

import static io.tickwire.derived.mid.ThreeVenues.SECOND;
import static io.tickwire.derived.mid.ThreeVenues.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.VenueQuote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three fake venues through the spot-mid engine: ok while they agree, degraded once two go quiet, suspect once one
 * comes back 5% off; every sample's mid and quality equal the independent computation of {@link SpotMidOracle}.
 */
class SpotMidEngineTest {
  private final ThreeVenues.Feed feed = ThreeVenues.feed();
  private final SpotMidOracle oracle = new SpotMidOracle(3 * SECOND, 2, 50.0);

  @Test
  void okThenDegradedThenSuspectAndEveryMidEqualsTheIndependentComputation() {
    List<SpotMid> samples = run(feed.quotes());

    assertThat(samples).extracting(SpotMid::ts).as("one sample a second, from the first quote's second on, until"
        + " the newest quote is the lateness past it").containsExactlyElementsOf(secondsFrom(0, 29));
    for (SpotMid sample : samples) {
      SpotMidOracle.Expected expected = oracle.at(sample.ts(), feed.raw());
      assertThat(sample.mid()).as("mid at " + sample.ts()).isEqualTo(expected.mid());
      assertThat(sample.quality()).as("quality at " + sample.ts()).isEqualTo(expected.quality());
      assertThat(sample.freshVenues()).as("fresh venues at " + sample.ts()).isEqualTo(expected.fresh());
    }
    assertThat(qualities(samples, 1, 12)).as("all three agreeing").containsOnly(SpotMid.OK);
    assertThat(qualities(samples, 13, 20)).as("b and c quiet for over 3 s").containsOnly(SpotMid.DEGRADED);
    assertThat(qualities(samples, 21, 29)).as("c back 5% higher").containsOnly(SpotMid.SUSPECT);
  }

  @Test
  void eachVenuesStalenessIsTheAgeOfItsLastQuoteAtTheSample() {
    SpotMid at15 = sampleAt(run(feed.quotes()), 15);
    VenueQuote b = at15.venues().get(1);
    assertThat(b.venue()).isEqualTo("fake_b");
    assertThat(b.quoteTime()).as("b's last quote before going quiet").isEqualTo(T0 + 9 * SECOND + 830_000);
    assertThat(b.ageMs()).isEqualTo(5_170);
    assertThat(b.fresh()).isFalse();
    VenueQuote a = at15.venues().get(0);
    assertThat(a.ageMs()).as("a quotes on every whole second").isZero();
    assertThat(a.fresh()).isTrue();
    assertThat(at15.mid()).as("the one fresh venue's mid").isEqualTo(a.mid());
  }

  @Test
  void arrivalOrderWithinTheLatenessDoesNotChangeAnySample() {
    List<SpotMid> inOrder = run(feed.quotes());
    List<SpotMid> cLate = run(ThreeVenues.arrivingWithCLate(feed.quotes()));
    assertThat(cLate).isEqualTo(inOrder);
  }

  @Test
  void theSuspectMidStaysWithTheTwoVenuesThatAgree() {
    SpotMid at25 = sampleAt(run(feed.quotes()), 25);
    double a = at25.venues().get(0).mid();
    double b = at25.venues().get(1).mid();
    assertThat(at25.mid()).as("the median of three is the higher of the two that agree")
        .isEqualTo(Math.max(a, b));
    assertThat(at25.dispersionBps()).isGreaterThan(450);
  }

  /** Every event through one partition, as in a single feed: the engine then waits for nothing but the lateness. */
  static List<SpotMid> run(List<? extends MarketEvent> events) {
    return new MidFeed(ThreeVenues.config()).applyAll(events).out;
  }

  static List<Long> secondsFrom(int first, int last) {
    List<Long> out = new ArrayList<>();
    for (int s = first; s <= last; s++) {
      out.add(T0 + s * SECOND);
    }
    return out;
  }

  private static List<String> qualities(List<SpotMid> samples, int fromSecond, int toSecond) {
    return samples.stream().filter(s -> s.ts() >= T0 + fromSecond * SECOND && s.ts() <= T0 + toSecond * SECOND)
        .map(SpotMid::quality).toList();
  }

  private static SpotMid sampleAt(List<SpotMid> samples, int second) {
    return samples.stream().filter(s -> s.ts() == T0 + second * SECOND).findFirst().orElseThrow();
  }
}
