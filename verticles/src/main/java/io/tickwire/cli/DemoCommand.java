package io.tickwire.cli;

import io.tickwire.config.Settings;
import io.tickwire.recorder.IncidentStore;
import io.tickwire.recorder.IncidentWriter;
import io.tickwire.replay.ChaosInjector;
import io.tickwire.replay.ChaosResult;
import io.tickwire.replay.ChaosSettings;
import io.tickwire.replay.DemoStream;
import io.tickwire.replay.InProcessReplay;
import io.tickwire.replay.LocalPipeline;
import io.tickwire.replay.Rate;
import io.tickwire.replay.ReplaySummary;
import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire demo}: the forensics tour in one command. Writes a clean synthetic stream, injects duplicates,
 * schema drift and reordering, runs the pipeline in-process on it, and prints what was injected next to what was
 * detected, with the incident reports the flight recorder wrote.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Replay a synthetic stream with injected faults through an in-process pipeline and summarise.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--events", defaultValue = "15000", description = "Trades in the stream (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--seed", defaultValue = "1",
      description = "Seed of the stream and the faults (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Settings settings = configOptions.load(LocalPipeline.OVERRIDES);
    Path stream = writeStream(settings);
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.05, 10, 0.03, 0, seed))
        .inject(Files.readAllLines(stream, StandardCharsets.UTF_8));
    System.err.println("demo: " + events + " trades in " + stream + "; injected " + chaos.injected().toText());
    ReplaySummary summary = new InProcessReplay(settings, Rate.MAX).run(chaos.lines());
    print(System.out, summary, chaos, settings);
    return RunCommand.EXIT_OK;
  }

  private Path writeStream(Settings settings) throws Exception {
    Path stream = Path.of(settings.dataDir(), "demo", "stream.jsonl");
    Files.createDirectories(stream.getParent());
    // 100 trades a second of event time: 15,000 trades span 150 s, room for a few incidents 60 s apart.
    Files.write(stream, DemoStream.lines(events, 100, seed), StandardCharsets.UTF_8);
    return stream;
  }

  private static void print(PrintStream out, ReplaySummary summary, ChaosResult chaos, Settings settings)
      throws Exception {
    out.printf("FORENSICS | processed=%d | drift=%d (injected %d) | dup=%d (injected %d) | gaps=%d (injected %d)"
            + " | out_of_order=%d (injected %d) | incidents=%d | dlq=%d | bars=%d%n",
        summary.processed(), count(summary, AnomalyTypes.SCHEMA_DRIFT), chaos.injected().drift(),
        count(summary, AnomalyTypes.DUPLICATE), chaos.injected().duplicates(),
        count(summary, AnomalyTypes.SEQUENCE_GAP), chaos.injected().gapEpisodes(),
        count(summary, AnomalyTypes.OUT_OF_ORDER), chaos.injected().outOfOrder(), summary.incidents(), summary.dlq(), summary.bars());
    List<JsonObject> newest = new IncidentStore(settings.incidentsDir()).list();
    for (JsonObject meta : newest.subList(0, (int) Math.min(summary.incidents(), newest.size()))) {
      out.println("report: " + settings.incidentsDir().resolve(meta.getString("id")).resolve(IncidentWriter.REPORT)
          .toAbsolutePath());
    }
  }

  private static long count(ReplaySummary summary, String type) {
    return summary.anomalies().getOrDefault(type, 0L);
  }
}
