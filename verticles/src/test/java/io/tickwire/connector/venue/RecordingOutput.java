package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/** A {@link SessionOutput} that keeps everything a session put out, for tests to assert on. */
public final class RecordingOutput implements SessionOutput {
  public record Gap(String symbol, String reason, long receivedMicros) {
  }

  public record Drift(String symbol, String detail, String frame) {
  }

  public record Backfill(String symbol, long afterId, long beforeId, String reason) {
  }

  public final List<MarketEvent> events = new ArrayList<>();
  public final List<Gap> gaps = new ArrayList<>();
  public final List<String> sent = new ArrayList<>();
  public final List<String> snapshotRequests = new ArrayList<>();
  public final List<Drift> drift = new ArrayList<>();
  public final List<Backfill> backfills = new ArrayList<>();
  public final List<Long> backfillTimes = new ArrayList<>();

  @Override
  public void backfill(String symbol, long afterId, long beforeId, String reason) {
    backfills.add(new Backfill(symbol, afterId, beforeId, reason));
  }

  /** The time of the last trade before each hole, in {@link #backfillTimes}, for sessions that say it. */
  @Override
  public void backfill(String symbol, long afterId, long afterMicros, long beforeId, String reason) {
    backfills.add(new Backfill(symbol, afterId, beforeId, reason));
    backfillTimes.add(afterMicros);
  }

  @Override
  public void event(MarketEvent event) {
    events.add(event);
  }

  @Override
  public void gap(String symbol, String reason, long receivedMicros) {
    gaps.add(new Gap(symbol, reason, receivedMicros));
  }

  @Override
  public void send(String frame) {
    sent.add(frame);
  }

  @Override
  public void requestSnapshot(String symbol) {
    snapshotRequests.add(symbol);
  }

  @Override
  public void schemaDrift(String symbol, String detail, String frame) {
    drift.add(new Drift(symbol, detail, frame));
  }

  /** The recorded events of one type, in order. */
  public <T extends MarketEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
