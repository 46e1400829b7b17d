-- Provenance of a trade: true when it was fetched from the venue's REST history to fill a hole in the live stream
-- (backfill), false when it was received live. Rows stored before this column existed were all received live.
-- A constant default adds the column without rewriting the table.
ALTER TABLE trades ADD COLUMN backfill boolean NOT NULL DEFAULT false;
