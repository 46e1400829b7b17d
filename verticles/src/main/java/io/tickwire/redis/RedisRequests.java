package io.tickwire.redis;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.V1Json;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Redis commands of the hot cache: what is written where, in which format. */
final class RedisRequests {
  static final int HEALTH_TTL_SECONDS = 10;

  private RedisRequests() {
  }

  /**
   * SET (with its expiry) and PUBLISH per latest bar, XADD per stream entry and one PEXPIRE per stream written; sent
   * as one pipeline.
   *
   * <p>Why every key expires: keys are named by symbol, and symbols come from the feeds, so without an expiry a
   * symbol that stopped trading (or a producer inventing symbols) would leave its keys in Redis for good. Each write
   * pushes the expiry out again, so a key lives {@code keyTtlMs} past its symbol's last bar. MAXLEN bounds a stream's
   * length, not its lifetime, hence the PEXPIRE.
   */
  static List<Request> forBars(BarCoalescer.Pending pending, long streamMaxlen, long keyTtlMs) {
    List<Request> requests = new ArrayList<>(pending.latest().size() * 2 + pending.stream().size() * 2);
    Set<String> streams = new LinkedHashSet<>();
    for (Bar bar : pending.stream()) {
      requests.add(streamEntry(bar, streamMaxlen));
      streams.add(RedisKeys.stream(bar.venue(), bar.symbol()));
    }
    for (String stream : streams) {
      requests.add(Request.cmd(Command.PEXPIRE).arg(stream).arg(keyTtlMs));
    }
    for (Bar bar : pending.latest()) {
      requests.add(Request.cmd(Command.SET).arg(RedisKeys.bar(bar)).arg(V1Json.toJson(bar)).arg("PX").arg(keyTtlMs));
      requests.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.UPDATES_CHANNEL).arg(notification(bar)));
    }
    return requests;
  }

  /** {@code MAXLEN ~} lets Redis trim whole nodes only, which keeps XADD cheap; the cap is approximate. */
  private static Request streamEntry(Bar bar, long streamMaxlen) {
    return Request.cmd(Command.XADD).arg(RedisKeys.stream(bar.venue(), bar.symbol()))
        .arg("MAXLEN").arg("~").arg(streamMaxlen).arg("*")
        .arg(RedisKeys.STREAM_FIELD).arg(V1Json.toJson(bar));
  }

  /** Small on purpose: subscribers learn which key changed and GET it only if they care. */
  static String notification(Bar bar) {
    return new JsonObject()
        .put("kind", "bar")
        .put("interval", bar.interval())
        .put("venue", bar.venue())
        .put("symbol", bar.symbol())
        .put("start", IsoTime.format(bar.start()))
        .encode();
  }

  /** The expiry makes a stale health key disappear when the node stops refreshing it. */
  static Request health(HealthRegistry.Snapshot snapshot, long nowMicros) {
    return Request.cmd(Command.SET).arg(RedisKeys.HEALTH_KEY).arg(healthJson(snapshot, nowMicros).encode())
        .arg("EX").arg(HEALTH_TTL_SECONDS);
  }

  static JsonObject healthJson(HealthRegistry.Snapshot snapshot, long nowMicros) {
    JsonObject components = new JsonObject();
    for (ComponentHealth c : snapshot.components()) {
      components.put(c.name(), new JsonObject()
          .put("status", c.status().wire())
          .put("detail", c.detail())
          .put("gauges", new JsonObject(new LinkedHashMap<>(c.gauges()))));
    }
    return new JsonObject()
        .put("status", snapshot.status().wire())
        .put("ts", IsoTime.format(nowMicros))
        .put("components", components);
  }
}
