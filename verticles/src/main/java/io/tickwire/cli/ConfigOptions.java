package io.tickwire.cli;

import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --set}, shared by every command that reads tickwire's configuration. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML file layered over the built-in defaults.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. synthetic.rate=max.")
  List<String> sets = new ArrayList<>();

  /** Defaults, then the file, then TICKWIRE_* environment variables, then {@code extra}, then {@code --set}. */
  Settings load(Vertx vertx, List<String> extra) throws Exception {
    List<String> overrides = new ArrayList<>(extra);
    overrides.addAll(sets);
    return Settings.from(ConfigLoader.load(vertx, config, System.getenv(), overrides)
        .toCompletionStage().toCompletableFuture().get());
  }

  /** The settings, for a command that needs no Vert.x of its own. */
  Settings load() throws Exception {
    return load(List.of());
  }

  /** The settings with {@code extra} overrides under the user's {@code --set}. */
  Settings load(List<String> extra) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return load(vertx, extra);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
