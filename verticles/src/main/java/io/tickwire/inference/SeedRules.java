package io.tickwire.inference;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The seed rules file ({@code rules.seed}, format of {@code conf/rules.yaml}): a classpath resource when one by
 * that name exists, else a file path. Blocking: call it off the event loop. Errors name the source, the rule
 * (by name, or by position when it has none) and the field.
 */
public final class SeedRules {
  private SeedRules() {
  }

  public static List<Rule> load(String location) {
    return parse(location, read(location));
  }

  /** Parses seed YAML; {@code source} only names it in errors. */
  public static List<Rule> parse(String source, String yaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(root instanceof Map<?, ?> map) || !(map.get("rules") instanceof List<?> entries)) {
      throw new IllegalArgumentException(source + ": expected a top-level 'rules:' list");
    }
    List<Rule> rules = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      rules.add(rule(source, i, entries.get(i)));
    }
    return rules;
  }

  private static Rule rule(String source, int index, Object entry) {
    String where = source + ": rules[" + index + "]";
    if (!(entry instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException(where + " must be a mapping of rule fields");
    }
    JsonObject json = new JsonObject();
    fields.forEach((k, v) -> json.put(String.valueOf(k), v));
    if (json.getValue("name") instanceof String name) {
      where = source + ": rule '" + name + "'";
    }
    try {
      return Rule.fromJson(json);
    } catch (RuleFormatException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String read(String location) {
    try (InputStream in = SeedRules.class.getClassLoader().getResourceAsStream(location)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed rules " + location + ": " + e.getMessage(), e);
    }
  }
}
