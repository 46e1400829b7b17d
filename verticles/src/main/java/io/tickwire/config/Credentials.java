package io.tickwire.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the keys that hold credentials and TLS material; errors name the key, never a token's value. */
final class Credentials {
  private Credentials() {
  }

  /** A token under {@code key}, or null when the key is null. */
  static Secret optionalToken(ConfigReader r, String key) {
    String value = r.optionalString(key);
    return value == null ? null : Secret.of(key, value);
  }

  /**
   * The URL under {@code key}, or null when the key is null; it must start with one of {@code schemes}. An error
   * shows the URL without its user-info part, which may hold a password that must not reach a log.
   */
  static String optionalUrl(ConfigReader r, String key, List<String> schemes, String expected) {
    String url = r.optionalString(key);
    if (url != null && schemes.stream().noneMatch(scheme -> url.startsWith(scheme + "://"))) {
      throw ConfigReader.invalid(key, redact(url), expected);
    }
    return url;
  }

  static String redact(String url) {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@", "$1***@");
  }

  /** {@code [{token, venues}]}; an empty list means producers need no token. */
  static List<ProducerToken> producerTokens(ConfigReader r, String key) {
    Object raw = r.raw(key);
    if (!(raw instanceof JsonArray array)) {
      throw new ConfigException(key, "config key '" + key + "' must be a list of {token, venues} (or [])");
    }
    List<ProducerToken> tokens = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      tokens.add(producerToken(array.getValue(i), key + "[" + i + "]"));
    }
    return List.copyOf(tokens);
  }

  private static ProducerToken producerToken(Object raw, String key) {
    if (!(raw instanceof JsonObject entry) || !(entry.getValue("token") instanceof String token)) {
      throw new ConfigException(key, "config key '" + key + "' must be {token: <at least " + Secret.MIN_LENGTH
          + " characters>, venues: [...]}");
    }
    List<String> venues = new ConfigReader(entry).stringList("venues");
    return new ProducerToken(Secret.of(key + ".token", token), venues);
  }

  /** PEM key and certificate under {@code prefix}.key and .cert: both null (no TLS) or both readable files. */
  static Pem pem(ConfigReader r, String prefix) {
    String key = r.optionalString(prefix + ".key");
    String cert = r.optionalString(prefix + ".cert");
    if (key == null && cert == null) {
      return null;
    }
    readable(r, prefix + ".key", key);
    readable(r, prefix + ".cert", cert);
    return new Pem(key, cert);
  }

  private static void readable(ConfigReader r, String key, String path) {
    if (path == null) {
      throw ConfigReader.invalid(key, null, "a PEM file path: TLS needs both .key and .cert");
    }
    if (!Files.isReadable(Path.of(path))) {
      throw ConfigReader.invalid(key, path, "a readable PEM file");
    }
  }
}
