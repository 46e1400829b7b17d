package io.tickwire.cli;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.tickwire.cluster.Clustering;
import io.tickwire.codecs.Batch;
import io.tickwire.flow.BestEffortConsumer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code tail} watches: best-effort consumers on the address's topics, each message's items filtered by
 * symbol, formatted and written by an ordered blocking task (the event loop never waits on the terminal; a terminal
 * slower than the stream loses the oldest messages, never slows the pipeline), until {@code limit} items.
 */
final class TailWatch {
  private static final int QUEUE = 10_000;

  private final Vertx vertx;
  private final List<String> topics;
  private final String symbol;
  private final long limit;
  private final TailFormat format;
  private final PrintWriter out;
  private final Runnable reachedLimit;
  private final List<BestEffortConsumer<Object>> consumers = new ArrayList<>();
  private long printed;

  TailWatch(Vertx vertx, List<String> topics, String symbol, long limit, TailFormat format, PrintWriter out,
      Runnable reachedLimit) {
    this.vertx = vertx;
    this.topics = List.copyOf(topics);
    this.symbol = symbol;
    this.limit = limit;
    this.format = format;
    this.out = out;
    this.reachedLimit = reachedLimit;
  }

  /** Waits until the cluster has a member besides this one: joining alone means nobody answered. */
  static boolean joinedOthers(Clustering.Member member, long timeoutMs) throws Exception {
    CompletableFuture<Void> others = new CompletableFuture<>();
    // Hazelcast's own listener: the cluster manager's single node listener belongs to Vert.x.
    member.manager().getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        others.complete(null);
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
      }
    });
    if (member.nodes().size() > 1) {
      return true;
    }
    try {
      others.get(timeoutMs, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  Future<Void> start() {
    Future<Void> chain = Future.succeededFuture();
    for (String topic : topics) {
      chain = chain.compose(v -> BestEffortConsumer.subscribe(vertx, topic, QUEUE, this::print)
          .map(consumer -> {
            consumers.add(consumer);
            return null;
          }));
    }
    return chain;
  }

  void stop() {
    long dropped = consumers.stream().mapToLong(BestEffortConsumer::dropped).sum();
    if (dropped > 0) {
      System.err.println("tickwire tail: the terminal fell behind; " + dropped + " messages were skipped");
    }
  }

  private Future<Void> print(Object message) {
    List<String> lines = lines(message);
    if (lines.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      lines.forEach(out::println);
      out.flush();
      return null;
    }, true);
  }

  /** The message's items as lines, up to the limit; tells the command once the limit is reached. */
  private List<String> lines(Object message) {
    List<?> items = message instanceof Batch<?> batch ? batch.items() : List.of(message);
    List<String> lines = new ArrayList<>(items.size());
    for (Object item : items) {
      if (limit > 0 && printed >= limit) {
        break;
      }
      if (symbol == null || symbol.equals(TailFormat.symbolOf(item))) {
        lines.add(format.line(item));
        printed++;
      }
    }
    if (limit > 0 && printed >= limit && !lines.isEmpty()) {
      vertx.executeBlocking(() -> null, true).onComplete(v -> reachedLimit.run()); // after the lines are out
    }
    return lines;
  }
}
