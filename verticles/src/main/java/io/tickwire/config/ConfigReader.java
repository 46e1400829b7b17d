package io.tickwire.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed, validated reads of dotted keys from the merged configuration; every failure names key and value. */
public final class ConfigReader {
  /** The unit most durations' ranges are written in. */
  static final long HOUR_MS = 3_600_000L;

  private final JsonObject root;

  public ConfigReader(JsonObject root) {
    this.root = root;
  }

  public Object raw(String key) {
    Object node = root;
    for (String part : key.split("\\.")) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  public boolean isNull(String key) {
    return raw(key) == null;
  }

  public long integer(String key, long min, long max) {
    Object value = raw(key);
    if (value instanceof Integer || value instanceof Long) {
      long v = ((Number) value).longValue();
      if (v >= min && v <= max) {
        return v;
      }
    }
    throw invalid(key, value, "an integer from " + min + " to " + max);
  }

  public double number(String key, double min, double max) {
    Object value = raw(key);
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      double v = n.doubleValue();
      if (v >= min && v <= max) {
        return v;
      }
    }
    throw invalid(key, value, "a number from " + min + " to " + max);
  }

  public boolean bool(String key) {
    Object value = raw(key);
    if (value instanceof Boolean b) {
      return b;
    }
    throw invalid(key, value, "true or false");
  }

  public String string(String key) {
    Object value = raw(key);
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw invalid(key, value, "a non-empty string");
  }

  /** A non-empty string, or null when the key is null. */
  public String optionalString(String key) {
    return isNull(key) ? null : string(key);
  }

  public String oneOf(String key, String... allowed) {
    Object value = raw(key);
    for (String option : allowed) {
      if (option.equals(value)) {
        return option;
      }
    }
    throw invalid(key, value, "one of " + String.join(", ", allowed));
  }

  public List<String> stringList(String key) {
    Object value = raw(key);
    if (value instanceof JsonArray array && !array.isEmpty()) {
      List<String> out = new ArrayList<>(array.size());
      for (Object item : array) {
        if (!(item instanceof String s) || s.isBlank()) {
          throw invalid(key, value, "a non-empty list of non-empty strings");
        }
        out.add(s);
      }
      return List.copyOf(out);
    }
    throw invalid(key, value, "a non-empty list of strings");
  }

  /** As {@link #stringList}, and no value may appear twice. */
  public List<String> distinctStringList(String key) {
    return distinct(key, stringList(key));
  }

  /** {@code values}, read under {@code key}, unless one appears twice. */
  static List<String> distinct(String key, List<String> values) {
    List<String> seen = new ArrayList<>();
    for (String v : values) {
      if (seen.contains(v)) {
        throw invalid(key, values, "a list without duplicates (\"" + v + "\" appears twice)");
      }
      seen.add(v);
    }
    return values;
  }

  /** As {@link #stringList}, but {@code []} is allowed. */
  public List<String> stringListOrEmpty(String key) {
    Object value = raw(key);
    return value instanceof JsonArray array && array.isEmpty() ? List.of() : stringList(key);
  }

  /** The error for a value that is not what {@code expected} describes. */
  public static ConfigException invalid(String key, Object value, String expected) {
    String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return new ConfigException(key, "config key '" + key + "' has value " + shown + ": expected " + expected);
  }
}
