-- User rules. Seeded from conf/rules.yaml when the table is empty; after that this table is the source of truth.
CREATE TABLE rules (
  name        text             COLLATE "C" PRIMARY KEY,
  condition   text             NOT NULL,  -- a CEL expression over feature names, price, symbol, venue
  signal      double precision NOT NULL,  -- the signal's value: +1 buy, -1 sell, 0 neutral, or any number
  score       double precision NOT NULL,  -- confidence in [0, 1]
  cooldown_ms bigint           NOT NULL CHECK (cooldown_ms >= 0),
  enabled     boolean          NOT NULL DEFAULT true,
  version     integer          NOT NULL DEFAULT 1,  -- +1 on every change
  updated_at  timestamptz      NOT NULL DEFAULT now()
);

-- One-time facts about this database, e.g. that the seed rules were loaded (so deleting every rule later does
-- not bring the seed back on the next start).
CREATE TABLE meta (
  key        text        COLLATE "C" PRIMARY KEY,
  value      text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
