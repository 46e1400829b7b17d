package io.tickwire.connector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.codecs.Decimals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree whose numbers stay as the text received. Kraken websocket v2 and Deribit send prices and quantities as
 * JSON numbers, and book keys and checksums need their exact decimal text ({@code 0.10000000} keeps its zeros); a
 * tree built by a general-purpose mapper would go through {@code double}. Objects become maps, arrays lists,
 * numbers {@link Num}, and the accessors fail with an error naming the key and what was found.
 */
public final class ExactJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** A JSON number as its text. */
  public record Num(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private ExactJson() {
  }

  /** The object {@code text} holds; throws naming the problem when it is not exactly one JSON object. */
  public static Map<String, Object> parseObject(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Map<String, Object> object = readObject(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON object");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static Object readValue(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(p.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    };
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> object = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      object.put(name, readValue(p, p.nextToken()));
    }
    return object;
  }

  private static List<Object> readArray(JsonParser p) throws IOException {
    List<Object> array = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      array.add(readValue(p, token));
    }
    return array;
  }

  public static String text(Map<String, Object> object, String key) {
    if (object.get(key) instanceof String text) {
      return text;
    }
    throw wrong(object, key, "a string");
  }

  /** The string at {@code key}, or null when absent. */
  public static String optionalText(Map<String, Object> object, String key) {
    return object.containsKey(key) ? text(object, key) : null;
  }

  /** An exact decimal from a JSON number (or a numeric string), never through a double. */
  public static long decimal(Map<String, Object> object, String key) {
    Object value = object.get(key);
    if (value instanceof Num || value instanceof String) {
      return Decimals.parse(value.toString());
    }
    throw wrong(object, key, "a number");
  }

  /** The decimal at {@code key}, or zero when the key is absent or null (venues send null for "none"). */
  public static long optionalDecimal(Map<String, Object> object, String key) {
    return object.get(key) == null ? Decimals.of(0, 0) : decimal(object, key);
  }

  /** An integral JSON number (ids, epoch milliseconds); a fraction or a number past 64 bits is an error. */
  public static long integer(Map<String, Object> object, String key) {
    if (object.get(key) instanceof Num number) {
      try {
        return Long.parseLong(number.text());
      } catch (NumberFormatException e) {
        throw wrong(object, key, "an integer");
      }
    }
    throw wrong(object, key, "an integer");
  }

  /** A model output (an implied volatility, a greek) as a double, NaN when absent or null. */
  public static double optionalDouble(Map<String, Object> object, String key) {
    Object value = object.get(key);
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Num number) {
      return Double.parseDouble(number.text());
    }
    throw wrong(object, key, "a number");
  }

  /** The object at {@code key}; anything else is an error naming the key. */
  public static Map<String, Object> objectAt(Map<String, Object> object, String key) {
    if (object.get(key) instanceof Map<?, ?>) {
      return object(object.get(key), key);
    }
    throw wrong(object, key, "an object");
  }

  /** A JSON number's text, as sent (ids, checksums), or null when absent. */
  public static String optionalNumber(Map<String, Object> object, String key) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Num number) {
      return number.text();
    }
    throw wrong(object, key, "a number");
  }

  public static List<Object> array(Map<String, Object> object, String key) {
    if (object.get(key) instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> array = (List<Object>) list;
      return array;
    }
    throw wrong(object, key, "an array");
  }

  /** {@code value} as an object; {@code what} names it in the error. */
  public static Map<String, Object> object(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return object;
    }
    throw new IllegalArgumentException(what + " is " + describe(value) + ", expected an object");
  }

  private static IllegalArgumentException wrong(Map<String, Object> object, String key, String expected) {
    return new IllegalArgumentException("'" + key + "' is " + describe(object.get(key)) + ", expected " + expected);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "missing or null";
    }
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    return value instanceof Map || value instanceof List ? value.getClass().getSimpleName() : value.toString();
  }
}
