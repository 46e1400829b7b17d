package io.tickwire.inference;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules catalog as it travels on the event bus: every rule's source, and a version that names exactly that set
 * of rules. The version is a digest of the rules (in name order, each with its own version), not a counter: a node
 * that restarts, or a second persist node reading the same table, computes the same version for the same rules,
 * so a confirmation means "runs exactly these rules" whoever published them.
 */
public record CatalogSource(String version, List<Rule> rules) {
  /** Hex digits of the digest kept: enough to tell catalogs apart, short enough to read in /api/rules. */
  private static final int VERSION_BYTES = 8;

  public CatalogSource {
    rules = List.copyOf(rules);
  }

  /** The catalog of {@code rules}, which must be in name order (as the store lists them). */
  public static CatalogSource of(List<Rule> rules) {
    return new CatalogSource(versionOf(rules), rules);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    rules.forEach(rule -> array.add(rule.toJson()));
    return new JsonObject().put("version", version).put("rules", array);
  }

  /**
   * The catalog a persist node published. Each rule is checked as the API checks it; throws
   * {@link RuleFormatException} naming the field when the message is not a catalog.
   */
  public static CatalogSource fromJson(JsonObject json) {
    JsonArray array = json.getJsonArray("rules");
    if (array == null) {
      throw new RuleFormatException("rules", "is required in a rules catalog");
    }
    List<Rule> rules = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject rule = array.getJsonObject(i);
      Integer version = rule.getInteger("version");
      rules.add(Rule.fromJson(rule).withVersion(version == null ? 1 : version));
    }
    // Recomputed rather than trusted, so the version confirmed is the version of what actually runs.
    return of(rules);
  }

  private static String versionOf(List<Rule> rules) {
    MessageDigest digest = sha256();
    for (Rule rule : rules) {
      digest.update(rule.toJson().encode().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    byte[] hash = digest.digest();
    return HexFormat.of().formatHex(hash, 0, VERSION_BYTES);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
