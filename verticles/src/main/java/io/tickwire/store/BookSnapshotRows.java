package io.tickwire.store;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Order-book snapshots, idempotent by (venue, symbol, ts): a replayed snapshot is skipped. Each side is stored as
 * jsonb {@code [[price, size], ...]} written from the exact digits (jsonb keeps numbers as {@code numeric}), so
 * prices stay exact, the same pairs as the v1 JSON.
 */
public final class BookSnapshotRows implements SqlBatch<BookSnapshot> {
  @Override
  public String table() {
    return "orderbook_snapshot";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO orderbook_snapshot (venue, symbol, ts, bids, asks, mid, spread_bps, imbalance_5, microprice)
        SELECT v, s, t, b::jsonb, a::jsonb, m, sp, im, mp
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::float8[], $7::float8[],
                    $8::float8[], $9::float8[]) AS u(v, s, t, b, a, m, sp, im, mp)
        ON CONFLICT (venue, symbol, ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<BookSnapshot> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    OffsetDateTime[] ts = new OffsetDateTime[n];
    String[] bids = new String[n];
    String[] asks = new String[n];
    Double[] mid = new Double[n];
    Double[] spreadBps = new Double[n];
    Double[] imbalance = new Double[n];
    Double[] microprice = new Double[n];
    StringBuilder json = new StringBuilder(256);
    for (int i = 0; i < n; i++) {
      BookSnapshot b = rows.get(i);
      venue[i] = b.venue();
      symbol[i] = b.symbol();
      ts[i] = IsoTime.toOffsetDateTime(b.ts());
      bids[i] = levels(json, b.bids());
      asks[i] = levels(json, b.asks());
      mid[i] = SqlValues.finiteOrNull(b.mid());
      spreadBps[i] = SqlValues.finiteOrNull(b.spreadBps());
      imbalance[i] = SqlValues.finiteOrNull(b.imbalance5());
      microprice[i] = SqlValues.finiteOrNull(b.microprice());
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfOffsetDateTime(ts)
        .addArrayOfString(bids).addArrayOfString(asks).addArrayOfDouble(mid).addArrayOfDouble(spreadBps)
        .addArrayOfDouble(imbalance).addArrayOfDouble(microprice);
  }

  /** {@code [[price, size], ...]} from the exact digits. */
  static String levels(StringBuilder json, List<BookLevel> levels) {
    json.setLength(0);
    json.append('[');
    for (int i = 0; i < levels.size(); i++) {
      BookLevel level = levels.get(i);
      json.append(i == 0 ? "[" : ",[");
      Decimals.append(json, level.price()).append(',');
      Decimals.append(json, level.size()).append(']');
    }
    return json.append(']').toString();
  }
}
