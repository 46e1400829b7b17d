package io.tickwire.inference;

import io.tickwire.codecs.IsoTime;
import io.tickwire.flow.LruMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which node runs which rules catalog version, from the confirmations the inference stages publish. Bounded two
 * ways: a node that stopped confirming (it left the cluster) is forgotten after {@code forgetAfterMs}, and at most
 * {@code maxNodes} are kept, the least recently confirmed dropped first.
 */
final class CatalogConfirmations {
  /** What one node last confirmed. */
  record Confirmation(String node, String version, int rules, int skipped, long atMillis) {
    JsonObject toJson(String current) {
      return new JsonObject().put("node", node).put("version", version).put("current", version.equals(current))
          .put("rules", rules).put("skipped", skipped).put("confirmed_at", IsoTime.format(atMillis * 1000));
    }
  }

  private final Map<String, Confirmation> byNode;
  private final long forgetAfterMs;
  private long rejected;

  CatalogConfirmations(int maxNodes, long forgetAfterMs) {
    this.byNode = new LruMap<>(maxNodes);
    this.forgetAfterMs = forgetAfterMs;
  }

  /** Records a confirmation as published; a malformed one is counted and ignored. */
  void record(Object message, long nowMillis) {
    if (!(message instanceof JsonObject json) || !(json.getValue("node") instanceof String node)
        || !(json.getValue("version") instanceof String version) || node.length() > 200 || version.length() > 64) {
      rejected++;
      return;
    }
    byNode.put(node, new Confirmation(node, version, json.getInteger("rules", 0), json.getInteger("skipped", 0),
        nowMillis));
  }

  /** The nodes that confirmed lately, oldest confirmation first. */
  List<Confirmation> current(long nowMillis) {
    byNode.values().removeIf(c -> nowMillis - c.atMillis() > forgetAfterMs);
    return new ArrayList<>(byNode.values());
  }

  /** {@code {"version": current, "nodes": [...], "confirmations_rejected": n}}. */
  JsonObject toJson(String currentVersion, long nowMillis) {
    JsonArray nodes = new JsonArray();
    current(nowMillis).forEach(c -> nodes.add(c.toJson(currentVersion)));
    return new JsonObject().put("version", currentVersion).put("nodes", nodes).put("confirmations_rejected",
        rejected);
  }
}
