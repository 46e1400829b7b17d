package io.tickwire.web.dashboard;

import io.tickwire.codecs.Intervals;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a client's text frame into a {@link ClientRequest}, or says exactly what is wrong with it: the field, the
 * value, and what would be accepted. Stateless; one per web verticle.
 */
final class RequestParser {
  static final int MAX_SYMBOLS = 100;
  static final int MAX_SYMBOL_LENGTH = 64;
  /** Values echoed in an error are cut to this, so a huge bad value does not come back whole. */
  private static final int SHOWN_CHARS = 80;

  private final long[] intervalsMillis;
  private final String intervalLabels;

  /** @param intervalsMillis the configured {@code batcher.intervals}, ascending */
  RequestParser(long[] intervalsMillis) {
    this.intervalsMillis = intervalsMillis.clone();
    this.intervalLabels = Arrays.stream(intervalsMillis).mapToObj(Intervals::label)
        .collect(Collectors.joining(", "));
  }

  ClientRequest parse(String text) throws BadRequestException {
    JsonObject request = object(text);
    Object op = request.getValue("op");
    if ("subscribe".equals(op)) {
      return new ClientRequest.Subscribe(subscription(request));
    }
    if ("ping".equals(op)) {
      return new ClientRequest.Ping();
    }
    throw new BadRequestException(op == null ? "op is missing; expected \"subscribe\" or \"ping\""
        : "op has value " + shown(op) + "; expected \"subscribe\" or \"ping\"");
  }

  private static JsonObject object(String text) throws BadRequestException {
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new BadRequestException("the frame is not JSON: " + shown(text));
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new BadRequestException("the frame must be a JSON object like {\"op\":\"ping\"}, was " + shown(text));
  }

  private Subscription subscription(JsonObject request) throws BadRequestException {
    return new Subscription(symbols(request.getValue("symbols")), streams(request.getValue("streams")),
        intervals(request.getValue("intervals")));
  }

  /** An empty set means every symbol. */
  private static Set<String> symbols(Object raw) throws BadRequestException {
    JsonArray list = array("symbols", raw, "a list of 1 to " + MAX_SYMBOLS + " symbols, or [\"*\"]");
    if (list.isEmpty() || list.size() > MAX_SYMBOLS) {
      throw new BadRequestException("symbols has " + list.size() + " entries; expected 1 to " + MAX_SYMBOLS
          + ", or [\"*\"] for every symbol");
    }
    if (list.size() == 1 && Subscription.ALL_SYMBOLS.equals(list.getValue(0))) {
      return Set.of();
    }
    Set<String> symbols = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      symbols.add(symbol(i, list.getValue(i)));
    }
    return symbols;
  }

  private static String symbol(int i, Object raw) throws BadRequestException {
    if (!(raw instanceof String symbol) || symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
      throw new BadRequestException("symbols[" + i + "] has value " + shown(raw) + "; expected a symbol of 1 to "
          + MAX_SYMBOL_LENGTH + " characters");
    }
    if (symbol.equals(Subscription.ALL_SYMBOLS)) {
      throw new BadRequestException("symbols[" + i + "] is \"*\", which means every symbol and must stand alone: "
          + "[\"*\"]");
    }
    return symbol;
  }

  private static Set<DashboardStream> streams(Object raw) throws BadRequestException {
    String expected = DashboardStream.SUBSCRIBABLE.stream().map(DashboardStream::wire)
        .collect(Collectors.joining(", "));
    JsonArray list = array("streams", raw, "a non-empty list of " + expected);
    if (list.isEmpty()) {
      throw new BadRequestException("streams is empty; expected some of " + expected);
    }
    Set<DashboardStream> streams = EnumSet.noneOf(DashboardStream.class);
    for (int i = 0; i < list.size(); i++) {
      Object name = list.getValue(i);
      DashboardStream stream = name instanceof String s ? DashboardStream.byWire(s) : null;
      if (stream == null) {
        throw new BadRequestException("streams[" + i + "] has value " + shown(name) + "; expected one of "
            + expected);
      }
      streams.add(stream);
    }
    return streams;
  }

  /** Absent or null: every configured interval. */
  private List<Long> intervals(Object raw) throws BadRequestException {
    if (raw == null) {
      return Arrays.stream(intervalsMillis).boxed().toList();
    }
    JsonArray list = array("intervals", raw, "a non-empty list of the configured intervals " + intervalLabels);
    if (list.isEmpty()) {
      throw new BadRequestException("intervals is empty; expected some of " + intervalLabels
          + ", or no intervals field for all of them");
    }
    Set<Long> chosen = new TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      chosen.add(interval(i, list.getValue(i)));
    }
    return new ArrayList<>(chosen);
  }

  private long interval(int i, Object raw) throws BadRequestException {
    if (raw instanceof String label) {
      try {
        long millis = Intervals.parse(label);
        for (long configured : intervalsMillis) {
          if (configured == millis) {
            return millis;
          }
        }
      } catch (IllegalArgumentException notAnInterval) {
        // answered below, like any interval that is not configured
      }
    }
    throw new BadRequestException("intervals[" + i + "] has value " + shown(raw) + "; expected one of the "
        + "configured intervals " + intervalLabels);
  }

  private static JsonArray array(String field, Object raw, String expected) throws BadRequestException {
    if (raw instanceof JsonArray list) {
      return list;
    }
    throw new BadRequestException(raw == null ? field + " is missing; expected " + expected
        : field + " has value " + shown(raw) + "; expected " + expected);
  }

  /** A value as JSON, cut short when long. */
  private static String shown(Object value) {
    String json = value instanceof String s ? Json.encode(s) : value == null ? "null" : Json.encode(value);
    return json.length() <= SHOWN_CHARS ? json : json.substring(0, SHOWN_CHARS) + "...";
  }
}
