package io.tickwire.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a node joins a cluster ({@code tickwire run --cluster}, {@code tickwire tail}): its name (only members of the
 * same name join each other), the Hazelcast members to
 * join (host:port), the interface and port this member listens on for Hazelcast, the event-bus host and port (bind)
 * and the host other nodes reach it by (the pod IP in Kubernetes), the Hazelcast XML to start from, and how long
 * joining may take; and which roles run somewhere in the cluster ({@code roles}, parsed into {@link Role}s):
 * a producer feeds the consumer groups of those roles, and waits for them while none is up; and how compute nodes
 * share the partitions ({@link Ownership}); {@code tls}: the event bus's PEM key and certificate, or null for plain
 * TCP between nodes.
 */
public record ClusterSettings(String name, List<String> members, String host, int port, String eventBusHost,
    int eventBusPort, String publicHost, String config, long joinTimeoutMs, Set<Role> roles, Ownership ownership,
    Pem tls) {

  /**
   * How compute nodes share partitions: how often each rebalances (acquires free partitions up to its share,
   * releases extra ones), and how many journal events one replay reply carries.
   */
  public record Ownership(long rebalanceIntervalMs, int replayChunkEvents) {
  }

  public ClusterSettings {
    members = List.copyOf(members);
    roles = Set.copyOf(roles);
  }

  /** The host other nodes use for this node's event bus. */
  public String advertisedHost() {
    return publicHost == null ? eventBusHost : publicHost;
  }

  static ClusterSettings from(ConfigReader r) {
    return new ClusterSettings(r.string("cluster.name"), members(r, "cluster.members"), r.string("cluster.host"),
        (int) r.integer("cluster.port", 1, 65_535), r.string("cluster.eventbus_host"),
        (int) r.integer("cluster.eventbus_port", 0, 65_535), r.optionalString("cluster.public_host"),
        r.optionalString("cluster.config"), r.integer("cluster.join_timeout_ms", 1_000, 600_000),
        roles(r, "cluster.roles"), new Ownership(r.integer("cluster.rebalance_interval_ms", 50, 60_000),
            (int) r.integer("cluster.replay_chunk_events", 16, 1_000_000)), Credentials.pem(r, "cluster.tls"));
  }

  private static Set<Role> roles(ConfigReader r, String key) {
    try {
      return Role.parse(r.string(key));
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, r.raw(key), "all, or a comma-separated list of ingest, compute, persist, web");
    }
  }

  /** A YAML list, or one comma-separated string as {@code TICKWIRE_CLUSTER_MEMBERS=a:5701,b:5701} gives. */
  private static List<String> members(ConfigReader r, String key) {
    Object raw = r.raw(key);
    List<String> members = raw instanceof String text ? split(text) : r.stringList(key);
    for (String member : members) {
      if (!member.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
        throw ConfigReader.invalid(key, raw, "host:port members, e.g. [127.0.0.1:5701, 10.0.0.2:5701]");
      }
    }
    return members;
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
