-- Results of the retention engine: one row per analysis run with its report, and the latest
-- per-customer predictions (distributed by customer_id under Citus, like the other
-- customer-owned tables), replaced as a whole by each run.
CREATE TABLE analysis_runs (
  id         bigserial   PRIMARY KEY,
  created_at timestamptz NOT NULL,
  report     jsonb       NOT NULL
);

CREATE TABLE customer_predictions (
  customer_id        bigint           PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  run_id             bigint           NOT NULL REFERENCES analysis_runs(id),
  frequency          integer          NOT NULL,
  recency            integer          NOT NULL,
  age                integer          NOT NULL,
  monetary           double precision NOT NULL,
  p_alive            double precision NOT NULL,
  expected_purchases double precision NOT NULL,
  expected_spend     double precision NOT NULL,
  clv                double precision NOT NULL,
  churn_risk         text             NOT NULL DEFAULT '',
  rfm_r              integer          NOT NULL DEFAULT 0,
  rfm_f              integer          NOT NULL DEFAULT 0,
  rfm_m              integer          NOT NULL DEFAULT 0,
  rfm_segment        text             NOT NULL DEFAULT '',
  tier               text             NOT NULL DEFAULT '',
  service_level      text             NOT NULL DEFAULT ''
);
CREATE INDEX customer_predictions_tier ON customer_predictions(tier);
CREATE INDEX customer_predictions_segment ON customer_predictions(rfm_segment);
