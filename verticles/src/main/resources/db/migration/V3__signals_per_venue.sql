-- Two venues closing the same symbol's bar at the same instant can fire the same rule: both signals are real.
-- The key therefore includes the provider (the venue or model that emitted the signal).
ALTER TABLE signals ALTER COLUMN provider TYPE text COLLATE "C";
ALTER TABLE signals DROP CONSTRAINT signals_pkey;
ALTER TABLE signals ADD PRIMARY KEY (symbol, name, ts, provider);
