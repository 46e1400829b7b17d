package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.ReferenceBars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code tickwire.jar}, run as a user runs it: a separate process, stdout and exit code. */
// Each test starts one JVM (the launcher test may first wait on the build); well past that, something hangs.
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RunCommandIT {
  /** A first run's banner must show without scrolling back. */
  private static final int FIRST_LINES = 15;
  private static Path jar;

  @TempDir
  Path dir;

  /** Every process a test started, so one a failed or timed-out test leaves running is not left on the machine. */
  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void findJar() {
    String path = System.getProperty("tickwire.jar");
    assertThat(path).as("system property tickwire.jar (set by the failsafe plugin)").isNotNull();
    jar = Paths.get(path);
    assertThat(jar).as("the shaded jar; run mvn verify").exists();
  }

  private record Result(int exitCode, String stdout, String stderr) {
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    // Every node serves HTTP (web or ops endpoints): any free port, so runs never collide.
    command.addAll(List.of("--set", "ingest.tcp.port=0", "--set", "web.port=0"));
    return started(new ProcessBuilder(command));
  }

  private Process started(ProcessBuilder builder) throws IOException {
    Process process = builder.directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    started.add(process);
    return process;
  }

  private Result finish(Process process, Duration timeout) throws Exception {
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly();
      throw new AssertionError("tickwire did not exit within " + timeout + "; stderr:\n" + stderr());
    }
    return new Result(process.exitValue(), Files.readString(dir.resolve("stdout")), stderr());
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr"));
  }

  @Test
  void finiteStreamPrintsEveryTradeAndExactlyTheBarsTheyImply() throws Exception {
    Result r = finish(start("run", "--roles", "ingest,compute", "--print", "md.ticks", "--print", "md.bars",
        "--set", "synthetic.count=20000", "--set", "synthetic.rate=max"), Duration.ofSeconds(90));

    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.stderr()).isZero();
    PrintedOutput out = PrintedOutput.parse(r.stdout());
    assertThat(out.trades()).hasSize(20_000);
    BarAssertions.assertMatches(BarAssertions.latestRevisions(out.bars()),
        ReferenceBars.compute(out.trades(), 1_000, 10_000, 60_000));
    assertThat(r.stderr()).doesNotContain("Exception");
  }

  @Test
  void durationStopsCleanlyWithBarsForTheDefaultSymbols() throws Exception {
    Result r = finish(start("run", "--duration", "3s", "--print", "md.bars", "--set", "web.port=0"),
        Duration.ofSeconds(90));

    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.stderr()).isZero();
    List<Bar> bars = PrintedOutput.parse(r.stdout()).bars();
    Set<String> symbolsWith1s = bars.stream().filter(b -> b.intervalMillis() == 1_000)
        .map(Bar::symbol).collect(Collectors.toSet());
    assertThat(symbolsWith1s).containsExactlyInAnyOrder("BTC-USD", "ETH-USD", "SOL-USD");
    assertThat(bars).anySatisfy(b -> assertThat(b.interval()).isEqualTo("10s"));
  }

  @Test
  void aFirstRunOpensWithTheBannerAndNoDatabaseChatter() throws Exception {
    Result r = finish(start("run", "--duration", "3s"), Duration.ofSeconds(120));

    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.stderr()).isZero();
    List<String> first = r.stderr().lines().limit(FIRST_LINES).toList();
    String httpPort = logged(r.stderr(), "HTTP on 0.0.0.0:");
    String tcpPort = logged(r.stderr(), "tcp ingest listening on 127.0.0.1:");
    Path data = dir.resolve("data").toRealPath();
    assertThat(first).as("the banner, in the first " + FIRST_LINES + " lines, with the ports actually bound")
        .contains("tickwire is up: roles ingest, compute, persist, web",
            "  dashboard   http://localhost:" + httpPort + "/",
            "  API         http://localhost:" + httpPort + "/api",
            "  TCP ingest  127.0.0.1:" + tcpPort,
            "  API token   " + data.resolve("api-token") + " (for rule changes)",
            "  data        " + data);
    assertThat(r.stderr()).as("initdb and the server write to pg.log").doesNotContain("initdb", "io.zonky")
        .doesNotContain("\u001b")
        .doesNotContain(Files.readString(data.resolve("api-token")).strip());
    assertThat(Files.readString(data.resolve("pg.log"))).contains("database system is ready to accept connections");
  }

  /** The port right after {@code prefix} on its line of {@code stderr}, as a start-up log line names it. */
  private static String logged(String stderr, String prefix) {
    String line = stderr.lines().filter(l -> l.contains(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + prefix + "' in:\n" + stderr));
    return line.substring(line.indexOf(prefix) + prefix.length()).replaceFirst("^(\\d+).*$", "$1");
  }

  @Test
  void sigtermFlushesOpenWindowsBeforeExiting() throws Exception {
    Process process = start("run", "--print", "md.bars", "--set", "web.port=0");
    io.tickwire.testing.Await.until(() -> {
      try {
        return Files.readString(dir.resolve("stdout")).contains("\"interval\":\"1s\"");
      } catch (IOException e) {
        return false;
      }
    }, Duration.ofSeconds(30), "the first 1s bar");
    long signalledAt = System.currentTimeMillis() * 1000;
    process.destroy();
    Result r = finish(process, Duration.ofSeconds(60));

    assertThat(r.exitCode()).as("128 + SIGTERM").isEqualTo(143);
    assertThat(r.stderr()).contains("stopping: signal", "stopped cleanly");
    List<Bar> minuteBars = PrintedOutput.parse(r.stdout()).bars().stream()
        .filter(b -> b.intervalMillis() == 60_000).toList();
    assertThat(minuteBars).as("the open 1m window of each symbol, flushed on the way out")
        .filteredOn(b -> b.end() > signalledAt)
        .extracting(Bar::symbol).containsExactlyInAnyOrder("BTC-USD", "ETH-USD", "SOL-USD");
  }

  @Test
  void launcherScriptRunsTheJarAndForwardsArguments() throws Exception {
    Path launcher = jar.getParent().getParent().getParent().resolve("tickwire");
    assertThat(launcher).as("the ./tickwire launcher at the repository root").exists();
    Process process = started(new ProcessBuilder("bash", launcher.toString(), "run", "--roles", "ingest,compute",
        "--duration", "2s", "--print", "md.bars", "--set", "web.port=0"));
    Result r = finish(process, Duration.ofSeconds(300));

    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.stderr()).isZero();
    assertThat(PrintedOutput.parse(r.stdout()).bars()).isNotEmpty();
    assertThat(r.stderr()).as("no colour codes from a build or from tickwire").doesNotContain("\u001b");
  }

  @Test
  void printSignalsWritesV1SignalLines() throws Exception {
    java.nio.file.Path seed = java.nio.file.Files.writeString(dir.resolve("rules.yaml"), String.join("\n",
        "rules:", "  - name: any_price", "    condition: price > 0.0", "    signal: 1", "    score: 0.5",
        "    cooldown_ms: 0", ""));
    Result r = finish(start("run", "--roles", "ingest,compute,persist", "--print", "md.signals",
        "--set", "rules.seed=" + seed, "--set", "synthetic.rate=2000", "--set", "batcher.allowed_lateness_ms=100",
        "--duration", "6s"), Duration.ofSeconds(120));

    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.stderr()).isZero();
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines).as("one signal per symbol: the rule is true from the first snapshot, an edge fires once")
        .hasSize(3);
    for (String line : lines) {
      io.tickwire.codecs.Signal signal = io.tickwire.codecs.V1Json.readSignal(line);
      assertThat(signal.name()).isEqualTo("any_price");
      assertThat(signal.provider()).isEqualTo("synthetic");
      assertThat(signal.meta()).containsKeys("rule_version", "price", "features");
    }
  }

  @Test
  void badConfigValueStopsStartUpNamingTheKey() throws Exception {
    Result r = finish(start("run", "--set", "batcher.allowed_lateness_ms=-5"), Duration.ofSeconds(60));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("batcher.allowed_lateness_ms", "-5");
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void unknownPrintAddressIsRejected() throws Exception {
    Result r = finish(start("run", "--roles", "ingest,compute", "--print", "md.nope"), Duration.ofSeconds(60));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("unknown address 'md.nope'");
  }

  @Test
  void helpListsTheRunOptions() throws Exception {
    Result r = finish(start("run", "--help"), Duration.ofSeconds(60));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("--config", "--roles", "--duration", "--print", "--set");
  }
}
