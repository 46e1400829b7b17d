package io.tickwire.connector.coinbase;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * Typed reads of the fields of a Coinbase frame (both the Exchange and the Advanced Trade feed), each throwing an
 * {@link IllegalArgumentException} that names the field and the value it got, for the session to count as a parse
 * error. Prices and sizes are decimal strings and are parsed exactly.
 */
final class JsonFrames {
  /**
   * Vert.x's streaming codec, not the default {@code new JsonObject(text)}: with jackson-databind on the class path
   * that goes through databind, which resolves the target type on every call; for frames of a dozen fields that
   * was the largest cost of a trade (profiled with CoinbaseParseBenchmark). Same maps, same values.
   */
  private static final JacksonCodec CODEC = new JacksonCodec();

  private JsonFrames() {
  }

  static JsonObject object(String text) {
    Object value;
    try {
      value = CODEC.fromString(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("not a JSON object: " + FrameErrors.prefix(String.valueOf(value)));
    }
    return object;
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
