package io.tickwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The harness is wired: the annotation processor generated every benchmark, and JMH's Runner can run one. Not a
 * performance check: one in-process iteration of 100 ms, no warm-up, and only a positive score is asserted.
 */
class JmhWiringTest {
  @Test
  void everyBenchmarkIsGenerated() throws IOException {
    String list;
    try (InputStream in = JmhWiringTest.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList on the classpath").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(list).contains(
        "io.tickwire.bench.BinaryCodecBenchmark",
        "io.tickwire.bench.JsonCodecBenchmark",
        "io.tickwire.bench.VenueParseBenchmark",
        "io.tickwire.bench.CaptureReplayBenchmark",
        "io.tickwire.bench.RouterBenchmark",
        "io.tickwire.bench.BatcherBenchmark",
        "io.tickwire.bench.FeatureBenchmark",
        "io.tickwire.bench.RuleBenchmark",
        "io.tickwire.bench.PostgresInsertBenchmark");
  }

  @Test
  void runnerRunsOneBenchmarkForOneShortIteration() throws RunnerException {
    Options options = new OptionsBuilder()
        .include("^" + Pattern.quote(BinaryCodecBenchmark.class.getName() + ".decodeTicks") + "$")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .threads(1)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(1);
    RunResult result = results.iterator().next();
    assertThat(result.getParams().getBenchmark()).endsWith("BinaryCodecBenchmark.decodeTicks");
    assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("ops/s");
    assertThat(result.getPrimaryResult().getScore()).isPositive();
  }
}
