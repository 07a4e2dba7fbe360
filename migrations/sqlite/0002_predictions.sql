-- Results of the retention engine: one row per analysis run with its report (JSON), and the
-- latest per-customer predictions, replaced as a whole by each run.
CREATE TABLE analysis_runs (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  report     TEXT    NOT NULL
);

CREATE TABLE customer_predictions (
  customer_id        INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  run_id             INTEGER NOT NULL REFERENCES analysis_runs(id),
  frequency          INTEGER NOT NULL,
  recency            INTEGER NOT NULL,
  age                INTEGER NOT NULL,
  monetary           REAL    NOT NULL,
  p_alive            REAL    NOT NULL,
  expected_purchases REAL    NOT NULL,
  expected_spend     REAL    NOT NULL,
  clv                REAL    NOT NULL,
  churn_risk         TEXT    NOT NULL DEFAULT '',
  rfm_r              INTEGER NOT NULL DEFAULT 0,
  rfm_f              INTEGER NOT NULL DEFAULT 0,
  rfm_m              INTEGER NOT NULL DEFAULT 0,
  rfm_segment        TEXT    NOT NULL DEFAULT '',
  tier               TEXT    NOT NULL DEFAULT '',
  service_level      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX customer_predictions_tier ON customer_predictions(tier);
CREATE INDEX customer_predictions_segment ON customer_predictions(rfm_segment);
