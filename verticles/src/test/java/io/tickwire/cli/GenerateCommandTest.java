package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.replay.InputLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tickwire generate} run in-process as {@code main} runs it: the file it writes, and its refusals. */
class GenerateCommandTest {
  private static final int TRADES = 100_000;

  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int generate(String... args) {
    List<String> all = new ArrayList<>(List.of("generate"));
    all.addAll(List.of(args));
    return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  private List<String> generated(String name, String... args) throws IOException {
    Path file = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of("--out", file.toString()));
    all.addAll(List.of(args));
    assertThat(generate(all.toArray(String[]::new))).as(err.toString()).isZero();
    List<String> lines = new ArrayList<>();
    try (InputLines input = InputLines.open(file)) {
      input.forEachRemaining(lines::add);
    }
    return lines;
  }

  private static List<Trade> trades(List<String> lines) {
    return lines.stream().map(line -> (Trade) V1Json.parse(line).record()).toList();
  }

  @Test
  void theSameSeedWritesTheSameFileAndAnotherSeedAnother() throws IOException {
    List<String> first = generated("a.jsonl", "--trades", "20000", "--seed", "7");
    List<String> again = generated("b.jsonl", "--trades", "20000", "--seed", "7");
    List<String> other = generated("c.jsonl", "--trades", "20000", "--seed", "8");
    assertThat(again).isEqualTo(first);
    assertThat(other).hasSize(first.size()).isNotEqualTo(first);
  }

  @Test
  void everyLineIsAV1TradeOfTheAskedSymbolsAboutAsLongAsAProducersLine() throws IOException {
    List<String> lines = generated("t.jsonl", "--trades", "20000", "--symbols", "8");
    assertThat(lines).hasSize(20_000).allSatisfy(line -> assertThat(V1Json.parse(line).unknownKeys()).isEmpty());
    List<Trade> trades = trades(lines);
    assertThat(trades).extracting(Trade::venue).containsOnly("synthetic");
    assertThat(new HashSet<>(trades.stream().map(Trade::symbol).toList())).hasSize(8).contains("BTC-USD");
    double meanLength = lines.stream().mapToInt(String::length).average().orElseThrow();
    assertThat(meanLength).isBetween(260.0, 300.0);
  }

  @Test
  void theAskedShareIsOutOfOrderWithinItsSymbolAndNothingTrailsByMoreThanTheMaxDelay() throws IOException {
    List<Trade> trades = trades(generated("t.jsonl", "--trades", Integer.toString(TRADES), "--disorder", "5%",
        "--max-delay", "500ms"));
    Map<String, Long> newestBySymbol = new HashMap<>();
    long newest = trades.get(0).eventTime();
    long maxLag = 0;
    long outOfOrder = 0;
    for (Trade t : trades) {
      maxLag = Math.max(maxLag, newest - t.eventTime());
      newest = Math.max(newest, t.eventTime());
      Long symbolNewest = newestBySymbol.merge(t.symbol(), t.eventTime(), Math::max);
      outOfOrder += symbolNewest > t.eventTime() ? 1 : 0;
    }
    assertThat(outOfOrder / (double) TRADES).as("share out of order").isBetween(0.045, 0.055);
    assertThat(maxLag).as("largest lag, us").isLessThanOrEqualTo(500_000L).isGreaterThan(450_000L);
    assertThat(err.toString()).contains(TRADES + " trades", outOfOrder + " (", "out of order");
  }

  @Test
  void everyTradeIsWrittenOnceWhateverTheDisorder() throws IOException {
    List<Trade> trades = trades(generated("t.jsonl", "--trades", "30000", "--disorder", "50%", "--symbols", "3"));
    Set<String> ids = new HashSet<>();
    trades.forEach(t -> ids.add(t.symbol() + "/" + t.tradeId()));
    assertThat(ids).hasSize(30_000);
  }

  @Test
  void noDisorderKeepsEventTimeOrder() throws IOException {
    List<Trade> trades = trades(generated("t.jsonl", "--trades", "20000", "--disorder", "0%"));
    assertThat(trades).extracting(Trade::eventTime).isSorted();
  }

  @Test
  void aGzOrZstNameWritesThatCompressionWithTheSameLines() throws IOException {
    List<String> plain = generated("t.jsonl", "--trades", "5000");
    assertThat(generated("t.jsonl.gz", "--trades", "5000")).isEqualTo(plain);
    assertThat(generated("t.jsonl.zst", "--trades", "5000")).isEqualTo(plain);
    assertThat(Files.readAllBytes(dir.resolve("t.jsonl.gz"))).startsWith(0x1f, 0x8b);
    assertThat(dir.resolve("t.jsonl.zst.part")).doesNotExist();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--trades|-1|--trades must be 0 or more, got -1",
      "--symbols|0|--symbols must be at least 1, got 0",
      "--rate|0|--rate must be at least 1 trade per second, got 0",
      "--disorder|101%|--disorder: must be within 0% and 100%, got '101%'",
      "--disorder|-5%|--disorder: must be within 0% and 100%, got '-5%'",
      "--disorder|1.5|--disorder: must be within 0% and 100%, got '1.5'",
      "--disorder|lots|--disorder: expected a percentage such as 5% or a fraction such as 0.05, got 'lots'",
      "--max-delay|0ms|--max-delay: interval '0ms' must be positive",
      "--max-delay|half|--max-delay: bad interval 'half'",
  })
  void aBadValueExitsTwoNamingTheOptionAndTheValue(String option, String value, String message) {
    assertThat(generate("--out", dir.resolve("t.jsonl").toString(), option, value)).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(dir.resolve("t.jsonl")).doesNotExist();
  }

  @Test
  void anOutputInAMissingDirectoryExitsTwoNamingIt() {
    Path missing = dir.resolve("nope").resolve("t.jsonl");
    assertThat(generate("--out", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + missing, "no such directory");
  }
}
