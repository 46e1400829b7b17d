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
