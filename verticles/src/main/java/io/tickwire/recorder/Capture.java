package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.RecorderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An incident being captured: the frozen events before, the events after as they arrive, the anomalies seen. */
final class Capture {
  // A generous after_events must not reserve its whole list up front; the list grows if the events come.
  private static final int MAX_PRESIZE = 4096;

  private final String id;
  private final Anomaly trigger;
  private final long triggeredMillis;
  private final List<MarketEvent> before;
  private final int afterEvents;
  private final List<MarketEvent> after;
  private final Map<String, Long> counts = new HashMap<>();
  private final List<Anomaly> evidence = new ArrayList<>();

  Capture(String id, Anomaly trigger, long triggeredMillis, List<MarketEvent> before, int afterEvents) {
    this.id = id;
    this.trigger = trigger;
    this.triggeredMillis = triggeredMillis;
    this.before = before;
    this.afterEvents = afterEvents;
    this.after = new ArrayList<>(Math.min(afterEvents, MAX_PRESIZE));
    note(trigger);
  }

  /** Counts {@code anomaly} by type and keeps it as evidence while there is room. */
  void note(Anomaly anomaly) {
    counts.merge(anomaly.type(), 1L, Long::sum);
    if (evidence.size() < FlightRecorder.EVIDENCE_LIMIT) {
      evidence.add(anomaly);
    }
  }

  void add(MarketEvent event) {
    after.add(event);
  }

  boolean full() {
    return after.size() >= afterEvents;
  }

  boolean timedOut(long wallMillis, long afterTimeoutMs) {
    return wallMillis - triggeredMillis >= afterTimeoutMs;
  }

  Incident complete(Incident.Completion completion, RecorderSettings settings) {
    return new Incident(id, trigger, before, after, counts, evidence, completion, triggeredMillis, settings);
  }
}
