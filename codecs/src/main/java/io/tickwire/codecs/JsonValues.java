package io.tickwire.codecs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free-form JSON values (signal meta): strings, numbers, booleans, and objects and lists of them. Copies are
 * deep and immutable; nesting is bounded, so a hostile document cannot exhaust the stack.
 */
public final class JsonValues {
  /** Deeper than any annotation needs, shallow enough for any stack. */
  public static final int MAX_DEPTH = 16;

  private JsonValues() {
  }

  /** An immutable deep copy with keys in name order; throws naming the key for a value JSON cannot hold. */
  public static Map<String, Object> copyObject(Map<String, ?> map) {
    return copyObject(map, 0);
  }

  private static Map<String, Object> copyObject(Map<String, ?> map, int depth) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (e.getValue() != null) { // an absent annotation, not a value
        out.put(e.getKey(), copy(e.getKey(), e.getValue(), depth + 1));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object copy(String key, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("meta '" + key + "' nests deeper than " + MAX_DEPTH);
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return copyObject((Map<String, ?>) map, depth);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(item == null ? null : copy(key, item, depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException("meta '" + key + "' is a " + value.getClass().getSimpleName()
        + "; expected a string, number, boolean, object or list");
  }

  static void write(JsonGenerator gen, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        gen.writeNumber(d);
      } else {
        gen.writeNull();
      }
    } else if (value instanceof Number n) {
      gen.writeNumber(n.longValue());
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else {
      gen.writeStartArray();
      for (Object item : (List<?>) value) {
        write(gen, item);
      }
      gen.writeEndArray();
    }
  }

  /** Reads the object whose START_OBJECT the parser is on. */
  static Map<String, Object> readObject(JsonParser p, String field) throws IOException {
    return readObject(p, field, 0);
  }

  private static Map<String, Object> readObject(JsonParser p, String field, int depth) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Object value = read(p, p.nextToken(), field, depth + 1);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  private static Object read(JsonParser p, JsonToken t, String field, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw V1FormatException.bad(field, "nests deeper than " + MAX_DEPTH);
    }
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        return readObject(p, field, depth);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(p, next, field, depth + 1));
        }
        return list;
      default:
        throw V1FormatException.bad(field, "unexpected " + t);
    }
  }

  /** JSON text of an object, for stores that keep it as text (binary codec, database). */
  public static String toJson(Map<String, ?> map) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = V1Json.FACTORY.createGenerator(out)) {
      write(gen, map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses JSON object text written by {@link #toJson}; throws {@link V1FormatException} when it is not one. */
  public static Map<String, Object> parseObject(String json, String field) {
    try (JsonParser p = V1Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw V1FormatException.bad(field, "expected a JSON object");
      }
      return readObject(p, field);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw V1FormatException.bad(field, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
