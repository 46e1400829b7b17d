package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.tickwire.config.ClusterSettings;
import io.tickwire.config.Pem;
import io.tickwire.config.Role;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Hazelcast configuration a node starts with: explicit discovery only, this deployment's values on top. */
class ClusteringConfigTest {
  private static ClusterSettings settings(String xml) {
    return new ClusterSettings("prod", List.of("10.0.0.1:5701", "10.0.0.2:5701"), "10.0.0.3", 5801, "10.0.0.3", 0,
        null, xml, 30_000, EnumSet.allOf(Role.class),
        new ClusterSettings.Ownership(500, 4096), null);
  }

  @Test
  void theBuiltInConfigJoinsOnlyTheConfiguredMembersAndNeverPhonesHome() {
    Config config = Clustering.hazelcast(settings(null), false);
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(config.getClusterName()).isEqualTo("prod");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.0.0.3");
    assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
    assertThat(config.isLiteMember()).isFalse();
    assertThat(Clustering.hazelcast(settings(null), true).isLiteMember()).as("tail").isTrue();
  }

  @Test
  void hazelcastBindsOnlyTheConfiguredHost() {
    Config config = Clustering.hazelcast(settings(null), false);
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.3");
  }

  @Test
  void withoutTlsTheEventBusIsPlainAndWithItBothSidesPresentAndCheckCertificates() {
    assertThat(Clustering.eventBus(settings(null)).isSsl()).isFalse();
    ClusterSettings plain = settings(null);
    ClusterSettings tls = new ClusterSettings(plain.name(), plain.members(), plain.host(), plain.port(),
        plain.eventBusHost(), plain.eventBusPort(), plain.publicHost(), null, plain.joinTimeoutMs(), plain.roles(),
        plain.ownership(), new Pem("/etc/tickwire/cluster.key", "/etc/tickwire/cluster.crt"));
    io.vertx.core.eventbus.EventBusOptions options = Clustering.eventBus(tls);
    assertThat(options.isSsl()).isTrue();
    assertThat(options.getClientAuth()).isEqualTo(io.vertx.core.http.ClientAuth.REQUIRED);
    assertThat(((PemKeyCertOptions) options.getKeyCertOptions()).getKeyPaths())
        .containsExactly("/etc/tickwire/cluster.key");
    assertThat(((PemKeyCertOptions) options.getKeyCertOptions()).getCertPaths())
        .containsExactly("/etc/tickwire/cluster.crt");
    assertThat(((PemTrustOptions) options.getTrustOptions()).getCertPaths())
        .containsExactly("/etc/tickwire/cluster.crt");
    assertThat(options.getHost()).isEqualTo("10.0.0.3");
  }

  @Test
  void theKubernetesProfileFindsMembersByDnsAndKeepsNoMemberList() {
    Config config = Clustering.hazelcast(settings("conf/cluster-k8s.xml"), false);
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().getMembers()).isEmpty();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("tickwire-hazelcast.tickwire.svc.cluster.local");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
  }

  @Test
  void anUnknownConfigIsNamed() {
    assertThatThrownBy(() -> Clustering.hazelcast(settings("nowhere/cluster.xml"), false))
        .hasMessageContaining("cluster.config").hasMessageContaining("nowhere/cluster.xml");
  }
}
