package io.tickwire.cluster;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.JoinConfig;
import io.tickwire.codecs.Codecs;
import io.tickwire.config.ClusterSettings;
import io.tickwire.metrics.Metrics;
import io.tickwire.metrics.VertxMeters;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a clustered Vert.x: Hazelcast membership from {@code conf/cluster.xml} (or the configured XML) with this
 * deployment's members, host and port applied on top, and the event bus bound and advertised as configured. The
 * codecs are registered on the new instance, as on every node, so every message type crosses nodes.
 */
public final class Clustering {
  private static final String BUILT_IN = "conf/cluster.xml";

  private Clustering() {
  }

  /** A joined member, with the cluster manager that tells who else is in the cluster. */
  public record Member(Vertx vertx, HazelcastClusterManager manager) {
    /** The nodes in the cluster, this one included. */
    public List<String> nodes() {
      return manager.getNodes();
    }

    public String nodeId() {
      return manager.getNodeId();
    }
  }

  /**
   * Joins (or, when no member answers, founds) the cluster; fails after {@code joinTimeoutMs}. A
   * {@code lite} member holds no cluster data: what a CLI that only watches ({@code tail}) should be.
   */
  public static Member join(ClusterSettings settings, boolean lite) throws Exception {
    return join(settings, lite, null);
  }

  /**
   * As {@link #join(ClusterSettings, boolean)}, with Vert.x's event-bus and HTTP meters published into {@code metrics}
   * (see {@link VertxMeters}); null for none.
   */
  public static Member join(ClusterSettings settings, boolean lite, Metrics metrics) throws Exception {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings, lite));
    VertxOptions options = new VertxOptions().setEventBusOptions(eventBus(settings));
    try {
      Vertx vertx = (metrics == null ? Vertx.builder().with(options) : VertxMeters.builder(metrics, options))
          .withClusterManager(manager).buildClustered().toCompletionStage().toCompletableFuture()
          .get(settings.joinTimeoutMs(), TimeUnit.MILLISECONDS);
      Codecs.register(vertx);
      Member member = new Member(vertx, manager);
      MemberDepartures.watch(member);
      return member;
    } catch (TimeoutException e) {
      throw new ClusterJoinException(noAnswer(settings));
    } catch (ExecutionException e) {
      // a lite member that finds nobody cannot even start its Hazelcast: that too is "nobody answered"
      throw new ClusterJoinException(noAnswer(settings) + " (" + e.getCause().getMessage() + ")");
    }
  }

  /** What to say when no cluster answered: where and how long tickwire looked. */
  public static String noAnswer(ClusterSettings settings) {
    return "no tickwire cluster '" + settings.name() + "' answered at " + settings.members() + " within "
        + settings.joinTimeoutMs() + " ms";
  }

  /**
   * The event bus: bound and advertised as configured; with {@code cluster.tls}, TLS both ways: each node presents
   * the key and certificate and trusts the certificates in that same file, so only holders of the cluster's key
   * (or of a certificate its file's CA signed) can send or receive events.
   */
  static EventBusOptions eventBus(ClusterSettings settings) {
    EventBusOptions options = new EventBusOptions().setHost(settings.eventBusHost())
        .setPort(settings.eventBusPort()).setClusterPublicHost(settings.advertisedHost());
    if (settings.tls() != null) {
      options.setSsl(true)
          .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(settings.tls().key()).setCertPath(settings.tls().cert()))
          .setTrustOptions(new PemTrustOptions().addCertPath(settings.tls().cert()))
          .setClientAuth(ClientAuth.REQUIRED);
    }
    return options;
  }

  /**
   * The Hazelcast configuration: the XML, then this deployment's members, interface and port. Hazelcast binds
   * every interface unless told otherwise; it is told to bind only {@code cluster.host}, since its protocol has no
   * authentication of its own.
   */
  static Config hazelcast(ClusterSettings settings, boolean lite) {
    Config config = xml(settings.config());
    config.setClusterName(settings.name());
    config.setLiteMember(lite);
    config.setProperty("hazelcast.local.localAddress", settings.host());
    bindOnly(config, settings.host());
    config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
    JoinConfig join = config.getNetworkConfig().getJoin();
    if (join.getTcpIpConfig().isEnabled()) { // a discovery profile (Kubernetes DNS) finds members by itself
      join.getTcpIpConfig().setMembers(settings.members());
    }
    return config;
  }

  /** {@code 0.0.0.0} (or {@code ::}) asks for every interface, as before; any other host is the only one bound. */
  private static void bindOnly(Config config, String host) {
    if (host.equals("0.0.0.0") || host.equals("::")) {
      return;
    }
    config.setProperty("hazelcast.socket.bind.any", "false");
    if (host.matches("[0-9.]+")) { // Hazelcast's interface list takes IPv4 addresses (or wildcards), not names
      config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(host));
    }
  }

  /** The Hazelcast XML: a file, else a resource in the jar (conf/cluster-k8s.xml ships there), else an error. */
  private static Config xml(String path) {
    if (path == null) {
      return new ClasspathXmlConfig(BUILT_IN);
    }
    try {
      if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))) {
        return new FileSystemXmlConfig(path);
      }
    } catch (FileNotFoundException e) {
      // gone between the check and the read: report it like a missing file
    }
    if (Clustering.class.getClassLoader().getResource(path) != null) {
      return new ClasspathXmlConfig(path);
    }
    throw new IllegalArgumentException("cluster.config: no such file or built-in resource '" + path + "'");
  }

  /** Joining failed: the message says where it tried. */
  public static final class ClusterJoinException extends Exception {
    public ClusterJoinException(String message) {
      super(message);
    }
  }
}
