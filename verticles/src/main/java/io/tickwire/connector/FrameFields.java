package io.tickwire.connector;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * Typed reads of a venue frame's fields that fail with an {@link IllegalArgumentException} naming the key and the
 * value found, so a session can count the frame as a parse error with a reason a person can act on (a bare
 * {@link ClassCastException} or {@link NullPointerException} would name neither). Shared by every venue whose
 * frames are read as Vert.x JSON (Kraken v2 and Deribit keep numbers as text instead: {@link ExactJson}).
 */
public final class FrameFields {
  /**
   * Vert.x's streaming codec, not the default {@code new JsonObject(text)}: with jackson-databind on the class path
   * that goes through databind, which resolves the target type on every call; for frames of a dozen fields that
   * was the largest cost of a trade (profiled with the session parse benchmark). Same maps, same values.
   */
  private static final JacksonCodec CODEC = new JacksonCodec();

  private FrameFields() {
  }

  /** The JSON object {@code text} holds; anything else (an array, malformed JSON) is an error naming it. */
  public static JsonObject parseObject(String text) {
    Object value;
    try {
      value = CODEC.fromString(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("not a JSON object: " + FrameText.shown(String.valueOf(value)));
    }
    return object;
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

  /** An integral JSON number (ids, sequence numbers, epoch milliseconds); a fraction is an error, not truncated. */
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

  /** The decimal at {@code key}, or zero when the key is absent. */
  public static long optionalDecimal(JsonObject o, String key) {
    return o.containsKey(key) ? decimal(o, key) : Decimals.of(0, 0);
  }

  /** An ISO-8601 instant at {@code key} as epoch microseconds. */
  public static long time(JsonObject o, String key) {
    return IsoTime.parse(text(o, key));
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

  /** The object at {@code index} of {@code array}, naming the array ({@code arrayKey}) when it holds something else. */
  public static JsonObject element(JsonArray array, String arrayKey, int index) {
    Object value = array.getValue(index);
    if (!(value instanceof JsonObject o)) {
      throw wrongType(arrayKey + "[" + index + "]", "an object", value);
    }
    return o;
  }

  /** The string at {@code index} of a positional frame (Kraken v1's arrays); {@code what} names it in the error. */
  public static String textAt(JsonArray array, int index, String what) {
    Object value = array.getValue(index);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(what + " at index " + index + " is " + value + ", not a string");
    }
    return text;
  }

  private static IllegalArgumentException wrongType(String key, String expected, Object value) {
    return new IllegalArgumentException(value == null ? "'" + key + "' is missing (expected " + expected + ")"
        : "'" + key + "' must be " + expected + ", got " + value);
  }
}
