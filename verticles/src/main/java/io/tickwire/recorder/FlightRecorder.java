package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.RecorderSettings;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Keeps the recent events in memory and, on a trigger anomaly, captures the events around it as an
 * {@link Incident} for the {@link IncidentSink}. Driven by the router on its event loop: not thread-safe, no locks,
 * no disk I/O. Recording an event encodes it into a few dozen bytes of the ring (no object kept, so the
 * collector has nothing to copy) and, while capturing, appends it to the capture's list.
 *
 * <p>The router records each event before running the detectors on it, so the event that triggers a capture is
 * the last of the events before. Cooldown and the ring's age bound use event time, so replaying a stream starts
 * the same captures with the same events; only the after-timeout is wall clock, to finish a capture on a quiet
 * feed. {@code enabled} is the router's decision: it creates no recorder when it is false.
 */
public final class FlightRecorder {
  /** Anomalies kept as evidence per incident (every one is still counted by type). */
  public static final int EVIDENCE_LIMIT = 20;

  private final RecorderSettings settings;
  private final IncidentSink sink;
  private final IntSupplier idSuffix;
  private final Set<String> triggerTypes;
  private final long cooldownMicros;
  private final EventRing ring;
  private Capture capture;
  private boolean triggeredBefore;
  private long lastTriggerTs;
  private long eventsRecorded;
  private long eventsEvicted;
  private long incidentsTriggered;
  private long suppressedByCooldown;
  private long suppressedByCapture;

  public FlightRecorder(RecorderSettings settings, IncidentSink sink) {
    this(settings, sink, () -> ThreadLocalRandom.current().nextInt());
  }

  /** {@code idSuffix}: the random part of incident ids (tests pin it to check the writer's collision guard). */
  FlightRecorder(RecorderSettings settings, IncidentSink sink, IntSupplier idSuffix) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.idSuffix = idSuffix;
    this.triggerTypes = Set.copyOf(settings.triggerTypes());
    this.cooldownMicros = settings.cooldownMs() * 1000;
    this.ring = new EventRing(settings.maxEvents(), settings.maxBytes(), settings.windowMs() * 1000);
  }

  /** Keeps {@code event}; while capturing, also collects it as an event after the trigger. */
  public void record(MarketEvent event) {
    eventsRecorded++;
    eventsEvicted += ring.add(event);
    if (capture != null) {
      capture.add(event);
      if (capture.full()) {
        complete(Incident.Completion.AFTER_EVENTS);
      }
    }
  }

  /** Counts {@code anomaly} in the capture in progress, or starts a capture if it is a trigger and may start one. */
  public void anomaly(Anomaly anomaly, long wallMillis) {
    boolean trigger = triggerTypes.contains(anomaly.type());
    if (capture != null) {
      capture.note(anomaly);
      if (trigger) {
        suppressedByCapture++;
      }
    } else if (trigger) {
      triggerIfCooledDown(anomaly, wallMillis);
    }
  }

  private void triggerIfCooledDown(Anomaly anomaly, long wallMillis) {
    if (triggeredBefore && anomaly.ts() - lastTriggerTs < cooldownMicros) {
      suppressedByCooldown++;
      return;
    }
    triggeredBefore = true;
    lastTriggerTs = anomaly.ts();
    incidentsTriggered++;
    String id = IncidentIds.of(anomaly.ts(), idSuffix.getAsInt());
    capture = new Capture(id, anomaly, wallMillis, ring.newest(settings.beforeEvents()), settings.afterEvents());
    if (capture.full()) {
      complete(Incident.Completion.AFTER_EVENTS);
    }
  }

  /** Completes the capture in progress if {@code after_timeout_ms} has passed since its trigger (wall clock). */
  public void poll(long wallMillis) {
    if (capture != null && capture.timedOut(wallMillis, settings.afterTimeoutMs())) {
      complete(Incident.Completion.TIMEOUT);
    }
  }

  /** Completes the capture in progress, if any, with the events after collected so far (at stop). */
  public void flush() {
    if (capture != null) {
      complete(Incident.Completion.FLUSH);
    }
  }

  private void complete(Incident.Completion completion) {
    Incident incident = capture.complete(completion, settings);
    // Cleared before the hand-off so a throwing sink cannot leave a capture that never ends.
    capture = null;
    sink.accept(incident);
  }

  public boolean capturing() {
    return capture != null;
  }

  public RecorderStats stats() {
    return new RecorderStats(eventsRecorded, eventsEvicted, ring.size(), ring.bytes(), incidentsTriggered,
        suppressedByCooldown, suppressedByCapture, capture != null);
  }
}
