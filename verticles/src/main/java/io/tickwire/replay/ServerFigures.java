package io.tickwire.replay;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * What a node's TCP ingest did during a load test: the change of its counters between before and after.
 *
 * @param received complete frames read
 * @param accepted events passed on to the pipeline
 * @param rejected frames refused (malformed, too long, truncated)
 * @param lost events the pipeline refused after they were read
 * @param refusedConnections connections turned away (too many open)
 */
public record ServerFigures(long received, long accepted, long rejected, long lost, long refusedConnections) {
  public static ServerFigures between(Map<String, Long> before, Map<String, Long> after) {
    return new ServerFigures(delta("frames", before, after), delta("events", before, after),
        delta("rejected", before, after), delta("lost_events", before, after),
        delta("refused_connections", before, after));
  }

  private static long delta(String gauge, Map<String, Long> before, Map<String, Long> after) {
    return after.getOrDefault(gauge, 0L) - before.getOrDefault(gauge, 0L);
  }

  /** Frames read but not passed on: the server's own drops. */
  public long dropped() {
    return rejected + lost;
  }

  /** Frames sent but not (yet) read by the server, assuming nobody else sent any meanwhile. */
  public long unreceived(long sent) {
    return Math.max(0, sent - received);
  }

  JsonObject toJson(long sent) {
    return new JsonObject().put("received", received).put("accepted", accepted).put("rejected", rejected)
        .put("lost", lost).put("dropped", dropped()).put("refused_connections", refusedConnections)
        .put("unreceived", unreceived(sent));
  }

  String toText(long sent) {
    return "received " + received + ", accepted " + accepted + ", dropped " + dropped() + " (rejected " + rejected
        + ", lost " + lost + "), refused connections " + refusedConnections + ", not received " + unreceived(sent);
  }
}
