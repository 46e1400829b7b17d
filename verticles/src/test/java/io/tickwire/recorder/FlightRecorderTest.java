package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.MS;
import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.anomaly;
import static io.tickwire.recorder.Recorded.settings;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.RecorderSettings;
import io.tickwire.codecs.AnomalyTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlightRecorderTest {
  private final List<Incident> incidents = new ArrayList<>();

  private FlightRecorder recorder(RecorderSettings settings) {
    return new FlightRecorder(settings, incidents::add);
  }

  private static void feed(FlightRecorder recorder, int from, int to) {
    for (int i = from; i < to; i++) {
      recorder.record(trade(i));
    }
  }

  private static List<MarketEvent> trades(int from, int to) {
    return IntStream.range(from, to).<MarketEvent>mapToObj(Recorded::trade).toList();
  }

  /** Records trade {@code i} and reports {@code type} on it, as the router does: record, then detect. */
  private static Anomaly recordAndReport(FlightRecorder recorder, int i, String type, long wallMillis) {
    recorder.record(trade(i));
    Anomaly a = anomaly(type, trade(i));
    recorder.anomaly(a, wallMillis);
    return a;
  }

  @Test
  void aTriggerCapturesTheEventsBeforeEndingWithItsOwnAndThenTheEventsAfter() {
    FlightRecorder recorder = recorder(settings(5, 3, 60_000));
    feed(recorder, 0, 19);
    Anomaly trigger = recordAndReport(recorder, 19, AnomalyTypes.OUTLIER_PRICE, 1_000);
    assertThat(recorder.capturing()).isTrue();

    feed(recorder, 20, 22);
    assertThat(incidents).isEmpty();
    feed(recorder, 22, 30);

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.trigger()).isEqualTo(trigger);
      assertThat(incident.before()).containsExactlyElementsOf(trades(15, 20));
      assertThat(incident.after()).containsExactlyElementsOf(trades(20, 23));
      assertThat(incident.triggerLine()).hasValue(5);
      assertThat(incident.completion()).isEqualTo(Incident.Completion.AFTER_EVENTS);
      assertThat(incident.triggeredMillis()).isEqualTo(1_000);
      assertThat(incident.firstEventTime()).isEqualTo(T0 + 15 * MS);
      assertThat(incident.lastEventTime()).isEqualTo(T0 + 22 * MS);
      assertThat(incident.id()).startsWith("20240501T120000Z_").matches(IncidentIds.PATTERN);
    });
    assertThat(recorder.capturing()).isFalse();
    assertThat(recorder.stats().incidentsTriggered()).isEqualTo(1);
  }

  @Test
  void withFewerEventsHeldThanBeforeEventsTheBundleHasWhatThereIs() {
    FlightRecorder recorder = recorder(settings(5, 1, 60_000));
    recorder.record(trade(0));
    recordAndReport(recorder, 1, AnomalyTypes.SEQUENCE_GAP, 0);
    recorder.record(trade(2));

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.before()).containsExactlyElementsOf(trades(0, 2));
      assertThat(incident.after()).containsExactlyElementsOf(trades(2, 3));
      assertThat(incident.triggerLine()).hasValue(2);
    });
  }

  @Test
  void aTriggerWithoutARecordedEventHasNoTriggerLine() {
    FlightRecorder recorder = recorder(settings(5, 1, 60_000));
    feed(recorder, 0, 3);
    recorder.anomaly(anomaly(AnomalyTypes.OUTLIER_PRICE, trade(100)), 0);
    recorder.flush();

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.before()).containsExactlyElementsOf(trades(0, 3));
      assertThat(incident.triggerLine()).isEmpty();
    });
  }

  @Test
  void withNoAfterEventsTheCaptureCompletesAtTheTrigger() {
    FlightRecorder recorder = recorder(settings(3, 0, 60_000));
    feed(recorder, 0, 10);
    recordAndReport(recorder, 10, AnomalyTypes.OUTLIER_PRICE, 0);

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.before()).containsExactlyElementsOf(trades(8, 11));
      assertThat(incident.after()).isEmpty();
      assertThat(incident.completion()).isEqualTo(Incident.Completion.AFTER_EVENTS);
    });
    assertThat(recorder.capturing()).isFalse();
  }

  @Test
  void theCooldownInEventTimeSuppressesASecondTriggerAndLetsOneThroughOnceItHasPassed() {
    FlightRecorder recorder = recorder(settings(2, 1, 60_000));
    recordAndReport(recorder, 0, AnomalyTypes.OUTLIER_PRICE, 0);
    recorder.record(trade(1));
    assertThat(incidents).hasSize(1);

    // 59.999 s of event time later, whatever the wall clock says: still cooling down.
    recordAndReport(recorder, 59_999, AnomalyTypes.OUTLIER_PRICE, 10_000_000);
    assertThat(recorder.capturing()).isFalse();
    assertThat(recorder.stats().suppressedByCooldown()).isEqualTo(1);

    Anomaly second = recordAndReport(recorder, 60_000, AnomalyTypes.SEQUENCE_GAP, 10_000_001);
    recorder.record(trade(60_001));

    assertThat(incidents).hasSize(2);
    assertThat(incidents.get(1).trigger()).isEqualTo(second);
    assertThat(incidents.get(1).before()).containsExactly(trade(59_999), trade(60_000));
    assertThat(recorder.stats().incidentsTriggered()).isEqualTo(2);
    assertThat(recorder.stats().suppressedByCooldown()).isEqualTo(1);
  }

  @Test
  void aTriggerDuringACaptureIsCountedButStartsNothing() {
    FlightRecorder recorder = recorder(settings(2, 5, 0));
    recordAndReport(recorder, 0, AnomalyTypes.OUTLIER_PRICE, 0);
    recordAndReport(recorder, 1, AnomalyTypes.OUTLIER_PRICE, 0);
    feed(recorder, 2, 10);

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.anomalyCounts()).containsExactly(Map.entry(AnomalyTypes.OUTLIER_PRICE, 2L));
      assertThat(incident.after()).containsExactlyElementsOf(trades(1, 6));
    });
    assertThat(recorder.stats().suppressedByCapture()).isEqualTo(1);
    assertThat(recorder.stats().incidentsTriggered()).isEqualTo(1);
  }

  @Test
  void countsEveryAnomalyOfTheCaptureByTypeAndKeepsTheFirstAsEvidence() {
    FlightRecorder recorder = recorder(settings(2, 100, 60_000));
    recordAndReport(recorder, 0, AnomalyTypes.DUPLICATE, 0); // before the capture: not part of it
    Anomaly trigger = recordAndReport(recorder, 1, AnomalyTypes.OUTLIER_PRICE, 0);
    List<Anomaly> during = new ArrayList<>();
    for (int i = 2; i < 32; i++) {
      String type = i % 3 == 0 ? AnomalyTypes.DUPLICATE : i % 3 == 1 ? AnomalyTypes.OUT_OF_ORDER
          : AnomalyTypes.SEQUENCE_GAP;
      during.add(recordAndReport(recorder, i, type, 0));
    }
    recorder.flush();

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.anomalyCounts()).containsExactly(
          Map.entry(AnomalyTypes.DUPLICATE, 10L),
          Map.entry(AnomalyTypes.OUT_OF_ORDER, 10L),
          Map.entry(AnomalyTypes.OUTLIER_PRICE, 1L),
          Map.entry(AnomalyTypes.SEQUENCE_GAP, 10L));
      assertThat(incident.evidence()).hasSize(FlightRecorder.EVIDENCE_LIMIT);
      assertThat(incident.evidence().get(0)).isEqualTo(trigger);
      assertThat(incident.evidence().subList(1, 20)).containsExactlyElementsOf(during.subList(0, 19));
    });
  }

  @Test
  void typesThatAreNotTriggersNeverStartACapture() {
    FlightRecorder recorder = recorder(settings(5, 5, 0));
    for (int i = 0; i < 200; i++) {
      for (String type : List.of(AnomalyTypes.DUPLICATE, AnomalyTypes.OUT_OF_ORDER, AnomalyTypes.LATENCY_SPIKE,
          AnomalyTypes.SCHEMA_DRIFT, AnomalyTypes.STALE_FEED)) {
        recordAndReport(recorder, i, type, i);
      }
    }
    recorder.poll(Long.MAX_VALUE / 2);
    recorder.flush();

    assertThat(incidents).isEmpty();
    assertThat(recorder.stats().incidentsTriggered()).isZero();
    assertThat(recorder.stats().suppressedByCooldown()).isZero();
    assertThat(recorder.stats().eventsRecorded()).isEqualTo(1_000);
  }

  @Test
  void pollCompletesACaptureOnceTheAfterTimeoutHasPassedOnTheWallClock() {
    FlightRecorder recorder = recorder(settings(2, 1_000, 60_000)); // after_timeout_ms 30 000
    recordAndReport(recorder, 0, AnomalyTypes.OUTLIER_PRICE, 5_000);
    feed(recorder, 1, 4);

    recorder.poll(34_999);
    assertThat(incidents).isEmpty();
    recorder.poll(35_000);

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.after()).containsExactlyElementsOf(trades(1, 4));
      assertThat(incident.completion()).isEqualTo(Incident.Completion.TIMEOUT);
    });
    recorder.record(trade(4));
    assertThat(recorder.capturing()).isFalse();
  }

  @Test
  void flushCompletesTheCaptureInProgressAndOnlyThatOne() {
    FlightRecorder recorder = recorder(settings(2, 1_000, 60_000));
    recorder.flush();
    assertThat(incidents).isEmpty();

    recordAndReport(recorder, 0, AnomalyTypes.OUTLIER_PRICE, 0);
    feed(recorder, 1, 3);
    recorder.flush();
    recorder.flush();

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.after()).containsExactlyElementsOf(trades(1, 3));
      assertThat(incident.completion()).isEqualTo(Incident.Completion.FLUSH);
    });
  }

  @Test
  void aThrowingSinkDoesNotLeaveACaptureThatNeverEnds() {
    FlightRecorder recorder = new FlightRecorder(settings(1, 1, 0), incident -> {
      throw new IllegalStateException("sink down");
    });
    recordAndReport(recorder, 0, AnomalyTypes.OUTLIER_PRICE, 0);

    assertThatThrownBy(() -> recorder.record(trade(1))).hasMessage("sink down");
    assertThat(recorder.capturing()).isFalse();
    recordAndReport(recorder, 2, AnomalyTypes.OUTLIER_PRICE, 0);
    assertThat(recorder.capturing()).isTrue();
  }

  @Test
  void replayingTheSameStreamGivesTheSameIncidentsUnderDifferentIds() {
    List<Incident> first = new ArrayList<>();
    List<Incident> second = new ArrayList<>();
    for (List<Incident> out : List.of(first, second)) {
      FlightRecorder recorder = new FlightRecorder(settings(10, 10, 1_000), out::add);
      for (int i = 0; i < 5_000; i++) {
        recordAndReport(recorder, i, i % 7 == 0 ? AnomalyTypes.OUTLIER_PRICE : AnomalyTypes.DUPLICATE, i);
      }
      recorder.flush();
    }

    assertThat(first).hasSize(5); // one per second of event time: 5 000 trades 1 ms apart, 1 s cooldown
    for (int k = 0; k < first.size(); k++) {
      assertThat(second.get(k).events()).isEqualTo(first.get(k).events());
      assertThat(second.get(k).anomalyCounts()).isEqualTo(first.get(k).anomalyCounts());
      assertThat(second.get(k).id()).isNotEqualTo(first.get(k).id())
          .startsWith(first.get(k).id().substring(0, 17));
    }
  }
}
