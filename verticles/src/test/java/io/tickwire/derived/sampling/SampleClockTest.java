package io.tickwire.derived.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample times in event time: aligned to the step, due a lateness after, never a flood after a jump. */
class SampleClockTest {
  private static final long S = 1_000_000;

  @Test
  void samplesFallDueOnceTheNewestEventIsTheLatenessPastThem() {
    SampleClock clock = new SampleClock(S, S / 2);
    clock.observe(10 * S + 300_000);
    assertThat(due(clock)).as("11 s is not yet half a second behind").isEmpty();
    clock.observe(11 * S + 499_999);
    assertThat(due(clock)).isEmpty();
    clock.observe(11 * S + 500_000);
    assertThat(due(clock)).containsExactly(11 * S);
    clock.observe(14 * S + 600_000);
    assertThat(due(clock)).containsExactly(12 * S, 13 * S, 14 * S);
    clock.observe(12 * S);
    assertThat(due(clock)).as("an older event moves nothing").isEmpty();
  }

  @Test
  void samplesWaitUntilEveryInputHasGotPastThem() {
    SampleClock clock = new SampleClock(S, S / 2);
    clock.observe(10 * S + 1);
    clock.observe(14 * S);
    assertThat(due(clock, 11 * S + 600_000)).as("complete up to 11.6 s").containsExactly(11 * S);
    assertThat(due(clock, 20 * S)).as("never beyond the newest input").containsExactly(12 * S, 13 * S);
  }

  @Test
  void partitionsAreWaitedForUnlessIdleOrTooFarBehind() {
    PartitionWatermarks marks = new PartitionWatermarks(4);
    int[] waited = {0, 1, 2};
    marks.event(0, 30 * S);
    marks.event(1, 25 * S);
    assertThat(marks.low(waited, 30 * S, 21 * S, 10 * S)).as("2 has said nothing: taken to be at the first input")
        .isEqualTo(21 * S);
    assertThat(marks.low(waited, 30 * S, 19 * S, 10 * S)).as("the first input is over 10 s behind the newest")
        .isEqualTo(25 * S);
    marks.event(2, 22 * S);
    assertThat(marks.low(waited, 30 * S, 10 * S, 10 * S)).isEqualTo(22 * S);
    marks.idle(2);
    assertThat(marks.low(waited, 30 * S, 10 * S, 10 * S)).as("the router says 2 is idle").isEqualTo(25 * S);
    marks.event(2, 26 * S);
    assertThat(marks.low(waited, 30 * S, 10 * S, 10 * S)).as("2 back").isEqualTo(25 * S);
    marks.event(3, 5 * S);
    marks.event(1, 45 * S);
    marks.event(0, 45 * S);
    assertThat(marks.low(waited, 40 * S, 10 * S, 10 * S)).as("2 over 10 s behind; 3 not waited for")
        .isEqualTo(40 * S);
    marks.event(-1, 50 * S);
    assertThat(marks.low(waited, 40 * S, 10 * S, 10 * S)).as("an unrouted event moves no partition")
        .isEqualTo(40 * S);
  }

  @Test
  void theFirstSampleIsThatOfTheEarliestInputWhicheverArrivedFirst() {
    SampleClock clock = new SampleClock(S, 0);
    clock.observe(2 * S + 500_000);
    clock.observe(200_000);
    assertThat(due(clock, S)).containsExactly(S);
    assertThat(clock.first()).isEqualTo(200_000);
  }

  @Test
  void anEventOnASampleTimeCountsForThatSample() {
    SampleClock clock = new SampleClock(S, 0);
    assertThat(clock.sampleOf(5 * S)).isEqualTo(5 * S);
    assertThat(clock.sampleOf(5 * S + 1)).isEqualTo(6 * S);
    clock.observe(5 * S);
    assertThat(due(clock)).containsExactly(5 * S);
  }

  @Test
  void aLongJumpSkipsTheSamplesInBetweenAndCountsThem() {
    SampleClock clock = new SampleClock(S, 0);
    clock.observe(S);
    due(clock);
    clock.observe((2 + SampleClock.MAX_CATCH_UP + 100) * S);
    List<Long> due = due(clock);
    assertThat(due).hasSize(SampleClock.MAX_CATCH_UP);
    assertThat(due.get(due.size() - 1)).isEqualTo((2 + SampleClock.MAX_CATCH_UP + 100) * S);
    assertThat(clock.skipped()).isEqualTo(101);
  }

  @Test
  void valuesAreTakenAsOfEachSampleWhateverTheirArrivalOrder() {
    SampleClock clock = new SampleClock(S, S);
    AsOf<String> input = new AsOf<>(clock, 8);
    assertThat(input.offer(2 * S + 500_000, "late-stamped")).isEqualTo(AsOf.Offer.PENDING);
    assertThat(input.offer(S + 200_000, "early")).isEqualTo(AsOf.Offer.PENDING);
    assertThat(input.offer(S + 100_000, "earlier")).as("older than one for the same sample")
        .isEqualTo(AsOf.Offer.SUPERSEDED);
    assertThat(input.at(S)).isNull();
    assertThat(input.at(2 * S)).isEqualTo("early");
    assertThat(input.offer(2 * S - 1, "too late")).isEqualTo(AsOf.Offer.LATE);
    assertThat(input.at(3 * S)).isEqualTo("late-stamped");
    assertThat(input.offer(S, "older than in force")).isEqualTo(AsOf.Offer.SUPERSEDED);
    assertThat(input.offer(3 * S + 1, null)).as("nothing from then on").isEqualTo(AsOf.Offer.PENDING);
    assertThat(input.at(4 * S)).isNull();
  }

  @Test
  void pendingValuesAreBounded() {
    SampleClock clock = new SampleClock(S, 0);
    AsOf<Long> input = new AsOf<>(clock, 2);
    for (long s = 1; s <= 5; s++) {
      input.offer(s * S, s);
    }
    assertThat(input.time()).as("the oldest pending folded in early").isEqualTo(3 * S);
    assertThat(input.at(5 * S)).isEqualTo(5L);
  }

  private static List<Long> due(SampleClock clock) {
    return due(clock, Long.MAX_VALUE);
  }

  private static List<Long> due(SampleClock clock, long complete) {
    List<Long> out = new ArrayList<>();
    for (long t = clock.nextDue(complete); t != Long.MIN_VALUE; t = clock.nextDue(complete)) {
      out.add(t);
    }
    return out;
  }
}
