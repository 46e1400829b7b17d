package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.TickwireProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot drain still exits, within {@code shutdown.timeout_ms} + 30 s of its stop, with the status that
 * says so ({@link BoundedShutdown#EXIT_NOT_DRAINED}): the database it writes to vanished, or the cluster node its
 * stages send to stopped first. Before the bound, both waited forever on {@code vertx.close()}.
 */
class BoundedStopIT {
  private static final long STOP_TIMEOUT_MS = 3_000;
  /** The bound itself: the stop timeout plus what the steps after the drain may take. */
  private static final Duration BOUND = Duration.ofMillis(STOP_TIMEOUT_MS + 30_000);
  private static final Duration WAIT = Duration.ofSeconds(150);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aNodeWhoseEmbeddedDatabaseVanishedExitsWithinTheBoundAsNotDrained() throws Exception {
    int port = freePort();
    Path data = dir.resolve("data");
    try (TickwireProcess node = TickwireProcess.start(dir, "node", "run", "--duration", "120s",
        "--set", "data_dir=" + data, "--set", "web.port=" + port, "--set", "ingest.tcp.port=0",
        "--set", "synthetic.rate=2000", "--set", "shutdown.timeout_ms=" + STOP_TIMEOUT_MS)) {
      Await.until(() -> status(port, "/ready") == 200, WAIT, "the node to be ready");
      deleteTree(data.resolve("pg"));
      // PostgreSQL notices its lock file is gone within a minute and shuts down (it may refuse connections sooner);
      // from then on the sink can only retry, and --duration must outlast that.
      Await.until(() -> status(port, "/health") == 503, WAIT, "the sink to report the database gone");
      assertThat(stderr(node)).as("the database went before --duration ended").doesNotContain("stopping:");

      // a stop by signal takes the same bounded path as the end of --duration, without waiting the rest of it out
      node.terminate();
      int code = node.waitFor(BOUND);

      assertThat(code).as("exit status; stderr:\n" + node.stderr()).isEqualTo(BoundedShutdown.EXIT_NOT_DRAINED);
      assertThat(node.stderr()).contains("did not drain");
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void anIngestNodeWhoseComputeNodeStoppedFirstExitsWithinTheBoundAsNotDrained() throws Exception {
    Cluster cluster = new Cluster("bounded-" + UUID.randomUUID(), freePort(), freePort());
    try (TickwireProcess compute = TickwireProcess.start(dir, "compute", cluster.args(cluster.computePort,
        "run", "--cluster", "--roles", "compute", "--print", "md.bars", "--set", "inference.enabled=false",
        "--set", "data_dir=" + dir.resolve("compute")))) {
      Await.until(() -> stderr(compute).contains("partitions owned: [0, 1,"), WAIT, "the compute node to own"
          + " partitions");
      try (TickwireProcess ingest = TickwireProcess.start(dir, "ingest", cluster.args(cluster.ingestPort,
          "run", "--cluster", "--roles", "ingest,persist", "--duration", "45s",
          "--set", "data_dir=" + dir.resolve("ingest")))) {
        Await.until(() -> stdout(compute).contains("\"interval\":\"1s\""), WAIT, "bars from routed ticks");

        compute.terminate();
        assertThat(compute.waitFor(BOUND)).as("the compute node's own stop").isIn(0, 143);
        assertThat(ingest.alive()).as("the ingest node still runs its --duration").isTrue();

        Await.until(() -> stderr(ingest).contains("stopping: duration"), WAIT, "the ingest node's --duration");
        int code = ingest.waitFor(BOUND);

        assertThat(code).as("exit status; stderr:\n" + ingest.stderr())
            .isEqualTo(BoundedShutdown.EXIT_NOT_DRAINED);
        assertThat(ingest.stderr()).contains("did not drain");
      }
    }
  }

  /** Two nodes on loopback, each with a Hazelcast port of its own found free at run time. */
  private record Cluster(String name, int ingestPort, int computePort) {
    String[] args(int port, String... head) {
      List<String> all = new ArrayList<>(List.of(head));
      for (String set : List.of("cluster.name=" + name, "cluster.port=" + port,
          "cluster.members=[127.0.0.1:" + ingestPort + ",127.0.0.1:" + computePort + "]",
          "cluster.roles=ingest,compute,persist", "web.enabled=false", "ingest.tcp.enabled=false",
          "synthetic.rate=2000", "shutdown.timeout_ms=" + STOP_TIMEOUT_MS)) {
        all.add("--set");
        all.add(set);
      }
      return all.toArray(String[]::new);
    }
  }

  private int status(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String stdout(TickwireProcess node) {
    try {
      return node.stdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stderr(TickwireProcess node) {
    try {
      return node.stderr();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like rm -rf while PostgreSQL still writes there: files come and go under the walk, so it goes round again. */
  private static void deleteTree(Path root) throws IOException {
    for (int round = 0; Files.exists(root); round++) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException | UncheckedIOException e) {
        if (round == 10) {
          throw new IOException("cannot delete " + root, e);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
