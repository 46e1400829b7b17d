package io.tickwire.store;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.OptionTicker;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Option tickers, idempotent by (venue, symbol, event_ts): a replayed ticker is skipped. Exact values travel as
 * text cast to {@code numeric}; volatilities and greeks as doubles, NaN stored as NULL.
 */
public final class OptionTickerRows implements SqlBatch<OptionTicker> {
  @Override
  public String table() {
    return "option_tickers";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO option_tickers (venue, symbol, event_ts, underlying, expiry, strike, option_type, mark_price,
                                    bid, bid_size, ask, ask_size, underlying_price, index_price, mark_iv, bid_iv,
                                    ask_iv, delta, gamma, vega, theta, open_interest, ingest_ts, seq)
        SELECT v, s, ets, u, x, k::numeric, t, m::numeric, b::numeric, bs::numeric, a::numeric, az::numeric,
               up::numeric, ip::numeric, miv, biv, aiv, d, g, ve, th, oi::numeric, its, seq
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::text[],
                    $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                    $14::text[], $15::float8[], $16::float8[], $17::float8[], $18::float8[], $19::float8[],
                    $20::float8[], $21::float8[], $22::text[], $23::timestamptz[], $24::int8[])
             AS r(v, s, ets, u, x, k, t, m, b, bs, a, az, up, ip, miv, biv, aiv, d, g, ve, th, oi, its, seq)
        ON CONFLICT (venue, symbol, event_ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<OptionTicker> rows) {
    Columns c = new Columns(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      c.set(i, rows.get(i));
    }
    return Tuple.tuple().addArrayOfString(c.venue).addArrayOfString(c.symbol).addArrayOfOffsetDateTime(c.eventTs)
        .addArrayOfString(c.underlying).addArrayOfOffsetDateTime(c.expiry).addArrayOfString(c.strike)
        .addArrayOfString(c.type).addArrayOfString(c.mark).addArrayOfString(c.bid).addArrayOfString(c.bidSize)
        .addArrayOfString(c.ask).addArrayOfString(c.askSize).addArrayOfString(c.underlyingPrice)
        .addArrayOfString(c.indexPrice).addArrayOfDouble(c.markIv).addArrayOfDouble(c.bidIv)
        .addArrayOfDouble(c.askIv).addArrayOfDouble(c.delta).addArrayOfDouble(c.gamma).addArrayOfDouble(c.vega)
        .addArrayOfDouble(c.theta).addArrayOfString(c.openInterest).addArrayOfOffsetDateTime(c.ingestTs)
        .addArrayOfLong(c.seq);
  }

  /** One array per column. */
  private static final class Columns {
    final String[] venue;
    final String[] symbol;
    final OffsetDateTime[] eventTs;
    final String[] underlying;
    final OffsetDateTime[] expiry;
    final String[] strike;
    final String[] type;
    final String[] mark;
    final String[] bid;
    final String[] bidSize;
    final String[] ask;
    final String[] askSize;
    final String[] underlyingPrice;
    final String[] indexPrice;
    final Double[] markIv;
    final Double[] bidIv;
    final Double[] askIv;
    final Double[] delta;
    final Double[] gamma;
    final Double[] vega;
    final Double[] theta;
    final String[] openInterest;
    final OffsetDateTime[] ingestTs;
    final Long[] seq;

    Columns(int n) {
      venue = new String[n];
      symbol = new String[n];
      eventTs = new OffsetDateTime[n];
      underlying = new String[n];
      expiry = new OffsetDateTime[n];
      strike = new String[n];
      type = new String[n];
      mark = new String[n];
      bid = new String[n];
      bidSize = new String[n];
      ask = new String[n];
      askSize = new String[n];
      underlyingPrice = new String[n];
      indexPrice = new String[n];
      markIv = new Double[n];
      bidIv = new Double[n];
      askIv = new Double[n];
      delta = new Double[n];
      gamma = new Double[n];
      vega = new Double[n];
      theta = new Double[n];
      openInterest = new String[n];
      ingestTs = new OffsetDateTime[n];
      seq = new Long[n];
    }

    void set(int i, OptionTicker t) {
      venue[i] = t.venue();
      symbol[i] = t.symbol();
      eventTs[i] = IsoTime.toOffsetDateTime(t.eventTime());
      underlying[i] = t.contract().underlying();
      expiry[i] = IsoTime.toOffsetDateTime(t.contract().expiry());
      strike[i] = Decimals.toString(t.contract().strike());
      type[i] = t.contract().type().wire();
      mark[i] = Decimals.toString(t.markPrice());
      bid[i] = Decimals.toString(t.bidPrice());
      bidSize[i] = Decimals.toString(t.bidSize());
      ask[i] = Decimals.toString(t.askPrice());
      askSize[i] = Decimals.toString(t.askSize());
      underlyingPrice[i] = Decimals.toString(t.underlyingPrice());
      indexPrice[i] = Decimals.toString(t.indexPrice());
      markIv[i] = SqlValues.finiteOrNull(t.markIv());
      bidIv[i] = SqlValues.finiteOrNull(t.bidIv());
      askIv[i] = SqlValues.finiteOrNull(t.askIv());
      delta[i] = SqlValues.finiteOrNull(t.greeks().delta());
      gamma[i] = SqlValues.finiteOrNull(t.greeks().gamma());
      vega[i] = SqlValues.finiteOrNull(t.greeks().vega());
      theta[i] = SqlValues.finiteOrNull(t.greeks().theta());
      openInterest[i] = Decimals.toString(t.openInterest());
      ingestTs[i] = t.ingestTime() == 0 ? null : IsoTime.toOffsetDateTime(t.ingestTime());
      seq[i] = t.seq();
    }
  }
}
