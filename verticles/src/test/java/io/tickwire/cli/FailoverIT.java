package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.TestDatabase;
import io.tickwire.testing.TickwireProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partition failover with real processes: an ingest+persist node and two compute nodes split the partitions; one
 * compute node is killed (kill -9) mid-stream and the other takes its partitions; a third joins mid-stream and gets
 * its share. At the end the bars in PostgreSQL equal those of a single-node run over the same seeded input: nothing
 * lost, nothing twice. Every setting that governs failover is left at its default, and the bars must not stand still
 * for more than 5 s around the kill (the longest gap between bar writes in PostgreSQL).
 */
// Four JVMs and two databases on a loaded two-core machine take a few minutes; well past that, something hangs.
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class FailoverIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** The last flushes of the stopped nodes land within seconds; a count still moving after this never settles. */
  private static final Duration SETTLE = Duration.ofSeconds(120);
  private static final int PARTITIONS = 16;
  /** Detection (Hazelcast: 5 s without a heartbeat, often sooner as the socket closes) plus the 10 s to take over. */
  private static final Duration TAKEOVER = Duration.ofSeconds(15);
  /** What the pipeline may stand still after a compute node's kill -9, with the default settings. */
  private static final long STALL_LIMIT_MS = 5_000;
  /** Gaps between bar writes that begin this close to the kill are the stall (the stream runs well past it). */
  private static final Duration AROUND_KILL = Duration.ofSeconds(3);
  private static final Pattern OWNED = Pattern.compile("partitions owned: \\[([0-9, ]*)\\]");
  private static final String BARS = "SELECT venue, symbol, interval, bucket_start, open, high, low, close, volume,"
      + " trades FROM bars_ohlcv ORDER BY venue, symbol, interval, bucket_start";

  @TempDir
  Path dir;

  private final String name = "failover-" + UUID.randomUUID();
  /** One Hazelcast port per clustered node (compute-a, compute-b, ingest, compute-c), each told all of them. */
  private final List<Integer> ports = FreePorts.loopback(4);
  private final AtomicInteger nextPort = new AtomicInteger();

  /** Enough symbols that most partitions carry some. */
  private static final String SYMBOLS = IntStream.range(0, 24).mapToObj(i -> "S" + i + "-USD")
      .collect(Collectors.joining(",", "[", "]"));

  /**
   * A finite seeded stream, the same for the single node and the cluster, at a rate the test can follow: 24 s of
   * events (event time advances with the rate), over 24 symbols.
   */
  private static List<String> stream() {
    return List.of("synthetic.count=120000", "synthetic.rate=5000", "synthetic.seed=11",
        "synthetic.symbols=" + SYMBOLS,
        "synthetic.start_time=2024-05-01T00:00:00Z", "inference.enabled=false", "web.enabled=false",
        "ingest.tcp.enabled=false", "recorder.enabled=false");
  }

  private TickwireProcess start(String node, TestDatabase db, String... head) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(head));
    List<String> sets = new ArrayList<>(stream());
    sets.addAll(db.settings());
    sets.add("data_dir=" + dir.resolve(node));
    if (args.contains("--cluster")) {
      sets.addAll(List.of("cluster.name=" + name, "cluster.port=" + ports.get(nextPort.getAndIncrement()),
          "cluster.members=" + FreePorts.members(ports), "cluster.roles=ingest,compute,persist",
          // a busy machine can take longer than the default 30 s to start a JVM and found the cluster
          "cluster.join_timeout_ms=120000"));
    }
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return TickwireProcess.start(dir, node, args.toArray(String[]::new));
  }

  @Test
  void barsAfterAKilledComputeNodeAndAJoiningOneEqualASingleNodeRun() throws Exception {
    TestDatabase reference = TestDatabase.fresh();
    TestDatabase clustered = TestDatabase.fresh();
    Instant killedAt;
    try (TickwireProcess single = start("single", reference, "run");
        TickwireProcess a = start("compute-a", clustered, "run", "--cluster", "--roles", "compute");
        TickwireProcess b = start("compute-b", clustered, "run", "--cluster", "--roles", "compute")) {
      awaitShares(WAIT, "8 partitions on each compute node", a, b);
      assertThat(union(owned(a), owned(b))).hasSize(PARTITIONS);

      try (TickwireProcess ingest = start("ingest", clustered, "run", "--cluster", "--roles", "ingest,persist")) {
        Await.until(() -> count(clustered, "bars_ohlcv") > 200, WAIT, "bars from both compute nodes");

        killedAt = Instant.now();
        b.kill();
        long killed = System.nanoTime();
        Await.until(() -> owned(a).size() == PARTITIONS, TAKEOVER, "the survivor taking the dead node's partitions");
        System.out.printf("failover: partitions taken over %d ms after kill -9%n",
            (System.nanoTime() - killed) / 1_000_000);
        assertThat(stderr(ingest)).as("the stream is still running").doesNotContain("sources finished");

        try (TickwireProcess c = start("compute-c", clustered, "run", "--cluster", "--roles", "compute")) {
          awaitShares(WAIT, "a joining node receiving its share", a, c);
          assertThat(union(owned(a), owned(c))).hasSize(PARTITIONS);

          Await.until(() -> stderr(ingest).contains("sources finished"), WAIT, "the stream to end");
          System.out.println("failover: requests the ingest node saw time out: "
              + stderr(ingest).lines().filter(l -> l.contains("Timed out after waiting")).toList());
          assertThat(single.waitFor(WAIT)).as("single node; stderr:\n" + single.stderr()).isZero();
          Await.until(() -> count(clustered, "trades") == count(reference, "trades"), WAIT, "every trade routed");
          stopTogether(a, c); // their last open windows are flushed as they stop
        }
        awaitStable(clustered, SETTLE);
      }
      Stall stall = stallAround(clustered, killedAt);
      System.out.printf("failover: bars stalled %d ms around kill -9 (longest gap between bar writes);"
          + " per symbol at most %d ms%n", stall.pipelineMs(), stall.worstSymbolMs());
      System.out.println("failover: kill -9 at " + killedAt + "; the symbols that waited longest: "
          + clustered.query(slowestSymbols(killedAt)));
      assertThat(stall.pipelineMs()).as("the pipeline's stall, with default settings").isLessThanOrEqualTo(STALL_LIMIT_MS);
      assertThat(stall.worstSymbolMs()).as("the longest any symbol's bars stood still").isLessThanOrEqualTo(
          STALL_LIMIT_MS);
      List<String> expected = rows(reference);
      List<String> actual = rows(clustered);
      assertThat(expected).hasSizeGreaterThan(500);
      assertThat(difference(actual, expected)).as("bars only the cluster has (duplicated or wrong)").isEmpty();
      assertThat(difference(expected, actual)).as("bars the cluster lost").isEmpty();
      assertThat(actual).hasSameSizeAs(expected);
    }
  }

  /** How long bars stood still around the kill: in the whole pipeline, and for the symbol that waited longest. */
  record Stall(long pipelineMs, long worstSymbolMs) {
  }

  /**
   * The stall read back from PostgreSQL: a bar row's {@code updated_at} is when the sink wrote it (a replayed bar
   * equal to the stored one is not written again). The stall is the longest gap between consecutive writes that
   * began within {@link #AROUND_KILL} of the kill: over all bars (the pipeline), and per symbol. Gaps, not "first
   * write after the kill": the dead node's last batches may still land just after it, before the real pause.
   */
  private static Stall stallAround(TestDatabase db, Instant killedAt) {
    return new Stall(longestGapMs(db, killedAt, ""), longestGapMs(db, killedAt, "PARTITION BY symbol"));
  }

  private static long longestGapMs(TestDatabase db, Instant killedAt, String per) {
    Object ms = db.query(gaps(killedAt, per) + " SELECT (EXTRACT(EPOCH FROM max(gap)) * 1000)::bigint AS ms FROM gaps")
        .get(0).get("ms");
    if (ms == null) {
      throw new AssertionError("no bar written around the kill at " + killedAt);
    }
    return ((Number) ms).longValue();
  }

  private static String gaps(Instant killedAt, String per) {
    String kill = "'" + killedAt + "'::timestamptz";
    String around = "'" + AROUND_KILL.toMillis() + " milliseconds'::interval";
    return "WITH writes AS (SELECT symbol, updated_at, lag(updated_at) OVER (" + per + " ORDER BY updated_at) AS prev"
        + " FROM bars_ohlcv), gaps AS (SELECT symbol, prev, updated_at, updated_at - prev AS gap FROM writes"
        + " WHERE prev BETWEEN " + kill + " - " + around + " AND " + kill + " + " + around + ")";
  }

  /** The three symbols whose bars stood still longest around the kill, with when. */
  private static String slowestSymbols(Instant killedAt) {
    return gaps(killedAt, "PARTITION BY symbol") + " SELECT symbol, prev AS last_write, updated_at AS next_write"
        + " FROM gaps ORDER BY gap DESC LIMIT 3";
  }

  private static void stopTogether(TickwireProcess... nodes) throws Exception {
    for (TickwireProcess node : nodes) {
      node.terminate();
    }
    for (TickwireProcess node : nodes) {
      assertThat(node.waitFor(WAIT)).as("graceful stop; stderr:\n" + node.stderr()).isIn(0, 143);
    }
  }

  /** Waits until the bar count holds still for a second (a few sink flushes); fails with the counts seen if not. */
  private static void awaitStable(TestDatabase db, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Long> counts = new ArrayList<>(List.of(db.count("bars_ohlcv")));
    while (counts.size() < 2 || !counts.get(counts.size() - 1).equals(counts.get(counts.size() - 2))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("bars_ohlcv still changing after " + timeout + "; counts a second apart: " + counts);
      }
      Thread.sleep(1_000);
      counts.add(db.count("bars_ohlcv"));
    }
  }

  /** Rows in {@code table}, or -1 while its node has not created it yet. */
  private static long count(TestDatabase db, String table) {
    try {
      return db.count(table);
    } catch (IllegalStateException notYet) {
      return -1;
    }
  }

  private static List<String> rows(TestDatabase db) {
    return db.query(BARS).stream().map(Object::toString).toList();
  }

  private static List<String> difference(List<String> a, List<String> b) {
    Set<String> in = new HashSet<>(b);
    return a.stream().filter(row -> !in.contains(row)).limit(10).toList();
  }

  private static Set<Integer> union(List<Integer> x, List<Integer> y) {
    Set<Integer> all = new HashSet<>(x);
    all.addAll(y);
    return all;
  }

  /** The partitions a node last logged as owned. */
  /** Waits for the nodes to own 8 partitions each; on a timeout the failure carries what each node logged last. */
  private static void awaitShares(Duration wait, String what, TickwireProcess... nodes) {
    try {
      Await.until(() -> Arrays.stream(nodes).allMatch(n -> owned(n).size() == PARTITIONS / nodes.length),
          wait, what);
    } catch (AssertionError timedOut) {
      StringBuilder logs = new StringBuilder(timedOut.getMessage());
      for (TickwireProcess node : nodes) {
        List<String> lines = stderr(node).lines().toList();
        logs.append("\n--- last stderr lines of a node:\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
      }
      throw new AssertionError(logs.toString(), timedOut);
    }
  }

  private static List<Integer> owned(TickwireProcess node) {
    Matcher m = OWNED.matcher(stderr(node));
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    if (last == null || last.isBlank()) {
      return List.of();
    }
    return Arrays.stream(last.split(",")).map(String::strip).map(Integer::parseInt).toList();
  }

  private static String stderr(TickwireProcess node) {
    try {
      return node.stderr();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
