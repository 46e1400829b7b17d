package io.tickwire.web;

import io.tickwire.codecs.Intervals;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code /api/bars} query parameters into a {@link BarsQuery}, or a {@link BadParameterException} naming
 * the first parameter that is wrong. Unknown parameters are rejected too: a misspelt {@code form=} would
 * otherwise silently return unfiltered data.
 */
final class BarsQueryParser {
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 5000;
  static final String DEFAULT_INTERVAL = "1s";
  /** Years 0001..9999: what ISO-8601 writes without a sign, and well inside PostgreSQL's timestamptz range. */
  static final long EARLIEST = IsoTime.parse("0001-01-01T00:00:00Z");
  static final long LATEST = IsoTime.parse("9999-12-31T23:59:59.999999Z");

  private static final List<String> PARAMETERS = List.of("symbol", "venue", "interval", "from", "to", "limit");
  private static final Set<String> KNOWN = Set.copyOf(PARAMETERS);

  private final long[] intervalsMillis;

  /** @param intervalsMillis the intervals the batcher builds; no other interval has bars to serve */
  BarsQueryParser(long[] intervalsMillis) {
    this.intervalsMillis = intervalsMillis.clone();
  }

  BarsQuery parse(MultiMap params) {
    rejectUnknownAndRepeated(params);
    String symbol = symbol(params);
    String venue = venue(params);
    long intervalMillis = interval(params);
    long from = time(params, "from", EARLIEST);
    long to = time(params, "to", LATEST + 1);
    if (from >= to) {
      throw new BadParameterException("parameter 'from' (" + params.get("from") + ") must be before 'to' ("
          + params.get("to") + "): from is inclusive, to exclusive");
    }
    return new BarsQuery(symbol, venue, intervalMillis, from, to, limit(params));
  }

  private static void rejectUnknownAndRepeated(MultiMap params) {
    for (String name : params.names()) {
      if (!KNOWN.contains(name)) {
        throw new BadParameterException("unknown parameter '" + name + "'; allowed: " + String.join(", ", PARAMETERS));
      }
      int times = params.getAll(name).size();
      if (times > 1) {
        throw new BadParameterException("parameter '" + name + "' is given " + times + " times; give it once");
      }
    }
  }

  private static String symbol(MultiMap params) {
    String symbol = params.get("symbol");
    if (symbol == null || symbol.isBlank()) {
      throw new BadParameterException("parameter 'symbol' is required, e.g. symbol=BTC-USD");
    }
    return symbol;
  }

  private static String venue(MultiMap params) {
    String venue = params.get("venue");
    if (venue != null && venue.isBlank()) {
      throw BadParameterException.invalid("venue", venue, "a venue name such as coinbase, or no venue parameter "
          + "for every venue");
    }
    return venue;
  }

  private long interval(MultiMap params) {
    String text = params.get("interval");
    if (text == null) {
      text = DEFAULT_INTERVAL;
    }
    long millis;
    try {
      millis = Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw BadParameterException.invalid("interval", text, "one of the configured intervals " + configured());
    }
    if (Arrays.stream(intervalsMillis).noneMatch(configured -> configured == millis)) {
      throw BadParameterException.invalid("interval", text, "one of the configured intervals " + configured()
          + " (no bars are built for others)");
    }
    return millis;
  }

  private String configured() {
    List<String> labels = new ArrayList<>();
    for (long millis : intervalsMillis) {
      labels.add(Intervals.label(millis));
    }
    return labels.toString();
  }

  private static long time(MultiMap params, String name, long absent) {
    String text = params.get(name);
    if (text == null) {
      return absent;
    }
    String allowed = "an ISO-8601 instant with a zone between years 0001 and 9999, e.g. 2024-05-01T12:00:00Z";
    long micros;
    try {
      micros = IsoTime.parse(text);
    } catch (RuntimeException e) { // unparseable, or too far out to fit in epoch microseconds
      throw BadParameterException.invalid(name, text, allowed);
    }
    if (micros < EARLIEST || micros > LATEST) {
      throw BadParameterException.invalid(name, text, allowed);
    }
    return micros;
  }

  private static int limit(MultiMap params) {
    String text = params.get("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    String allowed = "an integer from 1 to " + MAX_LIMIT;
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw BadParameterException.invalid("limit", text, allowed);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw BadParameterException.invalid("limit", text, allowed);
    }
    return limit;
  }
}
