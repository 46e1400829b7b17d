-- Periodic top-N snapshots of each order book (md.books), one row per (venue, symbol, snapshot time). A snapshot
-- is taken in event time on an interval aligned to the epoch, so a replay produces the same keys and its rows are
-- skipped (ON CONFLICT DO NOTHING).
CREATE TABLE orderbook_snapshot (
  venue       text             COLLATE "C" NOT NULL,
  symbol      text             COLLATE "C" NOT NULL,
  ts          timestamptz      NOT NULL,  -- the interval start the book was taken at (event time)
  bids        jsonb            NOT NULL,  -- [[price, size], ...] best first; exact decimals as the venue sent them
  asks        jsonb            NOT NULL,
  mid         double precision,           -- null when the book could not give it (a side empty)
  spread_bps  double precision,
  imbalance_5 double precision,           -- top 5 levels a side: (bid size - ask size) / (bid size + ask size)
  microprice  double precision,
  PRIMARY KEY (venue, symbol, ts)
);
