package io.tickwire.node;

import io.tickwire.codecs.Batch;
import io.tickwire.codecs.V1JsonWriter;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.tickwire.flow.CreditReceiver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every message of the given topics to an output stream as v1 JSON, one line per event even when events
 * travel in batches. Stream topics are read as a lossless {@code print} group, so nothing is skipped and a slow
 * terminal slows the pipeline rather than losing lines; notice topics (health, dead letters) best-effort.
 * Lines are formatted on the event loop and written by an ordered blocking task, so output order is arrival
 * order and the event loop never waits on the terminal. When the output closes (the reader of a pipe went
 * away), nothing more can be printed: the verticle says so through {@link #outputClosed()} and acknowledges
 * everything after that unprinted, so the pipeline can stop instead of waiting forever.
 */
public final class PrintVerticle extends VerticleBase {
  private static final int NOTICE_QUEUE = 1024;
  private static final System.Logger LOG = System.getLogger(PrintVerticle.class.getName());

  private final List<String> topics;
  private final OutputStream out;
  private final V1JsonWriter writer = new V1JsonWriter();
  private final Promise<String> outputClosed = Promise.promise();
  private volatile boolean closed;

  public PrintVerticle(List<String> topics, OutputStream out) {
    this.topics = List.copyOf(topics);
    this.out = out;
  }

  @Override
  public Future<?> start() {
    List<Future<?>> bound = new ArrayList<>();
    for (String topic : topics) {
      if (Addresses.NOTICES.contains(topic)) {
        bound.add(BestEffortConsumer.<Object>subscribe(vertx, topic, NOTICE_QUEUE, this::printNotice));
      } else {
        bound.add(CreditReceiver.<Batch<?>>bind(vertx, Addresses.inbox(topic, PipelineTopology.PRINT), this::printBatch));
      }
    }
    return Future.all(bound);
  }

  /** Completes once everything handed to the output has been written and flushed. */
  @Override
  public Future<?> stop() {
    return write(new byte[0]);
  }

  /** Completes with the reason when the output can take no more lines. */
  public Future<String> outputClosed() {
    return outputClosed.future();
  }

  private Future<Void> printBatch(Batch<?> batch) {
    if (batch.items().isEmpty() || closed) {
      return Future.succeededFuture();
    }
    byte[] lines = writer.writeAll(batch.items()).toByteArray();
    writer.reset();
    return write(lines);
  }

  private Future<Void> printNotice(Object notice) {
    if (notice instanceof Batch<?> batch) { // forming bars: v1 JSON like any other bar
      return printBatch(batch);
    }
    String line = notice instanceof JsonObject json ? json.encode() : String.valueOf(notice);
    return write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private Future<Void> write(byte[] bytes) {
    return vertx.<Void>executeBlocking(() -> {
      if (!closed) {
        out.write(bytes);
        out.flush();
      }
      return null;
    }, true).recover(this::closedOutput);
  }

  private Future<Void> closedOutput(Throwable error) {
    if (!closed) {
      closed = true;
      LOG.log(System.Logger.Level.WARNING, "output closed ({0}); printing stops", error.getMessage());
      outputClosed.tryComplete("output closed: " + error.getMessage());
    }
    return Future.succeededFuture();
  }
}
