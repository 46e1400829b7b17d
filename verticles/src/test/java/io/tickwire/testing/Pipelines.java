package io.tickwire.testing;

import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.codecs.Codecs;
import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.node.PipelineTopology;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds settings and runs in-process nodes for tests. */
public final class Pipelines {
  private Pipelines() {
  }

  /**
   * Settings for a test; the TCP ingest and the HTTP server (web or ops, on every node) take any free loopback port
   * unless the test names one.
   */
  public static Settings settings(Vertx vertx, List<String> overrides) {
    Codecs.register(vertx);
    List<String> all = new ArrayList<>();
    all.add("ingest.tcp.port=0");
    all.add("web.host=127.0.0.1");
    all.add("web.port=0");
    all.addAll(overrides);
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), all)));
  }

  /** What a stage run on its own, outside a node, is built with: health and metrics of its own. */
  public static StageContext context(Settings settings, Topology topology) {
    return context(settings, topology, new HealthRegistry());
  }

  /** As {@link #context(Settings, Topology)}, reporting to {@code health}, which the test watches. */
  public static StageContext context(Settings settings, Topology topology, HealthRegistry health) {
    return new StageContext(settings, topology, health, new Metrics());
  }

  /** For a stage that sends on no link of its own (a sink, the web server): the links of a node of every role. */
  public static StageContext context(Settings settings, HealthRegistry health) {
    return context(settings, PipelineTopology.of(settings, EnumSet.allOf(Role.class), List.of()), health);
  }

  public static List<String> concat(List<String> a, String... b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(b));
    return out;
  }

  /** Thread-safe capture of what a printer writes from its worker threads. */
  public static final class Capture extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    public synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    public PrintedOutput parsed() {
      return PrintedOutput.parse(text());
    }
  }

  /** Runs a finite pipeline to its end, printing ticks and bars; returns what was printed. */
  public static PrintedOutput runToEnd(Vertx vertx, Settings settings, Set<Role> roles) {
    Capture printed = new Capture();
    Node node = Node.local(vertx, settings, roles).print(List.of("md.ticks", "md.bars"), printed).build();
    Await.result(node.start());
    try {
      Await.result(node.sourcesFinished());
    } finally {
      Await.result(node.stop());
    }
    return printed.parsed();
  }
}
