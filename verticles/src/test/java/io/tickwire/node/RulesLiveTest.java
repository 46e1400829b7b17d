package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node on live synthetic data: a rule created through the API with the node's token starts firing, its
 * signals reach PostgreSQL and /api/signals, and once disabled through the API it stops.
 */
@ExtendWith(VertxExtension.class)
class RulesLiveTest {
  /** Toggles with the last cent of each close, so it keeps crossing from false to true. */
  private static final String FLIPPING = "int(price * 100.0) % 2 == 0";
  /** About five seconds of bars of the default symbols; the flipping rule would fire several times on them. */
  private static final int MORE_BARS = 15;

  @Test
  void ruleAddedThroughTheApiFiresOnLiveDataAndStopsWhenDisabled(Vertx vertx, @TempDir Path dataDir)
      throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "web.port=0",
        "data_dir=" + dataDir, "synthetic.rate=3000", "batcher.allowed_lateness_ms=100")),
        EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
          .findFirst().orElseThrow().actualPort();
      String token = Files.readString(dataDir.resolve("api-token")).trim();

      HttpCall.Answer created = HttpCall.to(port, "POST", "/api/rules").bearer(token).json(new JsonObject()
          .put("name", "cent_parity").put("condition", FLIPPING).put("signal", 1).put("score", 0.5)
          .put("cooldown_ms", 0).encode()).send();
      assertThat(created.status()).as(created.body()).isEqualTo(201);

      Await.until(() -> signalCount(port) >= 3, Duration.ofSeconds(30), "the new rule's signals on /api/signals");

      HttpCall.Answer disabled = HttpCall.to(port, "PUT", "/api/rules/cent_parity").bearer(token)
          .json(created.json().put("enabled", false).encode()).send();
      assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
      // However long the reload, the signals in flight and the sink's flush take on a loaded machine.
      long afterDisable = awaitSteady(() -> storedSignals(db), Duration.ofSeconds(3), Duration.ofSeconds(90),
          "the stored signals to stop growing after the rule is disabled");
      long barsBefore = db.count("bars_ohlcv");
      Await.until(() -> db.count("bars_ohlcv") >= barsBefore + MORE_BARS, Duration.ofSeconds(60),
          MORE_BARS + " more bars stored: live data on which the rule would fire if it were enabled");
      assertThat(storedSignals(db)).as("no signals once the rule is disabled").isEqualTo(afterDisable);
    } finally {
      Await.result(node.stop());
    }
  }

  /** The value of {@code counter} once it has not changed for {@code quiet}; fails after {@code timeout}. */
  private static long awaitSteady(LongSupplier counter, Duration quiet, Duration timeout, String what) {
    long[] last = {counter.getAsLong()};
    long[] since = {System.nanoTime()};
    Await.until(() -> {
      long now = counter.getAsLong();
      if (now != last[0]) {
        last[0] = now;
        since[0] = System.nanoTime();
      }
      return System.nanoTime() - since[0] >= quiet.toNanos();
    }, timeout, what);
    return last[0];
  }

  /** Counted in the table, not through a page of the API, so no page limit can hide new rows. */
  private static long storedSignals(TestDatabase db) {
    return ((Number) db.query("SELECT count(*) AS n FROM signals WHERE name = 'cent_parity'").get(0).get("n"))
        .longValue();
  }

  private static int signalCount(int port) {
    try {
      HttpCall.Answer answer = HttpCall.to(port, "GET", "/api/signals?name=cent_parity&limit=1000").send();
      return answer.status() == 200 ? answer.json().getJsonArray("signals").size() : -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
