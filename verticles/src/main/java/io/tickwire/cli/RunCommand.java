package io.tickwire.cli;

import io.tickwire.cluster.Clustering;
import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.Intervals;
import io.tickwire.config.ConfigException;
import io.tickwire.config.Settings;
import io.tickwire.metrics.Metrics;
import io.tickwire.metrics.VertxMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tickwire run}: runs the pipeline of this node's roles until stopped, the duration ends or the sources end. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the pipeline (single node by default: synthetic feed to bars).")
final class RunCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_BAD_CONFIG = 2;
  private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--roles", paramLabel = "ROLES", defaultValue = "all",
      description = "all, or a comma-separated list of ingest, compute, persist, web (default: ${DEFAULT-VALUE}).")
  String roles;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "Stop cleanly after this long, e.g. 30s, 5m, 1h (default: run until stopped).")
  String duration;

  @Option(names = "--print", paramLabel = "ADDRESS",
      description = "Write every message on ADDRESS to stdout as v1 JSON lines; md.ticks covers every partition.")
  List<String> print = new ArrayList<>();

  @Option(names = "--cluster",
      description = "Join the cluster named by the cluster.* settings (TICKWIRE_CLUSTER_MEMBERS) and run --roles in it.")
  boolean cluster;

  @Option(names = {"-q", "--quiet"},
      description = "Print only warnings and errors on stderr: no start-up banner, no progress lines.")
  boolean quiet;

  @Option(names = "--record", paramLabel = "DIR",
      description = "Record every exchange connector's raw frames to DIR/<venue>-<UTC time>.capture (replayable with"
          + " tickwire replay --capture).")
  String record;

  private BoundedShutdown shutdown;

  @Override
  public Integer call() throws Exception {
    if (quiet) {
      Logging.warningsOnly();
    }
    Set<Role> roleSet;
    long durationMs;
    try {
      roleSet = Role.parse(roles);
      durationMs = duration == null ? -1 : Intervals.parse(duration);
    } catch (IllegalArgumentException e) {
      return fail(EXIT_BAD_CONFIG, e.getMessage());
    }
    Settings settings;
    Clustering.Member member = null;
    // Before the Vertx: Vert.x publishes its event-bus and HTTP meters into the node's registry as it is built.
    Metrics metrics = new Metrics();
    try {
      settings = configOptions.load(record == null ? List.of() : List.of("connectors.record_dir=" + record));
      member = cluster ? Clustering.join(settings.cluster(), false, metrics) : null;
    } catch (ConfigException | IllegalArgumentException | Clustering.ClusterJoinException e) {
      return fail(EXIT_BAD_CONFIG, e.getMessage());
    }
    shutdown = new BoundedShutdown(settings.shutdown().timeoutMs());
    Vertx vertx = member == null ? VertxMeters.vertx(metrics) : member.vertx();
    Codecs.register(vertx);
    try {
      return run(vertx, member, metrics, settings, roleSet, durationMs);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException || cause instanceof IllegalArgumentException) {
        return fail(EXIT_BAD_CONFIG, cause.getMessage());
      }
      LOG.log(System.Logger.Level.ERROR, "tickwire failed", cause);
      return fail(EXIT_FAILED, String.valueOf(cause));
    } catch (ConfigException | IllegalArgumentException e) {
      return fail(EXIT_BAD_CONFIG, e.getMessage());
    } finally {
      shutdown.close(vertx);
    }
  }

  /** Why the run ends; {@code failed} makes the exit code non-zero. */
  private record StopReason(String why, boolean failed) {
  }

  private int run(Vertx vertx, Clustering.Member member, Metrics metrics, Settings settings, Set<Role> roleSet,
      long durationMs) throws Exception {
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    Node.Builder builder = member == null ? Node.local(vertx, settings, roleSet)
        : Node.clustered(member, settings, roleSet);
    Node node = builder.metrics(metrics).print(print, stdout).build();

    CompletableFuture<StopReason> stopReason = new CompletableFuture<>();
    Thread hook = new Thread(() -> {
      stopReason.complete(new StopReason("signal", false));
      shutdown.awaitClosed();
    }, "tickwire-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      startOrCleanUp(node);
      LOG.log(System.Logger.Level.INFO, "tickwire running: roles {0}", roleSet);
      printBanner(node, settings, roleSet, member != null);
      if (durationMs > 0) {
        vertx.setTimer(durationMs, id -> stopReason.complete(new StopReason("duration " + duration + " elapsed",
            false)));
      }
      node.sourcesFinished().onComplete(done -> sourcesFinished(done, member != null, stopReason));
      node.stopRequested().onSuccess(why -> stopReason.complete(new StopReason(why, false)));

      StopReason reason = stopReason.get();
      LOG.log(reason.failed() ? System.Logger.Level.ERROR : System.Logger.Level.INFO, "stopping: {0}", reason.why());
      return shutdown.drain(node) && !reason.failed() ? EXIT_OK : EXIT_FAILED;
    } finally {
      removeHook(hook);
    }
  }

  /** Where to look and what is open, once everything listens (so the ports are the bound ones). */
  private void printBanner(Node node, Settings settings, Set<Role> roleSet, boolean clustered) {
    if (!quiet) {
      System.err.print(StartupBanner.render(StartupFacts.of(node, settings, roleSet, clustered)));
      System.err.flush();
    }
  }

  /**
   * Finite sources done: one node stops, its pipeline drained. A cluster node stays up until stopped: the other
   * nodes still hold open windows, and the router's journal is what they rebuild from if one of them dies.
   */
  private static void sourcesFinished(io.vertx.core.AsyncResult<Void> done, boolean clustered,
      CompletableFuture<StopReason> stopReason) {
    if (done.failed()) {
      stopReason.complete(new StopReason("a source failed: " + done.cause(), true));
    } else if (clustered) {
      LOG.log(System.Logger.Level.INFO, "sources finished; staying up for the cluster until stopped");
    } else {
      stopReason.complete(new StopReason("sources finished", false));
    }
  }

  /** Starts the node; if that fails half-way, stops what did start (an embedded database, say) before failing. */
  private void startOrCleanUp(Node node) throws Exception {
    try {
      await(node.start());
    } catch (Exception e) {
      shutdown.drain(node);
      throw e;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting because of a signal; the hook is running and will return
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }

  private static int fail(int code, String message) {
    System.err.println("tickwire: " + message);
    return code;
  }
}
