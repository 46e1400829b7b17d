-- Derivatives from the exchange connectors (Deribit options and perpetuals, Binance USD-M futures), one row per
-- event, keyed by the venue's own timestamp, so a redelivered or replayed event is skipped (ON CONFLICT DO
-- NOTHING). Prices, sizes and rates are exact numeric, as the venue sent them; implied volatilities and greeks are
-- model outputs, double precision, null when the venue sent none. A perpetual's symbol is kept apart from the spot
-- pair of the same name by its venue (binance_futures, deribit).

CREATE TABLE option_tickers (
  venue            text             COLLATE "C" NOT NULL,
  symbol           text             COLLATE "C" NOT NULL,  -- the instrument, e.g. BTC-24SEP21-8000-P
  event_ts         timestamptz      NOT NULL,              -- the venue's timestamp
  underlying       text             COLLATE "C" NOT NULL,  -- what underlying_price is the price of
  expiry           timestamptz      NOT NULL,
  strike           numeric          NOT NULL,
  option_type      text             NOT NULL CHECK (option_type IN ('call', 'put')),
  mark_price       numeric          NOT NULL,
  bid              numeric          NOT NULL,  -- 0 when there is no bid
  bid_size         numeric          NOT NULL,
  ask              numeric          NOT NULL,  -- 0 when there is no ask
  ask_size         numeric          NOT NULL,
  underlying_price numeric          NOT NULL,
  index_price      numeric          NOT NULL,
  mark_iv          double precision,           -- implied volatilities in percent
  bid_iv           double precision,
  ask_iv           double precision,
  delta            double precision,
  gamma            double precision,
  vega             double precision,
  theta            double precision,
  open_interest    numeric          NOT NULL,
  ingest_ts        timestamptz,               -- when tickwire received it
  seq              bigint           NOT NULL,  -- the router's per-partition sequence number
  PRIMARY KEY (venue, symbol, event_ts)
);
CREATE INDEX option_tickers_time ON option_tickers USING brin (event_ts);
-- An expiry's chain at a time: every strike of one underlying's expiry.
CREATE INDEX option_tickers_chain ON option_tickers (venue, underlying, expiry, event_ts);

CREATE TABLE mark_funding (
  venue                text        COLLATE "C" NOT NULL,
  symbol               text        COLLATE "C" NOT NULL,  -- the perpetual, e.g. BTCUSDT on binance_futures
  event_ts             timestamptz NOT NULL,
  mark_price           numeric     NOT NULL,
  index_price          numeric     NOT NULL,
  est_settlement_price numeric     NOT NULL,
  funding_rate         numeric     NOT NULL,  -- per funding period; negative when shorts pay longs
  next_funding_ts      timestamptz,           -- null when the venue funds continuously (Deribit)
  ingest_ts            timestamptz,
  seq                  bigint      NOT NULL,
  PRIMARY KEY (venue, symbol, event_ts)
);
CREATE INDEX mark_funding_time ON mark_funding USING brin (event_ts);

CREATE TABLE volatility_index (
  venue     text        COLLATE "C" NOT NULL,
  symbol    text        COLLATE "C" NOT NULL,  -- the index as the venue names it, e.g. btc_usd (Deribit's DVOL)
  event_ts  timestamptz NOT NULL,
  value     numeric     NOT NULL,              -- in percent
  ingest_ts timestamptz,
  seq       bigint      NOT NULL,
  PRIMARY KEY (venue, symbol, event_ts)
);
