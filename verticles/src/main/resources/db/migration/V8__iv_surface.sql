-- Implied-volatility smiles (md.iv_surface), one row per (underlying, venue, expiry, snapshot time). Snapshots are
-- taken at multiples of derived.iv_surface.every of event time, so a replay produces the same keys and its rows
-- are skipped (ON CONFLICT DO NOTHING).
CREATE TABLE iv_surface (
  underlying          text             COLLATE "C" NOT NULL,  -- the root, e.g. BTC
  venue               text             COLLATE "C" NOT NULL,
  expiry              timestamptz      NOT NULL,
  ts                  timestamptz      NOT NULL,  -- the snapshot time (event time)
  forward             double precision NOT NULL,  -- median of the tickers' underlying prices
  atm_iv              double precision,           -- percent; null when no two kept strikes bracket the forward
  strikes_seen        integer          NOT NULL,
  strikes_kept        integer          NOT NULL,
  oldest_input_age_ms bigint           NOT NULL,
  smile               jsonb            NOT NULL,  -- [[strike, iv], ...] ascending; strikes exact
  PRIMARY KEY (underlying, venue, expiry, ts)
);
-- GET /api/iv_surface: an underlying's newest snapshot time.
CREATE INDEX iv_surface_underlying_time ON iv_surface (underlying, ts DESC);
