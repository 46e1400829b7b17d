package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A features consumer that does not acknowledge holds the bar link back, and undeploying waits for it. The
 * consumer's window is 1: the first feature batch takes the only credit, so the second bar batch cannot be
 * acknowledged until the consumer answers the first.
 */
@ExtendWith(VertxExtension.class)
class FeatureBackPressureTest {
  /** How long an acknowledgement that must not come is given to come anyway. */
  private static final long HELD_MS = 300;

  @Test
  void barsAreAcknowledgedOnlyWhenTheFeatureConsumerAdmitsThemAndStopDrains(Vertx vertx) {
    Promise<Void> release = Promise.promise();
    AtomicInteger arrived = new AtomicInteger();
    Await.result(CreditReceiver.<FeatureBatch>bind(vertx, Addresses.inbox(Addresses.FEATURES, "slow"), batch -> {
      arrived.incrementAndGet();
      return release.future();
    }));
    Topology topology = new Topology(1, 30_000, false).addGroup(Addresses.FEATURES, "slow");
    String id = Await.result(vertx.deployVerticle(
        new FeatureVerticle(Pipelines.context(Pipelines.settings(vertx, List.of()), topology))));

    request(vertx, 0);
    Await.until(() -> arrived.get() == 1, Duration.ofSeconds(10), "the first feature batch");
    Future<?> second = request(vertx, 1);
    Await.result(vertx.timer(HELD_MS));
    assertThat(second.isComplete()).as("held back by the full window").isFalse();

    Future<?> undeployed = vertx.undeploy(id);
    release.complete();
    Await.result(second);
    Await.result(undeployed);
    assertThat(arrived.get()).as("both batches delivered before stop completed").isEqualTo(2);
  }

  private static Future<?> request(Vertx vertx, int bar) {
    return vertx.eventBus().request(Addresses.inbox(Addresses.BARS, FeatureVerticle.GROUP),
        new BarBatch(List.of(FeatureBars.close(bar, 100 + bar))));
  }
}
