package io.tickwire.store;

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
public final class SignalStore {
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

  /** A row's place in the page order: the signals table's primary key. */
  public record Key(long ts, String symbol, String name, String provider) {
  }

  /** One page, and the key the next one starts after (null when this page is the last). */
  public record Page(List<Signal> signals, Key next) {
  }

  private final Pool pool;

  public SignalStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Up to {@code limit} signals with {@code ts} in {@code [from, to)} (epoch µs), newest first, after {@code after}
   * (null for the first page); {@code symbol} and {@code name} null for any. Asks for one row more than the page
   * holds: its presence is how the last page knows it is the last.
   */
  public Future<Page> find(String symbol, String name, long from, long to, Key after, int limit) {
    Tuple params = Tuple.of(symbol, name, IsoTime.toOffsetDateTime(from),
        IsoTime.toOffsetDateTime(to), after == null ? null : IsoTime.toOffsetDateTime(after.ts()),
        after == null ? null : after.symbol(), after == null ? null : after.name(),
        after == null ? null : after.provider(), (long) limit + 1);
    return pool.preparedQuery(SQL).execute(params).map(rows -> page(signals(rows), limit));
  }

  private static Page page(List<Signal> fetched, int limit) {
    if (fetched.size() <= limit) {
      return new Page(fetched, null);
    }
    List<Signal> page = fetched.subList(0, limit);
    Signal last = page.get(limit - 1);
    return new Page(page, new Key(last.ts(), last.symbol(), last.name(), last.provider()));
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
