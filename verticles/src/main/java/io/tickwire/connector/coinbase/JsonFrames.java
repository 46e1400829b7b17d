package io.tickwire.connector.coinbase;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of the fields of a Coinbase frame (both the Exchange and the Advanced Trade feed), each throwing an
 * {@link IllegalArgumentException} that names the field and the value it got, for the session to count as a parse
 * error. Prices and sizes are decimal strings and are parsed exactly.
 */
final class JsonFrames {
  private JsonFrames() {
  }

  static JsonObject object(String text) {
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
  }

  static String text(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
    }
    return s;
  }

  static long number(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("'" + key + "' must be a number, got " + value);
    }
    return n.longValue();
  }

  static long decimal(JsonObject f, String key) {
    return Decimals.parse(text(f, key));
  }

  /** The decimal at {@code key}, or zero when the field is absent. */
  static long optionalDecimal(JsonObject f, String key) {
    return f.containsKey(key) ? decimal(f, key) : Decimals.of(0, 0);
  }

  /** An ISO-8601 instant at {@code key} as epoch microseconds. */
  static long time(JsonObject f, String key) {
    return IsoTime.parse(text(f, key));
  }

  static JsonArray array(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof JsonArray a)) {
      throw new IllegalArgumentException("'" + key + "' must be an array, got " + value);
    }
    return a;
  }

  /** The object at {@code index} of {@code array}, naming the array when it holds something else. */
  static JsonObject element(JsonArray array, String arrayKey, int index) {
    Object value = array.getValue(index);
    if (!(value instanceof JsonObject o)) {
      throw new IllegalArgumentException("'" + arrayKey + "[" + index + "]' must be an object, got " + value);
    }
    return o;
  }
}
