package io.tickwire.redis;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.V1Json;
import io.tickwire.codecs.VenueQuote;
import io.tickwire.health.HealthRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis commands of the {@code md:v1:*} keys (see {@link RedisKeys#MD_PREFIX}): SET with an expiry and a
 * PUBLISH on {@link RedisKeys#MD_UPDATES_CHANNEL} per key written, XADD (and a PEXPIRE) per window entry. Every key
 * expires like the bar keys, so a stream that stops leaves Redis by itself.
 */
final class MdV1Requests {
  static final String KIND_SPOT_MID = "spot_mid";
  static final String KIND_SPOT_MID_WINDOW = "spot_mid_window";
  static final String KIND_SPOT_BBO = "spot_bbo";
  static final String KIND_IV_SURFACE = "iv_surface";
  static final String KIND_HEALTH = "health";

  private MdV1Requests() {
  }

  static List<Request> forPending(MdV1Coalescer.Pending pending, long keyTtlMs, long windowMaxlen) {
    List<Request> requests = new ArrayList<>();
    for (SpotMid entry : pending.window()) {
      requests.add(windowEntry(entry, windowMaxlen));
    }
    if (!pending.window().isEmpty()) {
      requests.add(Request.cmd(Command.PEXPIRE).arg(RedisKeys.MD_SPOT_MID_WINDOW).arg(keyTtlMs));
      requests.add(notice(RedisKeys.MD_SPOT_MID_WINDOW, KIND_SPOT_MID_WINDOW,
          pending.window().get(pending.window().size() - 1).ts()));
    }
    if (pending.mid() != null) {
      set(requests, RedisKeys.MD_SPOT_MID, V1Json.toJson(pending.mid()), keyTtlMs, KIND_SPOT_MID, pending.mid().ts());
    }
    for (MdV1Coalescer.Bbo bbo : pending.bbos()) {
      set(requests, RedisKeys.spotBbo(bbo.quote().venue(), bbo.quote().symbol()), bboJson(bbo), keyTtlMs,
          KIND_SPOT_BBO, bbo.sampleTs());
    }
    for (IvSurface surface : pending.surfaces()) {
      set(requests, RedisKeys.ivSurface(surface.expiry()), V1Json.toJson(surface), keyTtlMs, KIND_IV_SURFACE,
          surface.ts());
    }
    return requests;
  }

  /** The node's health under {@link RedisKeys#MD_HEALTH}, the same document and expiry as the tw:v1 health key. */
  static List<Request> health(HealthRegistry.Snapshot snapshot, long nowMicros) {
    return List.of(Request.cmd(Command.SET).arg(RedisKeys.MD_HEALTH)
            .arg(RedisRequests.healthJson(snapshot, nowMicros).encode()).arg("EX").arg(RedisRequests.HEALTH_TTL_SECONDS),
        notice(RedisKeys.MD_HEALTH, KIND_HEALTH, nowMicros));
  }

  private static void set(List<Request> requests, String key, String json, long keyTtlMs, String kind, long ts) {
    requests.add(Request.cmd(Command.SET).arg(key).arg(json).arg("PX").arg(keyTtlMs));
    requests.add(notice(key, kind, ts));
  }

  /** Flat fields for readers that do not parse JSON, and the whole sample for those that do. */
  private static Request windowEntry(SpotMid sample, long maxlen) {
    return Request.cmd(Command.XADD).arg(RedisKeys.MD_SPOT_MID_WINDOW).arg("MAXLEN").arg("~").arg(maxlen).arg("*")
        .arg("ts").arg(IsoTime.format(sample.ts()))
        .arg("mid").arg(Double.isFinite(sample.mid()) ? Double.toString(sample.mid()) : "")
        .arg("quality").arg(sample.quality())
        .arg(RedisKeys.STREAM_FIELD).arg(V1Json.toJson(sample));
  }

  /** Small on purpose: subscribers learn which key changed and read it only if they care. */
  static Request notice(String key, String kind, long ts) {
    return Request.cmd(Command.PUBLISH).arg(RedisKeys.MD_UPDATES_CHANNEL).arg(new JsonObject().put("key", key)
        .put("kind", kind).put("ts", IsoTime.format(ts)).encode());
  }

  /**
   * {@code {"venue","symbol","bid","bid_size","ask","ask_size","mid","quote_ts","age_ms","fresh","ts"}}: the quote
   * with its exact digits, when it was stamped, how old and whether fresh at the sample {@code ts}.
   */
  static String bboJson(MdV1Coalescer.Bbo bbo) {
    VenueQuote q = bbo.quote();
    StringBuilder json = new StringBuilder(256).append('{');
    text(json, "venue", q.venue()).append(',');
    text(json, "symbol", q.symbol()).append(',');
    json.append("\"bid\":");
    Decimals.append(json, q.bidPrice()).append(",\"bid_size\":");
    Decimals.append(json, q.bidSize()).append(",\"ask\":");
    Decimals.append(json, q.askPrice()).append(",\"ask_size\":");
    Decimals.append(json, q.askSize()).append(",\"mid\":").append(q.mid()).append(',');
    text(json, "quote_ts", IsoTime.format(q.quoteTime())).append(",\"age_ms\":").append(q.ageMs())
        .append(",\"fresh\":").append(q.fresh()).append(',');
    return text(json, "ts", IsoTime.format(bbo.sampleTs())).append('}').toString();
  }

  private static StringBuilder text(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    JsonStringEncoder.getInstance().quoteAsString(value, json);
    return json.append('"');
  }
}
