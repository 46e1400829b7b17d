package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.TickwireProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real tickwire processes on loopback forming a cluster: ticks routed on one node are turned into bars, features
 * and signals on another, and {@code tail} joins to watch them.
 */
// Three JVMs forming a cluster on a loaded two-core machine take a minute or two; well past that, something hangs.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  /** This test's cluster: a name of its own, so nothing else on the machine joins it. */
  private final String name = "it-" + UUID.randomUUID();
  /** The Hazelcast port of each node: every node listens on its own and lists all of them as members. */
  private final List<Integer> ports = FreePorts.loopback(3);
  private final int computePort = ports.get(0);
  private final int ingestPort = ports.get(1);
  private final int tailPort = ports.get(2);

  /** The settings every process of this test's cluster shares, its own Hazelcast {@code port}, then {@code more}. */
  private List<String> cluster(int port, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--set", "cluster.name=" + name,
        "--set", "cluster.port=" + port, "--set", "cluster.members=" + FreePorts.members(ports),
        "--set", "ingest.tcp.enabled=false", "--set", "web.enabled=false", "--set", "cluster.roles=ingest,compute,persist"));
    args.addAll(List.of(more));
    return args;
  }

  private static String[] args(List<String> head, List<String> cluster) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(cluster);
    return all.toArray(String[]::new);
  }

  @Test
  void ticksRoutedOnOneNodeBecomeBarsAndSignalsOnAnotherAndTailWatchesThem() throws Exception {
    // Rules fire on the edge (false to true), so the test rule flips with the price's last digit.
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - name: flip\n"
        + "    condition: int(price * 100.0) % 2 == 0\n    signal: 1\n    score: 0.5\n    cooldown_ms: 0\n");
    // The rules live with the persist role; the compute node receives them over the event bus.
    try (TickwireProcess compute = TickwireProcess.start(dir, "compute", args(List.of("run", "--cluster", "--roles",
        "compute", "--print", "md.bars"), cluster(computePort, "--set", "data_dir=" + dir.resolve("compute"))));
        TickwireProcess ingest = TickwireProcess.start(dir, "ingest", args(List.of("run", "--cluster", "--roles",
            "ingest,persist"), cluster(ingestPort, "--set", "synthetic.rate=2000", "--set", "rules.seed=" + rules,
            "--set", "data_dir=" + dir.resolve("ingest"))))) {
      Await.until(() -> barsPrinted(compute) > 0, WAIT, "bars printed by the compute node from ticks routed by"
          + " the ingest node");

      try (TickwireProcess tail = TickwireProcess.start(dir, "tail", args(List.of("tail", "md.signals", "--limit",
          "3"), cluster(tailPort)))) {
        assertThat(tail.waitFor(WAIT)).as("tail exit code; stderr:\n" + tail.stderr()).isZero();
        List<String> lines = tail.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(V1Json.read(line)).isInstanceOf(Signal.class));
      }
      assertThat(compute.alive()).isTrue();
      assertThat(ingest.alive()).isTrue();
    }
  }

  @Test
  void tailExitsTwoWhenNoClusterAnswers() throws Exception {
    try (TickwireProcess tail = TickwireProcess.start(dir, "tail", args(List.of("tail", "md.bars", "--limit", "1"),
        cluster(tailPort, "--set", "cluster.join_timeout_ms=3000")))) {
      assertThat(tail.waitFor(WAIT)).as(tail.stderr()).isEqualTo(2);
      assertThat(tail.stderr()).contains("tickwire tail: no tickwire cluster 'it-")
          .contains("answered at [" + FreePorts.member(computePort));
      assertThat(tail.stdout()).isEmpty();
    }
  }

  private static long barsPrinted(TickwireProcess process) {
    try {
      return process.stdout().lines().filter(l -> !l.isBlank()).map(V1Json::read).filter(Bar.class::isInstance)
          .count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
