package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.TickwireProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster runs one ingest node: a second node started with the ingest role is refused as a configuration error
 * (exit code 2) naming the cluster and the lock, and the first keeps running.
 */
// Two JVMs joining on a loaded machine take a minute or two; well past that, something hangs.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecondIngestNodeIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  private final String name = "ingest-" + UUID.randomUUID();
  private final List<Integer> ports = FreePorts.loopback(2);

  private TickwireProcess ingest(String node, int port) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--cluster", "--roles", "ingest"));
    for (String set : List.of("cluster.name=" + name, "cluster.port=" + port,
        "cluster.members=" + FreePorts.members(ports), "cluster.roles=ingest,compute",
        "cluster.join_timeout_ms=120000", "web.enabled=false", "ingest.tcp.enabled=false",
        "recorder.enabled=false", "synthetic.rate=100", "data_dir=" + dir.resolve(node))) {
      args.add("--set");
      args.add(set);
    }
    return TickwireProcess.start(dir, node, args.toArray(String[]::new));
  }

  @Test
  void aSecondIngestNodeIsRefusedAndTheFirstRunsOn() throws Exception {
    try (TickwireProcess first = ingest("first", ports.get(0))) {
      Await.until(() -> stderr(first).contains("tickwire running"), WAIT, "the first ingest node running");
      try (TickwireProcess second = ingest("second", ports.get(1))) {
        assertThat(second.waitFor(WAIT)).as("a configuration error; stderr:\n" + second.stderr()).isEqualTo(2);
        assertThat(second.stderr()).contains("cluster '" + name + "'", "already carries the ingest role",
            "tickwire.ingest");
      }
      assertThat(first.alive()).as("the first ingest node runs on").isTrue();
    }
  }

  private static String stderr(TickwireProcess node) {
    try {
      return node.stderr();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
