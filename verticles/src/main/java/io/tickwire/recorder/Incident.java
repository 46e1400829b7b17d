package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.RecorderSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * One captured incident: the events around a trigger anomaly and what else went wrong meanwhile.
 *
 * @param id              the bundle directory name, see {@link IncidentIds}
 * @param trigger         the anomaly that started the capture
 * @param before          the events recorded up to and including the trigger's event, oldest first
 * @param after           the events recorded after the trigger, in arrival order
 * @param anomalyCounts   every anomaly seen from the trigger (included) to completion, by type
 * @param evidence        the first anomalies of the capture (the trigger first), at most
 *                        {@link FlightRecorder#EVIDENCE_LIMIT}
 * @param completion      why the capture ended
 * @param triggeredMillis wall-clock epoch millis when the capture started
 * @param settings        the recorder settings the capture ran with
 */
public record Incident(String id, Anomaly trigger, List<MarketEvent> before, List<MarketEvent> after,
    Map<String, Long> anomalyCounts, List<Anomaly> evidence, Completion completion, long triggeredMillis,
    RecorderSettings settings) {

  /** Why a capture ended. */
  public enum Completion {
    /** All {@code after_events} were collected. */
    AFTER_EVENTS,
    /** {@code after_timeout_ms} passed (wall clock) before they were. */
    TIMEOUT,
    /** The recorder was flushed (the router stopped) before either. */
    FLUSH;

    /** The spelling in meta.json and report.md. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Incident {
    IncidentIds.requireValid(id);
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(completion, "completion");
    Objects.requireNonNull(settings, "settings");
    before = List.copyOf(before);
    after = List.copyOf(after);
    anomalyCounts = Collections.unmodifiableMap(new TreeMap<>(anomalyCounts));
    evidence = List.copyOf(evidence);
  }

  /** Before then after: the order of events.jsonl. */
  public List<MarketEvent> events() {
    List<MarketEvent> all = new ArrayList<>(before.size() + after.size());
    all.addAll(before);
    all.addAll(after);
    return all;
  }

  /**
   * The 1-based line of the trigger's event in events.jsonl: the last event before, when it is the one the
   * anomaly is about (same venue, symbol and event time). Empty when the trigger has no recorded event, e.g. a
   * stale feed, or a router that did not record the event before detecting.
   */
  public OptionalInt triggerLine() {
    if (before.isEmpty()) {
      return OptionalInt.empty();
    }
    MarketEvent last = before.get(before.size() - 1);
    boolean same = last.venue().equals(trigger.venue()) && last.symbol().equals(trigger.symbol())
        && last.eventTime() == trigger.ts();
    return same ? OptionalInt.of(before.size()) : OptionalInt.empty();
  }

  /** The earliest event time in the bundle (events may arrive out of order); the trigger's time if empty. */
  public long firstEventTime() {
    return eventTimes().min().orElse(trigger.ts());
  }

  /** The latest event time in the bundle; the trigger's time if empty. */
  public long lastEventTime() {
    return eventTimes().max().orElse(trigger.ts());
  }

  private LongStream eventTimes() {
    return Stream.concat(before.stream(), after.stream()).mapToLong(MarketEvent::eventTime);
  }

  public SortedSet<String> venues() {
    return distinct(MarketEvent::venue);
  }

  public SortedSet<String> symbols() {
    return distinct(MarketEvent::symbol);
  }

  private SortedSet<String> distinct(Function<MarketEvent, String> field) {
    return Collections.unmodifiableSortedSet(Stream.concat(before.stream(), after.stream()).map(field)
        .collect(Collectors.toCollection(TreeSet::new)));
  }
}
