package io.tickwire.cli;

import io.tickwire.cluster.Topologies;
import io.tickwire.codecs.Batch;
import io.tickwire.codecs.V1JsonWriter;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.tickwire.flow.CreditReceiver;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every message of the given topics to an output stream as v1 JSON, one line per event even when events
 * travel in batches. Stream topics are read as a lossless {@code print} group, so nothing is skipped and a slow
 * terminal slows the pipeline rather than losing lines; notice topics (health, dead letters) best-effort.
 * Lines are formatted on the event loop and written by an ordered blocking task, so output order is arrival
 * order and the event loop never waits on the terminal.
 */
public final class PrintVerticle extends VerticleBase {
  private static final int NOTICE_QUEUE = 1024;

  private final List<String> topics;
  private final OutputStream out;
  private final V1JsonWriter writer = new V1JsonWriter();

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
        bound.add(CreditReceiver.<Batch<?>>bind(vertx, Addresses.inbox(topic, Topologies.PRINT), this::printBatch));
      }
    }
    return Future.all(bound);
  }

  /** Completes once everything handed to the output has been written and flushed. */
  @Override
  public Future<?> stop() {
    return write(new byte[0]);
  }

  private Future<Void> printBatch(Batch<?> batch) {
    byte[] lines = writer.writeAll(batch.items()).toByteArray();
    writer.reset();
    return write(lines);
  }

  private Future<Void> printNotice(Object notice) {
    String line = notice instanceof JsonObject json ? json.encode() : String.valueOf(notice);
    return write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private Future<Void> write(byte[] bytes) {
    return vertx.executeBlocking(() -> {
      try {
        out.write(bytes);
        out.flush();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, true);
  }
}
