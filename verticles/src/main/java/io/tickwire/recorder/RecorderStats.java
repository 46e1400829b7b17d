package io.tickwire.recorder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of the flight recorder's counters, taken on its event loop and safe to hand anywhere.
 *
 * @param eventsRecorded        events passed to {@link FlightRecorder#record}
 * @param eventsEvicted         events dropped from the ring by the count, bytes or age bound
 * @param eventsHeld            events in the ring now
 * @param bytesHeld             encoded bytes of the events in the ring now (see {@link EventRecords})
 * @param incidentsTriggered    captures started
 * @param suppressedByCooldown  trigger anomalies ignored because the cooldown (event time) had not passed
 * @param suppressedByCapture   trigger anomalies ignored because a capture was already in progress
 * @param capturing             whether a capture is in progress
 */
public record RecorderStats(long eventsRecorded, long eventsEvicted, long eventsHeld, long bytesHeld,
    long incidentsTriggered, long suppressedByCooldown, long suppressedByCapture, boolean capturing) {

  /** The health gauges, named for {@code /health}. */
  public Map<String, Number> gauges() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("events_recorded", eventsRecorded);
    gauges.put("events_evicted", eventsEvicted);
    gauges.put("events_held", eventsHeld);
    gauges.put("bytes_held", bytesHeld);
    gauges.put("incidents_triggered", incidentsTriggered);
    gauges.put("triggers_suppressed_cooldown", suppressedByCooldown);
    gauges.put("triggers_suppressed_capturing", suppressedByCapture);
    gauges.put("capturing", capturing ? 1 : 0);
    return gauges;
  }
}
