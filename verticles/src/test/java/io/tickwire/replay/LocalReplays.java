package io.tickwire.replay;

import io.tickwire.config.Settings;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** {@code replay --local} as the tests run it: the local pipeline's overrides, a data dir of the test's own. */
final class LocalReplays {
  private LocalReplays() {
  }

  static ReplaySummary run(Path dataDir, List<String> lines) throws Exception {
    return run(dataDir, lines, List.of(), OutputStream.nullOutputStream());
  }

  /** Also prints {@code printAddresses} to {@code printed}; {@code overrides} come last. */
  static ReplaySummary run(Path dataDir, List<String> lines, List<String> printAddresses, OutputStream printed,
      String... overrides) throws Exception {
    Vertx vertx = Vertx.vertx();
    Settings settings;
    try {
      settings = Pipelines.settings(vertx, Pipelines.concat(Pipelines.concat(LocalPipeline.OVERRIDES,
          "data_dir=" + dataDir), overrides));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    return new InProcessReplay(settings, Rate.MAX, printAddresses, printed).run(lines);
  }
}
