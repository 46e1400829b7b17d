package io.tickwire.bench.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code CompareBars TICKWIRE_BARS FLINK_BARS}: compares the bar files of the two systems (tickwire's from
 * {@code replay --local --bars}, Flink's from {@code FlinkBars --bars}) and prints per interval what matches. Exits 0
 * when they agree, 1 when they differ, 2 on bad arguments.
 */
public final class CompareBars {
  private CompareBars() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CompareBars TICKWIRE_BARS FLINK_BARS");
      System.exit(2);
    }
    BarComparison comparison = new BarComparison("tickwire", "flink");
    read(Path.of(args[0]), comparison::left);
    read(Path.of(args[1]), comparison::right);
    BarComparison.Report report = comparison.report();
    report.lines().forEach(System.out::println);
    System.exit(report.agree() ? 0 : 1);
  }

  private static void read(Path file, Consumer<ComparedBar> into) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          into.accept(BarJson.read(line));
        }
      }
    }
  }
}
