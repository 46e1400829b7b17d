package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/** A {@link SessionOutput} that keeps everything a session put out, in order, for tests to assert on. */
public class RecordingOutput implements SessionOutput {
  /** One gap marker. */
  public record Gap(String symbol, String reason) {
  }

  public final List<MarketEvent> events = new ArrayList<>();
  public final List<Gap> gaps = new ArrayList<>();
  public final List<String> sent = new ArrayList<>();
  public final List<String> snapshotRequests = new ArrayList<>();
  /** The detail of every schema drift reported. */
  public final List<String> drift = new ArrayList<>();

  @Override
  public void event(MarketEvent event) {
    events.add(event);
  }

  @Override
  public void gap(String symbol, String reason, long receivedMicros) {
    gaps.add(new Gap(symbol, reason));
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
    drift.add(detail);
  }
}
