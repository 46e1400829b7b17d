-- The completeness ledger: for every venue x symbol x channel, covered spans and holes in event time. A segment is
-- identified by its stream, kind and start, so writing it again (the next flush, a replay) only moves its end
-- forward; the ledger merges spans in memory, so a row is a span, not an event.
CREATE TABLE coverage_segment (
  venue    text        COLLATE "C" NOT NULL,
  symbol   text        COLLATE "C" NOT NULL,
  channel  text        NOT NULL CHECK (channel IN ('trades', 'book', 'quotes')),
  kind     text        NOT NULL CHECK (kind IN ('covered', 'hole')),
  start_ts timestamptz NOT NULL,
  end_ts   timestamptz NOT NULL CHECK (end_ts >= start_ts),
  -- holes only: disconnect, sequence_gap, checksum, buffer_overflow, failover, stale_feed, not_running
  cause    text,
  detail   text,
  -- a hole the stream has not come back from yet: it reaches at least end_ts
  ongoing  boolean     NOT NULL DEFAULT false,
  -- holes only: open; backfilled (recovered = the trades fetched from the venue's history); unrecoverable
  -- (resolution says why: beyond the venue's history, refused)
  state      text      CHECK (state IN ('open', 'backfilled', 'unrecoverable')),
  recovered  bigint    NOT NULL DEFAULT 0,
  resolution text,
  -- a backfilled hole whose minute the periodic reconciliation found consistent (bars recomputed from the stored
  -- trades equal the stored bars); only the reconciliation sets it
  verified   boolean   NOT NULL DEFAULT false,
  PRIMARY KEY (venue, symbol, channel, kind, start_ts)
);

-- Serves GET /api/coverage and `tickwire coverage`: the segments of a time range, whatever the stream.
CREATE INDEX coverage_segment_end ON coverage_segment (end_ts);

-- When a node running the ledger was last seen alive (wall clock), so the next start can tell downtime.
CREATE TABLE coverage_heartbeat (
  ledger   text        PRIMARY KEY,
  alive_at timestamptz NOT NULL
);
