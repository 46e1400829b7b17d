package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.ClusterSettings;
import io.tickwire.config.Pem;
import io.tickwire.config.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.SelfSignedPem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes whose event bus runs over TLS (cluster.tls): messages still cross, request and reply. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusteredTlsTest {

  @Test
  void twoNodesExchangeMessagesOverATlsEventBus(@TempDir Path dir) throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(dir);
    Pem tls = new Pem(pem.key.toString(), pem.cert.toString());
    String name = "tls-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.loopback(2);
    Clustering.Member a = Clustering.join(settings(name, ports, ports.get(0), tls), false);
    Clustering.Member b = Clustering.join(settings(name, ports, ports.get(1), tls), false);
    try {
      Await.until(() -> a.nodes().size() == 2 && b.nodes().size() == 2, Duration.ofSeconds(30), "two members");
      Await.result(b.vertx().eventBus().<String>consumer("tls.echo", m -> m.reply("echo " + m.body()))
          .completion());
      String reply = Await.result(a.vertx().eventBus().<String>request("tls.echo", "hello")).body();
      assertThat(reply).isEqualTo("echo hello");
      assertThat(a.vertx().isClustered()).isTrue();
    } finally {
      Await.result(a.vertx().close());
      Await.result(b.vertx().close());
    }
  }

  /** A member of cluster {@code name} listening on {@code port}, one of the members' {@code ports}. */
  private static ClusterSettings settings(String name, List<Integer> ports, int port, Pem tls) {
    return new ClusterSettings(name, ports.stream().map(FreePorts::member).toList(), "127.0.0.1", port,
        "127.0.0.1", 0, null, null, 30_000, EnumSet.allOf(Role.class), new ClusterSettings.Ownership(500, 4096), tls);
  }
}
