package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.SyntheticConnector;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.testing.PrintedOutput;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A stalled lossless consumer at the end of the pipeline stops the source, with bounded memory, and loses nothing. */
@ExtendWith(VertxExtension.class)
class BackPressureTest {
  private static final int COUNT = 20_000;
  private static final int BATCH = 256;

  /** An output that blocks every write until released: a terminal nobody reads. */
  private static final class StalledOutput extends OutputStream {
    final CountDownLatch release = new CountDownLatch(1);
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IOException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      synchronized (this) {
        written.write(b, off, len);
      }
    }
  }

  @Test
  void stalledConsumerPausesTheSourceThenEverythingArrives(Vertx vertx) {
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.count=" + COUNT, "synthetic.rate=max", "synthetic.batch_size=" + BATCH));
    StalledOutput output = new StalledOutput();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.ticks"), output).build();
    Await.result(node.start());
    SyntheticConnector source = (SyntheticConnector) node.stages().stream()
        .filter(SyntheticConnector.class::isInstance).findFirst().orElseThrow();

    Await.until(() -> source.emitted() > 0, Duration.ofSeconds(10), "the source to start");
    long stalledAt = awaitSteady(source);
    int window = settings.pipeline().creditWindow();
    // Ingress credits, router handlers waiting on partition credits, printer credits, the generator's own batch.
    long bound = (long) (3 * window + 1) * BATCH;
    assertThat(stalledAt).as("events generated while the consumer is stalled").isLessThanOrEqualTo(bound)
        .isLessThan(COUNT);

    output.release.countDown();
    Await.result(node.sourcesFinished());
    Await.result(node.stop());
    String printed;
    synchronized (output) {
      printed = output.written.toString(StandardCharsets.UTF_8);
    }
    assertThat(PrintedOutput.parse(printed).trades()).as("nothing lost once released").hasSize(COUNT);
  }

  /** Waits until the source has emitted the same count for 300 ms: it is paused, not merely slow. */
  private static long awaitSteady(SyntheticConnector source) {
    long[] last = {-1};
    long[] since = {System.nanoTime()};
    Await.until(() -> {
      long now = source.emitted();
      if (now != last[0]) {
        last[0] = now;
        since[0] = System.nanoTime();
        return false;
      }
      return System.nanoTime() - since[0] > 300_000_000L;
    }, Duration.ofSeconds(20), "the source to pause");
    return last[0];
  }
}
