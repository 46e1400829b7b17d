-- The consolidated spot mid of each asset (md.spot_mid), one row per (asset, sample time). Samples are taken at
-- multiples of derived.spot_mid.interval of event time, so a replay produces the same keys and its rows are skipped
-- (ON CONFLICT DO NOTHING). The primary key serves GET /api/mid (one asset, a time range, newest first).
CREATE TABLE spot_mid (
  asset          text             COLLATE "C" NOT NULL,
  ts             timestamptz      NOT NULL,  -- the sample time (event time)
  mid            double precision,           -- median of the fresh venues' mids; null when none was fresh
  quality        text             NOT NULL CHECK (quality IN ('ok', 'degraded', 'suspect')),
  fresh_venues   integer          NOT NULL,
  dispersion_bps double precision,           -- (highest - lowest fresh mid) / mid, in basis points
  -- every configured venue: [{venue, symbol, bid, bid_size, ask, ask_size, mid, quote_ts, age_ms, fresh}], prices
  -- exact as the venue sent them, nulls for a venue with no quote
  venues         jsonb            NOT NULL,
  perp_mark      double precision,           -- the perpetual's mark price; null when it had none fresh
  basis          double precision,           -- perp_mark - mid
  basis_bps      double precision,
  funding_rate   double precision,           -- a fraction per funding period
  PRIMARY KEY (asset, ts)
);
