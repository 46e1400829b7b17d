package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CreditLinkTest {
  private static final String ADDRESS = "test.link";
  private static final int WINDOW = 4;

  /** Sends 0..n-1 from an event-loop context, each send waiting for the previous one's admission. */
  private static final class Producer {
    final CreditSender<Integer> sender;
    final AtomicInteger waited = new AtomicInteger();
    final Promise<Void> done = Promise.promise();
    final int n;

    Producer(Vertx vertx, int n) {
      this.sender = new CreditSender<>(vertx, ADDRESS, WINDOW, 5_000);
      this.n = n;
    }

    void pump(int i) {
      if (i == n) {
        sender.drained().onComplete(done);
        return;
      }
      Future<Void> admitted = sender.send(i);
      if (!admitted.isComplete()) {
        waited.incrementAndGet();
      }
      admitted.onSuccess(v -> pump(i + 1)).onFailure(done::tryFail);
    }
  }

  private static Producer produce(Vertx vertx, int n) {
    Producer producer = new Producer(vertx, n);
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> producer.pump(0));
    return producer;
  }

  @Test
  void slowConsumerMakesTheProducerWaitWithinTheWindowAndLosesNothing(Vertx vertx) {
    List<Integer> received = new CopyOnWriteArrayList<>();
    AtomicInteger inHandler = new AtomicInteger();
    AtomicInteger maxInHandler = new AtomicInteger();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      maxInHandler.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
      received.add(n);
      Promise<Void> slow = Promise.promise();
      vertx.setTimer(2, id -> {
        inHandler.decrementAndGet();
        slow.complete();
      });
      return slow.future();
    }));

    Producer producer = produce(vertx, 300);
    Await.result(producer.done.future());

    assertThat(received).as("every batch, in order").hasSize(300).isSorted();
    assertThat(received).doesNotHaveDuplicates();
    assertThat(producer.sender.maxInFlight()).as("in flight never exceeds the window").isEqualTo(WINDOW);
    assertThat(maxInHandler.get()).as("unacknowledged at the consumer").isLessThanOrEqualTo(WINDOW);
    assertThat(producer.waited.get()).as("sends that had to wait for credit").isGreaterThan(200);
    assertThat(producer.sender.sent()).isEqualTo(300);
  }

  @Test
  void failingHandlerDeadLettersThatBatchOnceAndTheLinkGoesOn(Vertx vertx) {
    List<Integer> calls = new CopyOnWriteArrayList<>();
    List<JsonObject> deadLetters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.DLQ, m -> deadLetters.add(m.body()));
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      calls.add(n);
      if (n == 7) {
        throw new IllegalStateException("poison batch");
      }
      return Future.succeededFuture();
    }));

    Producer producer = produce(vertx, 20);
    Await.result(producer.done.future());

    assertThat(calls).as("each batch handled exactly once, in order").containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 20).boxed().toList());
    assertThat(producer.sender.deadLettered()).isEqualTo(1);
    Await.until(() -> deadLetters.size() == 1, Duration.ofSeconds(5), "the dead letter");
    assertThat(deadLetters.get(0).getString("reason")).isEqualTo("consumer_failed");
    assertThat(deadLetters.get(0).getString("error")).contains("poison batch");
  }

  @Test
  void timedOutBatchIsSentAgainButHandledOnce(Vertx vertx) {
    List<Integer> calls = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      calls.add(n);
      Promise<Void> slow = Promise.promise();
      vertx.setTimer(n == 3 ? 700 : 1, id -> slow.complete());
      return slow.future();
    }));
    CreditSender<Integer> sender = new CreditSender<>(vertx, ADDRESS, WINDOW, 200);
    Promise<Void> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      for (int i = 0; i < 6; i++) {
        sender.send(i);
      }
      sender.drained().onComplete(done);
    });
    Await.result(done.future());

    assertThat(sender.redelivered()).as("batch 3 timed out at least twice").isGreaterThanOrEqualTo(2);
    assertThat(calls).as("but was handled once").containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void batchesSentBeforeTheConsumerExistsAreDeliveredOnceItRegisters(Vertx vertx) {
    Producer producer = produce(vertx, 10);
    Await.until(() -> producer.sender.redelivered() > 0, Duration.ofSeconds(10), "a failed first delivery");
    List<Integer> received = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      received.add(n);
      return Future.succeededFuture();
    }));
    Await.result(producer.done.future());
    assertThat(received).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.range(0, 10).boxed().toList());
  }

  /**
   * A consumer that dies holding batches (as a killed node does) never answers; a member-left notice sends them again
   * to the consumer that took its place at once, long before the send timeout (a minute here).
   */
  @Test
  void batchesHeldByADepartedConsumerReachItsSuccessorWithoutWaitingForTheTimeout(Vertx vertx) {
    List<Integer> swallowed = new CopyOnWriteArrayList<>();
    MessageConsumer<Integer> dead = Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      swallowed.add(n);
      return Promise.<Void>promise().future(); // never answers
    }));
    CreditSender<Integer> sender = new CreditSender<>(vertx, ADDRESS, WINDOW, 60_000);
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> pumpThenDrain(sender, 0, 20, done));
    Await.until(() -> swallowed.size() == WINDOW, Duration.ofSeconds(10), "the window to fill at the dying consumer");
    Await.result(dead.unregister());
    List<Integer> received = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      received.add(n);
      return Future.succeededFuture();
    }));

    long left = System.nanoTime();
    vertx.eventBus().publish(Addresses.MEMBER_LEFT, "node-that-died", new DeliveryOptions().setLocalOnly(true));
    Await.result(done.future(), Duration.ofSeconds(50));
    long tookMs = (System.nanoTime() - left) / 1_000_000;

    assertThat(swallowed).containsExactly(0, 1, 2, 3);
    assertThat(received).as("every batch, the dead consumer's included, once and in order")
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    assertThat(sender.sent()).isEqualTo(20);
    assertThat(tookMs).as("resent on the notice, not after the 60 s send timeout").isLessThan(30_000);
  }

  /**
   * A member-left notice while a live consumer is still working sends its batches again too; the consumer recognises
   * them and each batch is handled once and released once.
   */
  @Test
  void aDepartureResendsToALiveConsumerWithoutApplyingAnythingTwice(Vertx vertx) {
    List<Integer> calls = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      calls.add(n);
      Promise<Void> slow = Promise.promise();
      vertx.setTimer(n == 2 ? 1_500 : 1, id -> slow.complete());
      return slow.future();
    }));
    CreditSender<Integer> sender = new CreditSender<>(vertx, ADDRESS, WINDOW, 60_000);
    Promise<Void> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> pumpThenDrain(sender, 0, 12, done));
    Await.until(() -> calls.contains(2), Duration.ofSeconds(10), "batch 2 at the slow consumer");

    vertx.eventBus().publish(Addresses.MEMBER_LEFT, "some-other-node", new DeliveryOptions().setLocalOnly(true));
    Await.result(done.future());

    assertThat(sender.redelivered()).as("the unacknowledged batches went out again").isGreaterThan(0);
    assertThat(calls).as("but each was handled once").containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 12).boxed().toList());
    assertThat(sender.sent()).as("and released once").isEqualTo(12);
    assertThat(sender.maxInFlight()).isLessThanOrEqualTo(WINDOW);
  }

  /**
   * Just after a departure the cluster manager may still route a request to the dead member, which never answers: a
   * batch sent then is sent again after the short failover timeout (1 s), not the link's minute.
   */
  @Test
  void aBatchSentToTheDeadMembersStaleRegistrationIsSentAgainAfterTheFailoverTimeout(Vertx vertx) {
    MessageConsumer<Integer> first = Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS,
        n -> Future.succeededFuture()));
    CreditSender<Integer> sender = new CreditSender<>(vertx, ADDRESS, WINDOW, 60_000);
    Context context = vertx.getOrCreateContext();
    Promise<Void> warmedUp = Promise.promise();
    context.runOnContext(v -> pumpThenDrain(sender, 0, 1, warmedUp)); // the link now listens for departures
    Await.result(warmedUp.future());
    Await.result(first.unregister());
    List<Integer> swallowed = new CopyOnWriteArrayList<>();
    MessageConsumer<Integer> stale = Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      swallowed.add(n);
      return Promise.<Void>promise().future(); // the dead member: never answers
    }));

    vertx.eventBus().publish(Addresses.MEMBER_LEFT, "node-that-died", new DeliveryOptions().setLocalOnly(true));
    long left = System.nanoTime();
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> pumpThenDrain(sender, 1, 6, done));
    Await.until(() -> !swallowed.isEmpty(), Duration.ofSeconds(10), "a batch reaching the stale registration");
    Await.result(stale.unregister());
    List<Integer> received = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<Integer>bind(vertx, ADDRESS, n -> {
      received.add(n);
      return Future.succeededFuture();
    }));
    Await.result(done.future(), Duration.ofSeconds(50));
    long tookMs = (System.nanoTime() - left) / 1_000_000;

    assertThat(received).as("what the stale registration swallowed, and the rest, in order, once")
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(tookMs).as("after the failover timeout, not the 60 s send timeout").isLessThan(30_000);
    assertThat(swallowed).as("the stale registration had the first batch sent after the notice").contains(1);
  }

  private static void pumpThenDrain(CreditSender<Integer> sender, int i, int n, Promise<Void> done) {
    if (i == n) {
      sender.drained().onComplete(done);
      return;
    }
    sender.send(i).onSuccess(v -> pumpThenDrain(sender, i + 1, n, done)).onFailure(done::tryFail);
  }

  @Test
  void bestEffortConsumerDropsTheOldestAndCountsEveryDrop(Vertx vertx) {
    Promise<Void> release = Promise.promise();
    List<Integer> handled = new CopyOnWriteArrayList<>();
    BestEffortConsumer<Integer> consumer = Await.result(
        BestEffortConsumer.<Integer>subscribe(vertx, "test.notices", 10, n -> {
          handled.add(n);
          return release.future();
        }));
    for (int i = 0; i < 1_000; i++) {
      vertx.eventBus().publish("test.notices", i);
    }
    Await.until(() -> consumer.dropped() + consumer.queued() + handled.size() == 1_000, Duration.ofSeconds(10),
        "every message to be handled, queued or dropped");
    assertThat(consumer.queued()).isEqualTo(10);
    assertThat(consumer.dropped()).isEqualTo(989);

    vertx.runOnContext(v -> release.complete());
    Await.until(() -> consumer.queued() == 0, Duration.ofSeconds(10), "the queue to drain");
    assertThat(handled).as("the first message, then the newest ten").hasSize(11)
        .containsExactly(0, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
  }
}
