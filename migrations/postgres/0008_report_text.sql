-- Analysis and cross-sell reports are typed documents whose named figures (model parameters,
-- counts per segment, timings) have an order. jsonb sorts an object's keys; json keeps the
-- text as written, so a report reads back the same on PostgreSQL as on SQLite. Nothing
-- queries inside a report, so nothing is lost.
ALTER TABLE analysis_runs ALTER COLUMN report TYPE json USING report::json;
ALTER TABLE crosssell_runs ALTER COLUMN report TYPE json USING report::json;
