-- The batch jobs (archive, reconciliation) ask how far event time has got (max(bucket_start)) and where stored
-- history begins (min(bucket_start)); without an index both scan the whole table. Bars are few next to trades
-- (one per symbol and interval per window), so this btree costs little per insert.
CREATE INDEX bars_time ON bars_ohlcv (bucket_start);
