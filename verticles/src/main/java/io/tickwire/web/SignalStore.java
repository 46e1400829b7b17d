package io.tickwire.web;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.JsonValues;
import io.tickwire.codecs.Signal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads signals from {@code signals}, newest first, one keyset page at a time, through the reactive pool. */
final class SignalStore {
  /**
   * One statement for every combination of filters (NULL-tolerant). The order is the full primary key, so it is
   * total and the row comparison against the cursor resumes exactly after the previous page's last row. The
   * parameters are compared in the columns' "C" collation, the one the order uses.
   */
  static final String SQL = """
      SELECT symbol, name, ts, provider, value, score, meta
      FROM signals
      WHERE ($1::text IS NULL OR symbol = $1) AND ($2::text IS NULL OR name = $2)
        AND ts >= $3 AND ts < $4
        AND ($5::timestamptz IS NULL
             OR (ts, symbol, name, provider) < ($5, $6::text COLLATE "C", $7::text COLLATE "C", $8::text COLLATE "C"))
      ORDER BY ts DESC, symbol DESC, name DESC, provider DESC
      LIMIT $9""";

  /** One page, and the cursor of the next one (null when this page is the last). */
  record Page(List<Signal> signals, SignalCursor next) {
  }

  private final Pool pool;

  SignalStore(Pool pool) {
    this.pool = pool;
  }

  /** Asks for one row more than the page holds: its presence is how the last page knows it is the last. */
  Future<Page> find(SignalsQuery q) {
    SignalCursor after = q.after();
    Tuple params = Tuple.of(q.symbol(), q.name(), IsoTime.toOffsetDateTime(q.from()),
        IsoTime.toOffsetDateTime(q.to()), after == null ? null : IsoTime.toOffsetDateTime(after.ts()),
        after == null ? null : after.symbol(), after == null ? null : after.name(),
        after == null ? null : after.provider(), (long) q.limit() + 1);
    return pool.preparedQuery(SQL).execute(params).map(rows -> page(signals(rows), q.limit()));
  }

  private static Page page(List<Signal> fetched, int limit) {
    if (fetched.size() <= limit) {
      return new Page(fetched, null);
    }
    List<Signal> page = fetched.subList(0, limit);
    Signal last = page.get(limit - 1);
    return new Page(page, new SignalCursor(last.ts(), last.symbol(), last.name(), last.provider()));
  }

  private static List<Signal> signals(RowSet<Row> rows) {
    List<Signal> signals = new ArrayList<>(rows.size());
    for (Row row : rows) {
      signals.add(new Signal(row.getString("provider"), row.getString("symbol"),
          IsoTime.epochMicros(row.getOffsetDateTime("ts")), row.getString("name"), orNaN(row.getDouble("value")),
          orNaN(row.getDouble("score")), meta(row.getJsonObject("meta"))));
    }
    return signals;
  }

  /** The sink stores a non-finite number as NULL; NaN is how the record carries it back (written as null). */
  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** Meta is free-form JSON; the table keeps it as jsonb and it comes back as the same values. */
  private static Map<String, Object> meta(JsonObject json) {
    return json == null ? Map.of() : JsonValues.parseObject(json.encode(), "meta");
  }
}
