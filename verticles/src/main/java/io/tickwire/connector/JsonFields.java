package io.tickwire.connector;

import io.tickwire.codecs.Decimals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of a venue frame's fields that fail with an {@link IllegalArgumentException} naming the key and the
 * value found, so a session can count the frame as a parse error with a reason a person can act on (a bare
 * {@link ClassCastException} or {@link NullPointerException} would name neither).
 */
public final class JsonFields {
  private JsonFields() {
  }

  public static String text(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (!(value instanceof String s)) {
      throw wrongType(key, "a string", value);
    }
    return s;
  }

  /** The string at {@code key}, or null when the key is absent; a value of another type is an error. */
  public static String optionalText(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw wrongType(key, "a string", value);
    }
    return (String) value;
  }

  /** An integral JSON number (ids, epoch milliseconds). */
  public static long number(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (!(value instanceof Number n) || value instanceof Double || value instanceof Float) {
      throw wrongType(key, "an integer", value);
    }
    return n.longValue();
  }

  public static boolean bool(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (!(value instanceof Boolean b)) {
      throw wrongType(key, "true or false", value);
    }
    return b;
  }

  /** A decimal string parsed exactly (see {@link Decimals}). */
  public static long decimal(JsonObject o, String key) {
    return Decimals.parse(text(o, key));
  }

  public static JsonArray array(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (!(value instanceof JsonArray a)) {
      throw wrongType(key, "an array", value);
    }
    return a;
  }

  public static JsonObject object(JsonObject o, String key) {
    Object value = o.getValue(key);
    if (!(value instanceof JsonObject j)) {
      throw wrongType(key, "an object", value);
    }
    return j;
  }

  private static IllegalArgumentException wrongType(String key, String expected, Object value) {
    return new IllegalArgumentException(value == null ? "'" + key + "' is missing (expected " + expected + ")"
        : "'" + key + "' must be " + expected + ", got " + value);
  }
}
