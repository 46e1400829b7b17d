-- Bar shapes. A bar now carries its end (a calendar day in a timezone with daylight saving lasts 23 or 25 hours, so
-- the end is not always start + interval; null on rows written before this column, where it is) and whether it is
-- a filled bar for a window without trades (batcher.empty = flat or none). Under the none policy a filled bar has
-- no prices, hence the dropped NOT NULLs.
ALTER TABLE bars_ohlcv
  ADD COLUMN bucket_end timestamptz,
  ADD COLUMN filled boolean NOT NULL DEFAULT false,
  ALTER COLUMN open DROP NOT NULL,
  ALTER COLUMN high DROP NOT NULL,
  ALTER COLUMN low DROP NOT NULL,
  ALTER COLUMN close DROP NOT NULL,
  ALTER COLUMN vwap DROP NOT NULL;

-- Information-driven bars (batcher.info_bars): a series is kind:threshold (volume:5); bar_start and bar_end are the
-- event times of the bar's first and last trade (both inclusive). Several bars of a series may start in the same
-- microsecond, so the first trade's id completes the key: each trade opens at most one bar per series.
CREATE TABLE info_bars (
  venue          text             COLLATE "C" NOT NULL,
  symbol         text             COLLATE "C" NOT NULL,
  series         text             COLLATE "C" NOT NULL,
  bar_start      timestamptz      NOT NULL,
  first_trade_id text             COLLATE "C" NOT NULL,
  bar_end        timestamptz      NOT NULL,
  open           double precision NOT NULL,
  high           double precision NOT NULL,
  low            double precision NOT NULL,
  close          double precision NOT NULL,
  volume         double precision NOT NULL,
  notional       double precision NOT NULL,
  trades         bigint           NOT NULL,
  PRIMARY KEY (venue, symbol, series, bar_start, first_trade_id)
);
-- /api/bars?series=...: one symbol and series, newest first.
CREATE INDEX info_bars_symbol_series_start ON info_bars (symbol, series, bar_start DESC);
