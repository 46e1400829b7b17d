package io.tickwire.inference;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A user rule: when {@code condition} (CEL over feature names, {@code price}, {@code symbol}, {@code venue})
 * becomes true for a symbol, emit signal {@code name} with value {@code signal} and confidence {@code score},
 * then not again before {@code cooldownMs} has passed and the condition has been false once. {@code version}
 * counts changes, so a compiled rule is reused only while its version stands.
 */
public record Rule(String name, String condition, double signal, double score, long cooldownMs, boolean enabled,
    int version) {

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("condition", condition).put("signal", signal).put("score", score)
        .put("cooldown_ms", cooldownMs).put("enabled", enabled).put("version", version);
  }

  /**
   * A rule from its JSON form (the API's and the seed file's). {@code version} is ignored: the store assigns it.
   * Throws {@link RuleFormatException} naming the field when one is missing or has the wrong type or range.
   */
  public static Rule fromJson(JsonObject json) {
    rejectUnknownFields(json);
    return new Rule(
        requiredName(json),
        requiredString(json, "condition"),
        number(json, "signal", -1e9, 1e9, null),
        number(json, "score", 0, 1, null),
        (long) number(json, "cooldown_ms", 0, 7 * 86_400_000d, 60_000d),
        bool(json, "enabled", true),
        1);
  }

  /** The JSON fields of a rule; a misspelt one ({@code enable}) must not be ignored and silently defaulted. */
  public static final java.util.Set<String> FIELDS = java.util.Set.of("name", "condition", "signal", "score",
      "cooldown_ms", "enabled", "version");

  private static void rejectUnknownFields(JsonObject json) {
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new RuleFormatException(field, "is not a rule field; the fields are " + new java.util.TreeSet<>(FIELDS));
      }
    }
  }

  public Rule withVersion(int newVersion) {
    return new Rule(name, condition, signal, score, cooldownMs, enabled, newVersion);
  }

  public Rule withEnabled(boolean on) {
    return new Rule(name, condition, signal, score, cooldownMs, on, version);
  }

  private static String requiredName(JsonObject json) {
    String name = requiredString(json, "name");
    if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new RuleFormatException("name", "'" + name + "' must be 1 to 100 letters, digits, '_', '.' or '-'");
    }
    return name;
  }

  private static String requiredString(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new RuleFormatException(field, value == null ? "is required" : "must be a non-empty string");
    }
    return s;
  }

  private static double number(JsonObject json, String field, double min, double max, Double fallback) {
    Object value = json.getValue(field);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new RuleFormatException(field, value == null ? "is required" : "must be a number, got " + value);
    }
    double v = n.doubleValue();
    if (v < min || v > max) {
      throw new RuleFormatException(field, "must be from " + min + " to " + max + ", got " + v);
    }
    return v;
  }

  private static boolean bool(JsonObject json, String field, boolean fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw new RuleFormatException(field, "must be true or false, got " + value);
    }
    return b;
  }
}
