package io.tickwire.codecs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level keys of one v1 JSON object, collected in one streaming pass. Scalars are kept as token + text
 * and typed only when a record is built, because keys arrive in any order and the kind that decides how to read
 * them ("price" is exact in a trade, a double in features) may come last. Not thread-safe; reused per thread.
 */
final class V1Fields {
  private static final int MAX_SHOWN = 64;

  private final JsonToken[] tokens = new JsonToken[V1Key.values().length];
  private final String[] texts = new String[V1Key.values().length];
  /** The keys seen, as in a {@link KeyMask}: word 0 and word 1. */
  private final long[] present = new long[2];
  private Set<String> unknown;
  private List<BookLevel> levels;
  private Map<String, Object> meta;
  private Map<String, Double> features;

  /** Reads one object and requires the input to end after it. */
  void read(JsonParser p) throws IOException {
    clear();
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw V1FormatException.structural(t == null
          ? "empty input: expected a JSON object"
          : "expected a JSON object, got " + describe(t, p.getText()));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      readField(p, p.currentName());
    }
    if (p.nextToken() != null) {
      throw V1FormatException.structural("unexpected content after the JSON object at column "
          + p.currentLocation().getColumnNr());
    }
  }

  private void clear() {
    Arrays.fill(tokens, null);
    Arrays.fill(texts, null);
    present[0] = 0;
    present[1] = 0;
    unknown = null;
    levels = null;
    meta = null;
    features = null;
  }

  private void readField(JsonParser p, String name) throws IOException {
    V1Key key = V1Key.byName(name);
    JsonToken t = p.nextToken();
    if (key == null) {
      unknown().add(name);
      p.skipChildren();
      return;
    }
    present[key.word()] |= key.bit();
    tokens[key.ordinal()] = t;
    if (t == JsonToken.START_ARRAY && key.shape == V1Key.Shape.LEVELS) {
      readLevels(p, key);
    } else if (t == JsonToken.START_OBJECT && key.shape == V1Key.Shape.STRING_MAP) {
      readMeta(p, key);
    } else if (t == JsonToken.START_OBJECT && key.shape == V1Key.Shape.NUMBER_MAP) {
      readFeatures(p, key);
    } else if (t.isScalarValue()) {
      texts[key.ordinal()] = p.getText();
    } else {
      p.skipChildren(); // wrong shape: reported by the typed accessor only if this kind uses the key
    }
  }

  private Set<String> unknown() {
    if (unknown == null) {
      unknown = new LinkedHashSet<>();
    }
    return unknown;
  }

  private void readLevels(JsonParser p, V1Key key) throws IOException {
    Side side = key == V1Key.BIDS ? Side.BUY : Side.SELL;
    if (levels == null) {
      levels = new ArrayList<>();
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      long price = levelNumber(p, key);
      long size = levelNumber(p, key);
      if (p.nextToken() != JsonToken.END_ARRAY) {
        throw V1FormatException.wrongType(key.json, "expected [price, size] pairs, got a longer array");
      }
      levels.add(new BookLevel(side, price, size));
    }
    if (t != JsonToken.END_ARRAY) {
      throw V1FormatException.wrongType(key.json, "expected [price, size] pairs, got " + describe(t, p.getText()));
    }
  }

  private static long levelNumber(JsonParser p, V1Key key) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      throw V1FormatException.wrongType(key.json, "expected [price, size] pairs, got a shorter array");
    }
    return decimal(key, t, t.isScalarValue() ? p.getText() : null);
  }

  private void readMeta(JsonParser p, V1Key key) throws IOException {
    meta = JsonValues.readObject(p, key.json);
  }

  private void readFeatures(JsonParser p, V1Key key) throws IOException {
    features = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_NULL && !t.isNumeric()) {
        throw V1FormatException.wrongType(key.json, "expected numbers, got " + describe(t, t.isScalarValue() ? p.getText() : null)
            + " for '" + name + "'");
      }
      features.put(name, t == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue());
    }
  }

  boolean has(V1Key key) {
    return (present[key.word()] & key.bit()) != 0;
  }

  /** Keys outside the known contract, plus known keys that do not belong to a record whose keys are {@code mask}. */
  Set<String> unknownKeys(KeyMask mask) {
    long foreignLow = present[0] & ~mask.low();
    long foreignHigh = present[1] & ~mask.high();
    if (foreignLow == 0 && foreignHigh == 0 && unknown == null) {
      return Set.of();
    }
    Set<String> all = new LinkedHashSet<>();
    for (V1Key key : V1Key.values()) {
      if (((key.word() == 0 ? foreignLow : foreignHigh) & key.bit()) != 0) {
        all.add(key.json);
      }
    }
    if (unknown != null) {
      all.addAll(unknown);
    }
    return Set.copyOf(all);
  }

  // ---- typed accessors: each names the key in its error ----

  private JsonToken required(V1Key key) {
    if (!has(key)) {
      throw V1FormatException.missing(key.json);
    }
    return tokens[key.ordinal()];
  }

  /** The key has another JSON type than the contract's. */
  private V1FormatException expected(V1Key key, String what) {
    return V1FormatException.wrongType(key.json, "expected " + what + ", got "
        + describe(tokens[key.ordinal()], texts[key.ordinal()]));
  }

  /** The key has the right JSON type but a value the contract does not allow. */
  private V1FormatException invalid(V1Key key, String what) {
    return V1FormatException.bad(key.json, "expected " + what + ", got "
        + describe(tokens[key.ordinal()], texts[key.ordinal()]));
  }

  /** The text of a string-valued key, or null when absent or not a string: context for error reports. */
  String stringOrNull(V1Key key) {
    return has(key) && tokens[key.ordinal()] == JsonToken.VALUE_STRING ? texts[key.ordinal()] : null;
  }

  String string(V1Key key) {
    if (required(key) != JsonToken.VALUE_STRING) {
      throw expected(key, "a string");
    }
    return texts[key.ordinal()];
  }

  /** A string, or a number taken as its text (exchanges send numeric trade ids). */
  String identifier(V1Key key) {
    JsonToken t = required(key);
    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
      throw expected(key, "a string");
    }
    return texts[key.ordinal()];
  }

  long decimal(V1Key key) {
    required(key);
    return decimal(key, tokens[key.ordinal()], texts[key.ordinal()]);
  }

  private static long decimal(V1Key key, JsonToken t, String text) {
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return Decimals.parse(text);
      } catch (DecimalFormatException e) {
        throw V1FormatException.bad(key.json, "expected a decimal number, got " + describe(t, text)
            + " (" + e.getMessage() + ")");
      }
    }
    throw V1FormatException.wrongType(key.json, "expected a decimal number, got " + describe(t, text));
  }

  /** A JSON number; null reads as NaN, which is how the writer spells a missing or non-finite value. */
  double number(V1Key key) {
    JsonToken t = required(key);
    if (t == JsonToken.VALUE_NULL) {
      return Double.NaN;
    }
    if (!t.isNumeric()) {
      throw expected(key, "a number");
    }
    return Double.parseDouble(texts[key.ordinal()]);
  }

  long integer(V1Key key) {
    if (required(key) != JsonToken.VALUE_NUMBER_INT) {
      throw expected(key, "an integer");
    }
    try {
      return Long.parseLong(texts[key.ordinal()]);
    } catch (NumberFormatException e) {
      throw invalid(key, "an integer within 64 bits");
    }
  }

  long integer(V1Key key, long fallback) {
    return has(key) ? integer(key) : fallback;
  }

  int smallInt(V1Key key) {
    long value = integer(key);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(key, "an integer within 32 bits");
    }
    return (int) value;
  }

  boolean bool(V1Key key) {
    JsonToken t = required(key);
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw expected(key, "true or false");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  long time(V1Key key) {
    String text = string(key);
    try {
      return IsoTime.parse(text);
    } catch (RuntimeException e) { // DateTimeParseException, or ArithmeticException far outside the epoch range
      throw invalid(key, "an ISO-8601 timestamp such as 2024-05-01T12:00:00.123456Z");
    }
  }

  long time(V1Key key, long fallback) {
    return has(key) ? time(key) : fallback;
  }

  Side side(V1Key key) {
    Side side = Side.fromWire(string(key));
    if (side == null) {
      throw invalid(key, "buy or sell");
    }
    return side;
  }

  OptionType optionType(V1Key key) {
    OptionType type = OptionType.fromWire(string(key));
    if (type == null) {
      throw invalid(key, "call or put");
    }
    return type;
  }

  long intervalMillis(V1Key key) {
    String text = string(key);
    try {
      return Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, "an interval such as 1s, 10s, 1m");
    }
  }

  /** Book levels from {@code bids} then {@code asks}; each side may be absent (an empty delta side). */
  List<BookLevel> levels() {
    requireShape(V1Key.BIDS, JsonToken.START_ARRAY, "an array of [price, size] pairs");
    requireShape(V1Key.ASKS, JsonToken.START_ARRAY, "an array of [price, size] pairs");
    return levels == null ? List.of() : levels;
  }

  /** Fails naming {@code key} when it is absent; its shape is checked by {@link #levels()}. */
  void requireLevels(V1Key key) {
    required(key);
  }

  Map<String, Object> meta() {
    requireShape(V1Key.META, JsonToken.START_OBJECT, "an object of strings");
    return meta == null ? Map.of() : meta;
  }

  Map<String, Double> features() {
    requireShape(V1Key.FEATURES, JsonToken.START_OBJECT, "an object of numbers");
    required(V1Key.FEATURES);
    return features;
  }

  private void requireShape(V1Key key, JsonToken token, String what) {
    if (has(key) && tokens[key.ordinal()] != token) {
      throw expected(key, what);
    }
  }

  static String describe(JsonToken t, String text) {
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return '"' + shorten(text) + '"';
      default:
        return text == null ? t.asString() == null ? t.name() : t.asString() : shorten(text);
    }
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }
}
