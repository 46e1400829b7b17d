package io.tickwire.cli;

import io.tickwire.cluster.Clustering;
import io.tickwire.config.ConfigException;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tickwire tail ADDRESS}: joins the cluster as a lite member (it holds no cluster data and owns nothing),
 * watches an address the way the dashboard does (best-effort, so a slow terminal never slows the pipeline), and
 * prints each message, one line per event even though events travel in batches. Exits 0 after {@code --limit}
 * messages or on Ctrl-C; exits 2, saying where it looked, when no cluster answers.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print the messages on an event-bus address of a running tickwire cluster.")
final class TailCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS",
      description = "The address, e.g. md.signals, md.bars, md.ticks (every partition) or md.ticks.3.")
  String address;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Exit after N messages (0: until Ctrl-C; default: ${DEFAULT-VALUE}).")
  long limit;

  @Option(names = "--symbol", paramLabel = "S", description = "Only messages about this symbol.")
  String symbol;

  @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
      description = "json: one v1 JSON object per line; table: aligned columns (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--members", paramLabel = "HOST:PORT,...",
      description = "Cluster members to join (default: cluster.members, TICKWIRE_CLUSTER_MEMBERS).")
  String members;

  @Option(names = "--list", description = "List the addresses with what travels on each, and exit.")
  boolean list;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    if (list) {
      printList(spec.commandLine().getOut());
      return RunCommand.EXIT_OK;
    }
    if (address == null) {
      throw Options.bad(spec, "give an ADDRESS (tickwire tail --list shows them)");
    }
    boolean table = Options.parse(spec, "--format", format, TailCommand::isTable);
    if (limit < 0) {
      throw Options.bad(spec, "--limit must be 0 or more, got " + limit);
    }
    Settings settings = settings();
    List<String> topics = Options.parse(spec, "ADDRESS", address,
        a -> Addresses.resolve(a, settings.pipeline().partitions()));
    Clustering.Member member;
    try {
      member = Clustering.join(settings.cluster(), true);
    } catch (Clustering.ClusterJoinException e) {
      return cannotJoin(e.getMessage());
    }
    try {
      if (!TailWatch.joinedOthers(member, settings.cluster().joinTimeoutMs())) {
        return cannotJoin(Clustering.noAnswer(settings.cluster()));
      }
      return follow(member, topics, table);
    } finally {
      member.vertx().close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private Settings settings() throws Exception {
    List<String> extra = new ArrayList<>();
    if (members != null) {
      extra.add("cluster.members=" + members);
    }
    try {
      return configOptions.load(extra);
    } catch (ConfigException e) {
      throw Options.bad(spec, e.getMessage());
    }
  }

  private int follow(Clustering.Member member, List<String> topics, boolean table) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread hook = new Thread(() -> done.complete(null), "tickwire-tail-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    TailWatch watch = new TailWatch(member.vertx(), topics, symbol, limit, new TailFormat(table), out,
        () -> done.complete(null));
    watch.start().toCompletionStage().toCompletableFuture().get();
    done.get();
    watch.stop();
    out.flush();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // Ctrl-C: the hook is what ended the wait
    }
    return RunCommand.EXIT_OK;
  }

  private int cannotJoin(String why) {
    spec.commandLine().getErr().println("tickwire tail: " + why);
    return RunCommand.EXIT_BAD_CONFIG;
  }

  private static boolean isTable(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "table" -> true;
      case "json" -> false;
      default -> throw new IllegalArgumentException("expected json or table, got '" + format + "'");
    };
  }

  private static void printList(PrintWriter out) {
    List<String> all = new ArrayList<>(Addresses.STREAMS);
    all.addAll(Addresses.NOTICES);
    for (String topic : all) {
      out.printf(Locale.ROOT, "%-18s %s%n", topic, Addresses.DESCRIPTIONS.getOrDefault(topic, ""));
    }
    out.flush();
  }
}
