package io.tickwire.store;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarkFunding;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Mark/funding updates, idempotent by (venue, symbol, event_ts); exact values as text cast to {@code numeric}. */
public final class MarkFundingRows implements SqlBatch<MarkFunding> {
  @Override
  public String table() {
    return "mark_funding";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO mark_funding (venue, symbol, event_ts, mark_price, index_price, est_settlement_price,
                                  funding_rate, next_funding_ts, ingest_ts, seq)
        SELECT v, s, ets, m::numeric, i::numeric, p::numeric, r::numeric, nft, its, seq
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::timestamptz[], $9::timestamptz[], $10::int8[]) AS u(v, s, ets, m, i, p, r, nft, its, seq)
        ON CONFLICT (venue, symbol, event_ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<MarkFunding> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    OffsetDateTime[] eventTs = new OffsetDateTime[n];
    String[] mark = new String[n];
    String[] index = new String[n];
    String[] settlement = new String[n];
    String[] rate = new String[n];
    OffsetDateTime[] nextFunding = new OffsetDateTime[n];
    OffsetDateTime[] ingestTs = new OffsetDateTime[n];
    Long[] seq = new Long[n];
    for (int i = 0; i < n; i++) {
      MarkFunding m = rows.get(i);
      venue[i] = m.venue();
      symbol[i] = m.symbol();
      eventTs[i] = IsoTime.toOffsetDateTime(m.eventTime());
      mark[i] = Decimals.toString(m.markPrice());
      index[i] = Decimals.toString(m.indexPrice());
      settlement[i] = Decimals.toString(m.settlementPrice());
      rate[i] = Decimals.toString(m.fundingRate());
      nextFunding[i] = m.nextFundingTime() == 0 ? null : IsoTime.toOffsetDateTime(m.nextFundingTime());
      ingestTs[i] = m.ingestTime() == 0 ? null : IsoTime.toOffsetDateTime(m.ingestTime());
      seq[i] = m.seq();
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfOffsetDateTime(eventTs)
        .addArrayOfString(mark).addArrayOfString(index).addArrayOfString(settlement).addArrayOfString(rate)
        .addArrayOfOffsetDateTime(nextFunding).addArrayOfOffsetDateTime(ingestTs).addArrayOfLong(seq);
  }
}
