package io.tickwire.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.IsoTime;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The new bar shapes through the sink's own statement ({@link BarRows}) into PostgreSQL and back through the API's
 * reader ({@link BarStore}): a filled bar without prices, a flat filled bar, and a 23-hour calendar day.
 */
@ExtendWith(VertxExtension.class)
class BarShapeRowsTest {
  private static final long T0 = IsoTime.parse("2024-03-10T05:00:00Z"); // midnight in New York, a 23-hour day
  private static final long HOUR = 3_600_000_000L;

  @Test
  void filledAndCalendarBarsRoundTrip(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Database database = Await.result(Database.open(vertx, Pipelines.settings(vertx, db.settings())));
    Context context = vertx.getOrCreateContext();
    try {
      Bar day = new Bar("v", "BTC-USD", 86_400_000L, T0, 100, 110, 95, 105, 12.5, 101.25, 40, 0, T0 + 23 * HOUR,
          false);
      Bar none = new Bar("v", "BTC-USD", 1000, T0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
          0, 0, T0 + 1_000_000, true);
      Bar flat = new Bar("v", "BTC-USD", 1000, T0 + 1_000_000, 105, 105, 105, 105, 0, 105, 0, 0, T0 + 2_000_000,
          true);
      PooledInsert<Bar> insert = new PooledInsert<>(database.pool(), new BarRows());
      assertThat(Await.result(on(context, () -> insert.write(List.of(day, none, flat))))).isEqualTo(3);

      Map<String, Object> row = db.query("SELECT open, vwap, filled, bucket_end FROM bars_ohlcv WHERE interval = '1s'"
          + " AND bucket_start = '" + IsoTime.format(T0) + "'").get(0);
      assertThat(row.get("open")).as("no price is NULL, not 0 or NaN").isNull();
      assertThat(row.get("vwap")).isNull();
      assertThat(row.get("filled")).isEqualTo(true);

      BarStore store = new BarStore(database.pool());
      List<Bar> seconds = Await.result(on(context, () -> store.find("BTC-USD", "v", 1000, T0, T0 + 10_000_000, 10)));
      assertThat(seconds).hasSize(2);
      assertThat(seconds.get(0)).isEqualTo(flat);
      Bar readNone = seconds.get(1);
      assertThat(readNone.filled()).isTrue();
      assertThat(readNone.open()).isNaN();
      assertThat(readNone.end()).isEqualTo(none.end());
      List<Bar> days = Await.result(on(context, () -> store.find("BTC-USD", "v", 86_400_000L, T0, T0 + 1, 10)));
      assertThat(days).containsExactly(day);
      assertThat(days.get(0).end() - days.get(0).start()).isEqualTo(23 * HOUR);
    } finally {
      Await.result(database.close(vertx));
    }
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }
}
