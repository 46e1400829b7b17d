package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.replay.HostPort;
import io.tickwire.replay.ReplaySummary;
import io.tickwire.testing.Await;
import io.tickwire.testing.FrameSink;
import io.airlift.compress.zstd.ZstdOutputStream;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code tickwire replay} run in-process as {@code main} runs it: exit codes, stdout, stderr. */
class ReplayCommandTest {
  private static final long T0 = 1_714_521_600_000_000L;

  @TempDir
  Path dir;
  private Path file;
  private List<String> lines;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeFile() throws IOException {
    lines = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      lines.add(V1Json.toJson(new Trade("v", "BTC-USD", Integer.toString(i), Decimals.parse("100.5"),
          Decimals.parse("1"), Side.SELL, T0 + i, 0, 0)));
    }
    file = dir.resolve("events.jsonl");
    Files.write(file, lines);
  }

  private int run(CommandLine commandLine, String... args) {
    commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private int replay(String... args) {
    List<String> all = new ArrayList<>(List.of("replay"));
    all.addAll(List.of(args));
    return run(Main.commandLine(), all.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--gap-rate|1.5|--gap-rate must be within [0, 1], got 1.5",
      "--duplicate-rate|-0.1|--duplicate-rate must be within [0, 1]",
      "--drift-rate|NaN|--drift-rate must be within [0, 1]",
      "--drift-rate|0.6 --gap-rate 0.5|--duplicate-rate + --drift-rate + --gap-rate must be at most 1",
      "--shuffle-window|-1|--shuffle-window must be 0 or more",
      "--rate|0|--rate: expected a positive number of events per second or max",
      "--rate|fast|--rate: expected a positive number",
      "--to|nohost|--to: expected host:port",
      "--to|host:99999|--to: bad host:port",
      "--gap-rate|lots|'--gap-rate'",
      "--summary|xml|--summary: expected text or json, got 'xml'"})
  void aBadOptionExitsTwoNamingIt(String option, String value, String message) {
    List<String> args = new ArrayList<>(List.of("--file", file.toString(), option));
    args.addAll(List.of(value.split(" ")));
    assertThat(replay(args.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingOrUnreadableFileExitsTwoNamingTheOption() throws IOException {
    assertThat(replay("--to", "localhost:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--file");

    Path absent = dir.resolve("absent.jsonl");
    assertThat(replay("--file", absent.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--file " + absent + ": no such file");

    assertThat(replay("--file", dir.toString())).as("a directory").isEqualTo(2);
    assertThat(err.toString()).contains("--file " + dir + ": cannot read it");
  }

  @Test
  void sendsTheInjectedStreamAndPrintsOneJsonSummary() throws IOException {
    try (FrameSink sink = FrameSink.start()) {
      int code = replay("--file", file.toString(), "--to", sink.target().toString(), "--duplicate-rate", "0.1",
          "--gap-rate", "0.05", "--seed", "9", "--summary", "json");
      assertThat(code).as(err.toString()).isZero();
      JsonObject summary = new JsonObject(out.toString().strip());
      JsonObject injected = summary.getJsonObject("injected");
      long expected = lines.size() + injected.getLong("duplicate") - injected.getLong("dropped");
      assertThat(injected.getLong("duplicate")).isPositive();
      assertThat(summary.getLong("sent")).isEqualTo(expected);
      assertThat(summary.getString("to")).isEqualTo(sink.target().toString());
      Await.until(() -> sink.payloads().size() == expected, Duration.ofSeconds(10), "every frame read");
    }
  }

  @Test
  void aTextSummaryGoesToStderrAndStdoutStaysEmpty() throws IOException {
    try (FrameSink sink = FrameSink.start()) {
      assertThat(replay("--file", file.toString(), "--to", sink.target().toString(), "--rate", "5000")).isZero();
      assertThat(err.toString()).startsWith("replay: sent 300 frames").contains("to " + sink.target())
          .contains("| injected nothing (no faults asked for)").hasLineCount(1);
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void aRefusedConnectionExitsOneNamingTheTarget() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(replay("--file", file.toString(), "--to", "127.0.0.1:" + port)).isEqualTo(1);
    assertThat(err.toString()).contains("cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void localRunsAnInProcessPipelineAndPrintsOnlyTheSummaryJson(@org.junit.jupiter.api.io.TempDir Path data) {
    assertThat(replay("--file", file.toString(), "--local", "--duplicate-rate", "0.1", "--summary", "json",
        "--set", "data_dir=" + data)).as(err.toString()).isZero();
    io.vertx.core.json.JsonObject summary = new io.vertx.core.json.JsonObject(out.toString().strip());
    assertThat(summary.fieldNames()).containsExactly("processed", "bars", "anomalies", "incidents", "dlq");
    assertThat(summary.getLong("processed")).isGreaterThan(0);
    assertThat(summary.getJsonObject("anomalies").getLong("duplicate")).isPositive();
    assertThat(out.toString().lines()).hasSize(1);
  }

  @Test
  void localWritesEveryBarToTheBarsFileAndTheSummaryCountsThem(@TempDir Path data) throws IOException {
    Path bars = dir.resolve("bars.jsonl");
    assertThat(replay("--file", file.toString(), "--local", "--summary", "json", "--bars", bars.toString(),
        "--set", "data_dir=" + data)).as(err.toString()).isZero();
    List<io.tickwire.codecs.Bar> written = Files.readAllLines(bars).stream().map(V1Json::readBar).toList();
    assertThat(written).hasSize((int) new JsonObject(out.toString().strip()).getLong("bars").longValue())
        .extracting(io.tickwire.codecs.Bar::interval).containsExactlyInAnyOrder("1s", "10s", "1m");
    assertThat(written).allSatisfy(bar -> assertThat(bar.trades()).isEqualTo(lines.size()));
  }

  @Test
  void barsWithoutLocalExitsTwoNamingIt() {
    assertThat(replay("--file", file.toString(), "--bars", dir.resolve("bars.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--bars", "needs --local");
  }

  @Test
  void localHandsTheInjectedLinesToTheHookAndPrintsItsSummaryAsTheOnlyStdout() {
    List<List<String>> received = new CopyOnWriteArrayList<>();
    ReplaySummary summary = new ReplaySummary(300, 3, Map.of("duplicate", 30L), 0, 0);
    int code = run(new CommandLine(new ReplayCommand(given -> {
      List<String> all = new ArrayList<>();
      given.forEachRemaining(all::add);
      received.add(all);
      return summary;
    })), "--file", file.toString(), "--local", "--duplicate-rate", "0.1",
        "--summary", "JSON");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(summary.toJson() + System.lineSeparator());
    assertThat(err.toString()).startsWith("replay: injected duplicate=");
    assertThat(received).singleElement().satisfies(given -> assertThat(given).hasSizeGreaterThan(lines.size())
        .containsAll(lines));
  }

  @Test
  void gzipAndZstdFilesAreReadAsTheyAreSentWhateverTheirNames() throws IOException {
    byte[] plain = Files.readAllBytes(file);
    for (Path compressed : List.of(compressed("events.gz", GZIPOutputStream::new, plain),
        compressed("events.jsonl", ZstdOutputStream::new, plain))) {
      try (FrameSink sink = FrameSink.start()) {
        out.getBuffer().setLength(0);
        assertThat(replay("--file", compressed.toString(), "--to", sink.target().toString(), "--summary", "json"))
            .as(err.toString()).isZero();
        assertThat(new JsonObject(out.toString().strip()).getLong("sent")).isEqualTo(lines.size());
        Await.until(() -> sink.payloads().size() == lines.size(), Duration.ofSeconds(10), "every frame read");
        assertThat(sink.payloads()).as(compressed.toString()).isEqualTo(lines);
      }
    }
  }

  @Test
  void aFileThatBreaksPartWayExitsOneNamingIt() throws IOException {
    byte[] whole = compressedBytes(GZIPOutputStream::new, Files.readAllBytes(file));
    Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length / 2));
    try (FrameSink sink = FrameSink.start()) {
      assertThat(replay("--file", cut.toString(), "--to", sink.target().toString())).isEqualTo(1);
      assertThat(err.toString()).contains("--file " + cut + ": cannot read it");
    }
    err.getBuffer().setLength(0);
    assertThat(replay("--file", cut.toString(), "--local", "--set", "data_dir=" + dir.resolve("data"))).isEqualTo(1);
    assertThat(err.toString()).contains("--file " + cut + ": cannot read it");
  }

  /** A compressing stream's constructor. */
  private interface Compressor {
    OutputStream open(OutputStream out) throws IOException;
  }

  private Path compressed(String name, Compressor compressor, byte[] plain) throws IOException {
    return Files.write(dir.resolve(name), compressedBytes(compressor, plain));
  }

  private static byte[] compressedBytes(Compressor compressor, byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.open(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @Test
  void toTakesIpv6HostsInBrackets() {
    assertThat(HostPort.parse("[::1]:9001")).isEqualTo(new HostPort("::1", 9001));
    assertThat(HostPort.parse("[::1]:9001").toString()).isEqualTo("[::1]:9001");
    assertThat(HostPort.parse("localhost:9001").toString()).isEqualTo("localhost:9001");
  }
}
