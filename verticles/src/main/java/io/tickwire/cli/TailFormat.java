package io.tickwire.cli;

import io.tickwire.codecs.V1JsonWriter;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One line per item: its v1 JSON, or for {@code --format table} the time, kind, venue and symbol in aligned
 * columns followed by the item's other fields as {@code key=value}. Notices that are already JSON objects pass
 * through as they are.
 */
final class TailFormat {
  private static final List<String> TIME_KEYS = List.of("src_ts", "ts", "start");
  private static final List<String> HEAD_KEYS = List.of("ver", "kind", "venue", "provider", "symbol", "src_ts",
      "ts", "start", "event_id");

  private final boolean table;
  private final V1JsonWriter writer = new V1JsonWriter();

  TailFormat(boolean table) {
    this.table = table;
  }

  String line(Object item) {
    String json = json(item);
    return table ? row(new JsonObject(json)) : json;
  }

  private String json(Object item) {
    if (item instanceof JsonObject object) {
      return object.encode();
    }
    String line = new String(writer.write(item).toByteArray(), java.nio.charset.StandardCharsets.UTF_8).strip();
    writer.reset();
    return line;
  }

  private static String row(JsonObject o) {
    String time = TIME_KEYS.stream().map(o::getString).filter(t -> t != null).findFirst().orElse("");
    String kind = o.getString("kind", o.containsKey("provider") ? "signal" : "");
    String venue = o.getString("venue", o.getString("provider", ""));
    StringJoiner rest = new StringJoiner(" ");
    for (Map.Entry<String, Object> field : o) {
      if (!HEAD_KEYS.contains(field.getKey())) {
        rest.add(field.getKey() + "=" + field.getValue());
      }
    }
    return String.format(Locale.ROOT, "%-27s %-9s %-10s %-12s %s", time, kind, venue, o.getString("symbol", ""),
        rest);
  }

  /** The symbol an item is about (every record has one), or null. */
  static String symbolOf(Object item) {
    if (item instanceof JsonObject object) {
      return object.getString("symbol");
    }
    try {
      Method symbol = item.getClass().getMethod("symbol");
      return (String) symbol.invoke(item);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return null;
    }
  }
}
