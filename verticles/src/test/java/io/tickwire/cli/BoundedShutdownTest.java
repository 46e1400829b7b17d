package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The close that used to wait forever: Vert.x undeploys what is left as it closes, and a stage whose stop never ends
 * held it. Bounded, it ends the process as not drained; a clean close does not.
 */
class BoundedShutdownTest {
  /** Halts recorded instead of ending the test JVM. */
  private final List<Integer> halts = new CopyOnWriteArrayList<>();

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aStageWhoseStopNeverEndsNoLongerHoldsTheCloseForever() throws Exception {
    Vertx vertx = Vertx.vertx();
    Await.result(vertx.deployVerticle(new StuckStage()));
    BoundedShutdown shutdown = new BoundedShutdown(1_000, 500, 60_000, halts::add);

    long started = System.nanoTime();
    shutdown.close(vertx);

    assertThat(halts).containsExactly(BoundedShutdown.EXIT_NOT_DRAINED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the close allowance, give or take a loaded machine")
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aCleanCloseNeitherHaltsNorHoldsTheShutdownHookAndDisarmsTheWatchdog() throws Exception {
    BoundedShutdown shutdown = new BoundedShutdown(200, 5_000, 300, halts::add);

    shutdown.close(Vertx.vertx());
    long started = System.nanoTime();
    shutdown.awaitClosed();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    Thread.sleep(1_500); // past the timeout + the watchdog's margin
    assertThat(halts).as("a clean close is never halted").isEmpty();
  }

  /** A stage whose stop never completes, like a sink retrying a database that is gone. */
  private static final class StuckStage extends VerticleBase {
    @Override
    public Future<?> stop() {
      return Promise.promise().future();
    }
  }
}
