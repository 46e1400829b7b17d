package io.tickwire.bridge;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Names;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.V1FormatException;
import io.tickwire.codecs.V1Json;
import io.tickwire.connector.IngestTimes;
import io.tickwire.connector.RejectReason;
import io.tickwire.connector.TcpDeadLetters;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.Outlet;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What bridge clients send in: events on {@link Addresses#EXTERNAL_EVENTS}, checked exactly as a TCP ingest frame
 * is (the same v1 decoder and the same reasons: bad_json, bad_field, not_an_event, schema_drift, ...) and then
 * sent to the router, which validates them like any other event; and signals on {@link Addresses#EXTERNAL_SIGNALS}
 * (v1 signal JSON with a {@code provider} of the service's own), sent on {@code md.signals} so they are stored and
 * served like the rules' signals. A rejected message is counted by reason and sampled to {@code md.dlq}; nothing
 * good is lost because of it. At most {@link #MAX_IN_FLIGHT} accepted messages wait for admission downstream;
 * past that they are rejected as {@link #OVERLOADED}, so a client faster than the pipeline cannot grow memory.
 */
final class ExternalInbound {
  static final int MAX_IN_FLIGHT = 4096;
  /** A message the pipeline could not take yet (more than {@link #MAX_IN_FLIGHT} waiting). */
  static final String OVERLOADED = "overloaded";
  /** On md.external.signals: a record that is not a signal (an event, say). */
  static final String NOT_A_SIGNAL = "not_a_signal";
  /** The body is not a JSON object. */
  static final String NOT_AN_OBJECT = "not_an_object";
  /** Provider names: short, plain, and so never mistaken for a venue's rule signals by accident. */
  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern SIGNAL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final BridgeStats stats;
  private final TcpDeadLetters deadLetters;
  private final Outlet<TickBatch> ingress;
  private final Outlet<SignalBatch> signals;
  private final int maxMessageBytes;
  private int inFlight;

  ExternalInbound(BridgeStats stats, TcpDeadLetters deadLetters, Outlet<TickBatch> ingress,
      Outlet<SignalBatch> signals, int maxMessageBytes) {
    this.stats = stats;
    this.deadLetters = deadLetters;
    this.ingress = ingress;
    this.signals = signals;
    this.maxMessageBytes = maxMessageBytes;
  }

  void event(Message<Object> message) {
    byte[] bytes = bytes(message);
    if (bytes == null) {
      return;
    }
    V1Json.Parsed parsed;
    try {
      parsed = V1Json.parseEvent(bytes, 0, bytes.length);
    } catch (RuntimeException e) { // the TCP ingest's reasons, schema drift included
      reject(e instanceof V1FormatException f && f.schemaDrift() ? RejectReason.SCHEMA_DRIFT : RejectReason.of(e),
          e.getMessage(), bytes);
      return;
    }
    if (!parsed.unknownKeys().isEmpty()) {
      reject(RejectReason.SCHEMA_DRIFT, "unknown keys " + parsed.unknownKeys(), bytes);
      return;
    }
    MarketEvent event = (MarketEvent) parsed.record();
    MarketEvent stamped = IngestTimes.stamped(event, Clock.nowMicros());
    admit(ingress.send(new TickBatch(TickBatch.UNPARTITIONED, List.of(stamped))));
  }

  void signal(Message<Object> message) {
    byte[] bytes = bytes(message);
    if (bytes == null) {
      return;
    }
    V1Json.Parsed parsed;
    try {
      parsed = V1Json.parse(bytes);
    } catch (RuntimeException e) {
      reject(RejectReason.of(e), e.getMessage(), bytes);
      return;
    }
    if (!(parsed.record() instanceof Signal signal)) {
      reject(NOT_A_SIGNAL, "a signal has provider, symbol, ts, name, value and score", bytes);
      return;
    }
    if (!parsed.unknownKeys().isEmpty()) {
      reject(RejectReason.SCHEMA_DRIFT, "unknown keys " + parsed.unknownKeys(), bytes);
      return;
    }
    String problem = problem(signal);
    if (problem != null) {
      reject(RejectReason.BAD_FIELD, problem, bytes);
      return;
    }
    admit(signals.send(new SignalBatch(List.of(signal))));
  }

  /** The body's bytes, or null (counted and dead-lettered) when it is not a JSON object of a sane size. */
  private byte[] bytes(Message<Object> message) {
    if (!(message.body() instanceof JsonObject json)) {
      reject(NOT_AN_OBJECT, "the body must be a JSON object", String.valueOf(message.body())
          .getBytes(StandardCharsets.UTF_8));
      return null;
    }
    byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxMessageBytes) {
      reject(RejectReason.FRAME_TOO_LARGE, bytes.length + " bytes, more than " + maxMessageBytes, bytes);
      return null;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      reject(OVERLOADED, MAX_IN_FLIGHT + " messages already wait for the pipeline", bytes);
      return null;
    }
    return bytes;
  }

  /** Checks the codec leaves to the caller: names a store and a URL can hold, values a chart can draw. */
  static String problem(Signal s) {
    if (!PROVIDER.matcher(s.provider()).matches()) {
      return "provider '" + clip(s.provider()) + "' must be 1-64 of a-z, 0-9, '.', '_', '-' (starting with a letter"
          + " or digit)";
    }
    String symbol = Names.symbolProblem(s.symbol());
    if (symbol != null) {
      return symbol;
    }
    if (!SIGNAL_NAME.matcher(s.name()).matches()) {
      return "name '" + clip(s.name()) + "' must be 1-64 of A-Z, a-z, 0-9, '.', '_', ':', '-'";
    }
    if (!Double.isFinite(s.value())) {
      return "value must be a finite number";
    }
    if (!(s.score() >= 0 && s.score() <= 1)) {
      return "score must be between 0 and 1";
    }
    if (s.ts() <= 0) {
      return "ts must be after 1970";
    }
    return null;
  }

  private void admit(Future<Void> admitted) {
    inFlight++;
    stats.accept();
    admitted.onComplete(done -> inFlight--);
  }

  private void reject(String reason, String detail, byte[] bytes) {
    stats.reject(reason);
    deadLetters.offer(reason, detail, "bridge", bytes, 0, bytes.length);
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
