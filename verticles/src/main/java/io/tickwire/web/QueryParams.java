package io.tickwire.web;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The query-parameter checks every API endpoint shares: each throws an {@link ApiException} naming the
 * parameter, the bad value and what is allowed, so all endpoints answer a client mistake the same way.
 */
final class QueryParams {
  /** Years 0001..9999: what ISO-8601 writes without a sign, and well inside PostgreSQL's timestamptz range. */
  static final long EARLIEST = IsoTime.parse("0001-01-01T00:00:00Z");
  static final long LATEST = IsoTime.parse("9999-12-31T23:59:59.999999Z");

  private QueryParams() {
  }

  /** A misspelt {@code form=} would otherwise silently return unfiltered data; a repeat would be ambiguous. */
  static void rejectUnknownAndRepeated(MultiMap params, List<String> known) {
    for (String name : params.names()) {
      if (!known.contains(name)) {
        throw ApiException.badRequest("unknown parameter '" + name + "'; allowed: " + String.join(", ", known));
      }
      int times = params.getAll(name).size();
      if (times > 1) {
        throw ApiException.badRequest("parameter '" + name + "' is given " + times + " times; give it once");
      }
    }
  }

  static String required(MultiMap params, String name, String example) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("parameter '" + name + "' is required, e.g. " + name + "=" + example);
    }
    return value;
  }

  /** Null when absent; present but blank is a mistake (an empty filter would match nothing). */
  static String optional(MultiMap params, String name, String allowed) {
    String value = params.get(name);
    if (value != null && value.isBlank()) {
      throw ApiException.badParameter(name, value, allowed);
    }
    return value;
  }

  /** Epoch microseconds, or {@code absent} when the parameter is not given. */
  static long time(MultiMap params, String name, long absent) {
    String text = params.get(name);
    if (text == null) {
      return absent;
    }
    String allowed = "an ISO-8601 instant with a zone between years 0001 and 9999, e.g. 2024-05-01T12:00:00Z";
    long micros;
    try {
      micros = IsoTime.parse(text);
    } catch (RuntimeException e) { // unparseable, or too far out to fit in epoch microseconds
      throw ApiException.badParameter(name, text, allowed);
    }
    if (micros < EARLIEST || micros > LATEST) {
      throw ApiException.badParameter(name, text, allowed);
    }
    return micros;
  }

  /** {@code from} inclusive, {@code to} exclusive: an empty or inverted range is a mistake, not an empty answer. */
  static void requireOrdered(MultiMap params, long from, long to) {
    if (from >= to) {
      throw ApiException.badRequest("parameter 'from' (" + params.get("from") + ") must be before 'to' ("
          + params.get("to") + "): from is inclusive, to exclusive");
    }
  }

  static int limit(MultiMap params, int fallback, int max) {
    String text = params.get("limit");
    if (text == null) {
      return fallback;
    }
    String allowed = "an integer from 1 to " + max;
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("limit", text, allowed);
    }
    if (limit < 1 || limit > max) {
      throw ApiException.badParameter("limit", text, allowed);
    }
    return limit;
  }
}
