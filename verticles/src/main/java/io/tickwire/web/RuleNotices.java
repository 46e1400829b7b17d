package io.tickwire.web;

import io.tickwire.flow.Addresses;
import io.tickwire.inference.Rule;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Tells every inference instance in the cluster that the rules table changed, so each reloads it. Published, not
 * sent: all instances must hear it. The notice names the rule only for logs; receivers reload the whole table.
 */
final class RuleNotices {
  private final EventBus bus;

  RuleNotices(EventBus bus) {
    this.bus = bus;
  }

  void changed(Rule rule) {
    bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("rule", rule.name()).put("version", rule.version()));
  }

  void deleted(String name) {
    bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("rule", name).put("deleted", true));
  }
}
