package io.tickwire.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the configuration in layers, later ones winning: the defaults built into the jar
 * ({@code conf/tickwire.yaml}), an optional user file ({@code --config}), environment variables
 * ({@code TICKWIRE_} + the upper-cased key with dots as underscores) and {@code --set key=value} flags.
 *
 * <p>The defaults define which keys exist: a user file or {@code --set} naming any other key is an error (a
 * typo would otherwise be ignored silently). Override values are read as YAML scalars or flow lists, so
 * {@code 250}, {@code true}, {@code max} and {@code [BTC-USD,ETH-USD]} all mean what they look like.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "conf/tickwire.yaml";
  public static final String ENV_PREFIX = "TICKWIRE_";
  private static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());

  private ConfigLoader() {
  }

  /**
   * The merged configuration. Fails with {@link ConfigException} naming the key for an unknown key, a
   * malformed {@code --set} or an unreadable file.
   */
  public static Future<JsonObject> load(Vertx vertx, Path configFile, Map<String, String> env, List<String> sets) {
    JsonObject defaults;
    JsonObject fromEnv;
    JsonObject fromSets;
    try {
      defaults = readDefaults();
      Set<String> known = leafKeys(defaults);
      fromEnv = envOverrides(env, known);
      fromSets = setOverrides(sets, known);
      checkFile(configFile);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(-1)
        .addStore(json(defaults));
    if (configFile != null) {
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
          .setConfig(new JsonObject().put("path", configFile.toAbsolutePath().toString())));
    }
    options.addStore(json(fromEnv)).addStore(json(fromSets));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .recover(e -> Future.failedFuture(new ConfigException("--config",
            "cannot read config file " + configFile + ": " + e.getMessage())))
        .compose(merged -> rejectUnknownKeys(merged, leafKeys(defaults)))
        .eventually(retriever::close);
  }

  private static void checkFile(Path configFile) {
    if (configFile != null && !Files.isReadable(configFile)) {
      throw new ConfigException("--config", "config file " + configFile + " does not exist or is not readable");
    }
  }

  private static ConfigStoreOptions json(JsonObject config) {
    return new ConfigStoreOptions().setType("json").setConfig(config);
  }

  static JsonObject readDefaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath; the build is broken");
      }
      Object parsed = yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new JsonObject(asJsonMap(parsed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asJsonMap(Object parsed) {
    return (Map<String, Object>) JsonObject.of("root", parsed).getJsonObject("root").getMap();
  }

  /** Every dotted key whose value is not a map: the keys a user may set. */
  static Set<String> leafKeys(JsonObject config) {
    Set<String> keys = new TreeSet<>();
    collectLeaves("", config, keys);
    return keys;
  }

  private static void collectLeaves(String prefix, JsonObject node, Set<String> out) {
    for (String field : node.fieldNames()) {
      Object value = node.getValue(field);
      String key = prefix + field;
      if (value instanceof JsonObject child && !child.isEmpty()) {
        collectLeaves(key + ".", child, out);
      } else {
        out.add(key);
      }
    }
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  private static JsonObject envOverrides(Map<String, String> env, Set<String> known) {
    JsonObject out = new JsonObject();
    Set<String> used = new TreeSet<>();
    for (String key : known) {
      String value = env.get(envName(key));
      if (value != null) {
        put(out, key, parseValue(envName(key), value));
        used.add(envName(key));
      }
    }
    for (String name : env.keySet()) {
      if (name.startsWith(ENV_PREFIX) && !used.contains(name) && !name.startsWith(ENV_PREFIX + "TEST_")) {
        LOG.log(System.Logger.Level.DEBUG, "environment variable {0} names no config key; ignored", name);
      }
    }
    return out;
  }

  private static JsonObject setOverrides(List<String> sets, Set<String> known) {
    JsonObject out = new JsonObject();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(set, "--set expects key=value, got \"" + set + "\"");
      }
      String key = set.substring(0, eq).trim();
      if (!known.contains(key)) {
        throw unknownKey(key, "--set", known);
      }
      put(out, key, parseValue(key, set.substring(eq + 1)));
    }
    return out;
  }

  private static Future<JsonObject> rejectUnknownKeys(JsonObject merged, Set<String> known) {
    for (String key : leafKeys(merged)) {
      if (!known.contains(key) && known.stream().noneMatch(k -> key.startsWith(k + "."))) {
        return Future.failedFuture(unknownKey(key, "the config file", known));
      }
    }
    return Future.succeededFuture(merged);
  }

  private static ConfigException unknownKey(String key, String where, Set<String> known) {
    String section = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : "";
    List<String> near = new ArrayList<>();
    for (String k : known) {
      if (!section.isEmpty() && k.startsWith(section)) {
        near.add(k);
      }
    }
    return new ConfigException(key, "unknown config key '" + key + "' in " + where
        + (near.isEmpty() ? "; see conf/tickwire.yaml for the keys" : "; keys in that section: " + near));
  }

  /** Reads an override as YAML so numbers, booleans, null and flow lists get their natural types. */
  static Object parseValue(String key, String text) {
    try {
      Object value = yaml().load(text);
      if (value instanceof List<?> list) {
        return new JsonArray(new ArrayList<>(list));
      }
      if (value instanceof java.util.Date date) {
        return date.toInstant().toString();
      }
      return value instanceof Map ? text : value;
    } catch (RuntimeException e) {
      throw new ConfigException(key, "config key '" + key + "' has value \"" + text + "\" that is not valid YAML: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void put(JsonObject root, String key, Object value) {
    String[] parts = key.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }
}
