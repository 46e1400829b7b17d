package io.tickwire.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level fields of one JSON object line and where each sits in the text. Faults are injected by splicing
 * that text rather than re-serialising a tree, so everything a fault does not touch stays byte for byte as the
 * producer wrote it: a tree would rewrite exact decimals as doubles and could turn a good line into a bad one.
 */
final class LineFields {
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * One top-level field: {@code start} is the opening quote of its name, {@code valueStart..end} its value.
   * {@code scalar} is the value's text for scalars, null for objects and arrays.
   */
  record Field(String name, String scalar, int start, int valueStart, int end) {
  }

  private final String text;
  private final Map<String, Field> fields;
  private final int closingBrace;

  private LineFields(String text, Map<String, Field> fields, int closingBrace) {
    this.text = text;
    this.fields = fields;
    this.closingBrace = closingBrace;
  }

  /** The fields of {@code line}, or empty when it is not exactly one JSON object (such a line is never mutated). */
  static Optional<LineFields> parse(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Field field = readField(p);
        if (fields.putIfAbsent(field.name(), field) != null) {
          return Optional.empty(); // a repeated key is already malformed for the contract; leave it alone
        }
      }
      int closing = offset(p.currentTokenLocation().getCharOffset());
      return p.nextToken() == null ? Optional.of(new LineFields(line, fields, closing)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Field readField(JsonParser p) throws IOException {
    String name = p.currentName();
    int start = offset(p.currentTokenLocation().getCharOffset());
    JsonToken token = p.nextToken();
    int valueStart = offset(p.currentTokenLocation().getCharOffset());
    String scalar = null;
    if (token.isScalarValue()) {
      scalar = p.getText(); // also reads a string to its end, so the location below is past it
    } else {
      p.skipChildren();
    }
    return new Field(name, scalar, start, valueStart, offset(p.currentLocation().getCharOffset()));
  }

  private static int offset(long charOffset) {
    return Math.toIntExact(charOffset);
  }

  boolean has(String name) {
    return fields.containsKey(name);
  }

  /** The scalar text of {@code name} (a string's content, a number's digits), or null when absent or not scalar. */
  String scalar(String name) {
    Field field = fields.get(name);
    return field == null ? null : field.scalar();
  }

  /** The value of {@code name} exactly as written, or null when absent. */
  String raw(String name) {
    Field field = fields.get(name);
    return field == null ? null : text.substring(field.valueStart(), field.end());
  }

  /** The line with {@code "name":valueJson} appended as its last field. */
  String adding(String name, String valueJson) {
    String member = quoted(name) + ":" + valueJson;
    return text.substring(0, closingBrace) + (fields.isEmpty() ? member : "," + member) + text.substring(closingBrace);
  }

  /** The line without {@code name} (and without the comma that separated it); the line itself when absent. */
  String without(String name) {
    Field field = fields.get(name);
    if (field == null) {
      return text;
    }
    List<Field> order = new ArrayList<>(fields.values());
    int at = order.indexOf(field);
    if (at + 1 < order.size()) {
      return text.substring(0, field.start()) + text.substring(order.get(at + 1).start());
    }
    int from = at > 0 ? order.get(at - 1).end() : field.start();
    return text.substring(0, from) + text.substring(field.end());
  }

  /** The line with {@code name}'s value replaced by {@code valueJson}; the line itself when absent. */
  String replacing(String name, String valueJson) {
    Field field = fields.get(name);
    if (field == null) {
      return text;
    }
    return text.substring(0, field.valueStart()) + valueJson + text.substring(field.end());
  }

  /** {@code s} as a JSON string literal. */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
