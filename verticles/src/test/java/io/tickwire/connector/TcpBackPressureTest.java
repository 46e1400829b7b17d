package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.frame;
import static io.tickwire.connector.IngestHarness.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.TickBatch;
import io.tickwire.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TcpBackPressureTest {
  private static final int BATCH = 10;
  /** Far more than loopback socket buffers hold, so a producer that is not being read must stall. */
  private static final int FRAMES = 100_000;
  private static final int FRAMES_PER_WRITE = 500;

  @Test
  void anUnacknowledgingConsumerStopsTheReadsAndReleasingItDeliversEverything(Vertx vertx) throws Exception {
    AtomicBoolean holding = new AtomicBoolean(true);
    List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    IngestHarness ingest = IngestHarness.start(vertx, batch -> hold(holding, held), "ingest.tcp.batch_size=" + BATCH);
    AtomicLong framesWritten = new AtomicLong();
    try (Socket socket = ingest.connect()) {
      CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> produce(socket, framesWritten));

      Await.until(() -> held.size() == IngestHarness.CREDIT_WINDOW, Duration.ofSeconds(10),
          "a full credit window of batches held unacknowledged");
      Await.until(stalled(framesWritten::get, ingest.verticle.stats()::frames), Duration.ofSeconds(20),
          "the producer and the server both stalled");
      assertThat(producer).as("the producer's writes are blocked").isNotDone();
      assertThat(held).as("nothing beyond the credit window is delivered").hasSize(IngestHarness.CREDIT_WINDOW);
      assertThat(ingest.events.size()).as("delivered stays within credit window x batch size")
          .isLessThanOrEqualTo(IngestHarness.CREDIT_WINDOW * BATCH);
      assertThat(ingest.verticle.stats().frames()).isLessThan(FRAMES / 2);

      release(vertx, holding, held);
      Await.result(Future.fromCompletionStage(producer), Duration.ofSeconds(30));
      Await.until(() -> ingest.events.size() == FRAMES, Duration.ofSeconds(30), "every frame delivered");
    }
    List<String> ids = ingest.tradeIds();
    for (int i = 0; i < FRAMES; i++) {
      assertThat(ids.get(i)).isEqualTo("t" + i);
    }
    assertThat(ingest.verticle.stats().lostEvents()).isZero();
  }

  @Test
  void framesSentJustBeforeTheProducerClosesArriveOnceReadingResumes(Vertx vertx) throws Exception {
    AtomicBoolean holding = new AtomicBoolean(true);
    List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    IngestHarness ingest = IngestHarness.start(vertx, batch -> hold(holding, held), "ingest.tcp.batch_size=" + BATCH);
    int frames = 5_000;
    try (Socket socket = ingest.connect()) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < frames; i++) {
        all.write(frame(trade(i)));
      }
      IngestHarness.write(socket, all.toByteArray());
    }
    Await.until(() -> held.size() == IngestHarness.CREDIT_WINDOW, Duration.ofSeconds(10), "the window held");
    Await.until(() -> ingest.verticle.stats().connections() == 0, Duration.ofSeconds(10), "the close seen");
    release(vertx, holding, held);
    Await.until(() -> ingest.events.size() == frames, Duration.ofSeconds(10), "every frame sent before the close");
    assertThat(ingest.verticle.stats().rejected()).isZero();
  }

  private static Future<?> hold(AtomicBoolean holding, List<Promise<Void>> held) {
    if (!holding.get()) {
      return Future.succeededFuture();
    }
    Promise<Void> ack = Promise.promise();
    held.add(ack);
    return ack.future();
  }

  /** Acknowledges the held batches on the event loop that holds them, and every later one at once. */
  private static void release(Vertx vertx, AtomicBoolean holding, List<Promise<Void>> held) {
    vertx.runOnContext(v -> {
      holding.set(false);
      held.forEach(Promise::tryComplete);
    });
  }

  private static void produce(Socket socket, AtomicLong framesWritten) {
    try {
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      for (int i = 0; i < FRAMES; i++) {
        chunk.write(frame(trade(i)));
        if ((i + 1) % FRAMES_PER_WRITE == 0) {
          out.write(chunk.toByteArray());
          chunk.reset();
          framesWritten.set(i + 1);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Holds once none of the counters has moved for half a second. */
  private static java.util.function.BooleanSupplier stalled(LongSupplier... counters) {
    long[] last = new long[counters.length];
    long[] since = {System.nanoTime()};
    return () -> {
      boolean moved = false;
      for (int i = 0; i < counters.length; i++) {
        long now = counters[i].getAsLong();
        moved |= now != last[i];
        last[i] = now;
      }
      if (moved) {
        since[0] = System.nanoTime();
      }
      return System.nanoTime() - since[0] > Duration.ofMillis(500).toNanos();
    };
  }
}
