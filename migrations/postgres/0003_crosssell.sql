-- The cross-sell model: one row per run with its report, the items of each level with their
-- popularity, each item's nearest neighbours and the association rules, all replaced as a
-- whole by each run. These tables are small (items, not customers): under Citus they are
-- reference tables, copied to every worker.
CREATE TABLE crosssell_runs (
  id         bigserial   PRIMARY KEY,
  created_at timestamptz NOT NULL,
  report     jsonb       NOT NULL
);

CREATE TABLE crosssell_items (
  level            text             NOT NULL,
  item             text             NOT NULL,
  name             text             NOT NULL DEFAULT '',
  customers        bigint           NOT NULL,
  unit_price_minor double precision NOT NULL,
  PRIMARY KEY (level, item)
);
CREATE INDEX crosssell_items_popular ON crosssell_items(level, customers DESC);

CREATE TABLE crosssell_neighbours (
  level        text             NOT NULL,
  item         text             NOT NULL,
  rank         integer          NOT NULL,
  neighbour    text             NOT NULL,
  similarity   double precision NOT NULL,
  lift         double precision NOT NULL,
  confidence   double precision NOT NULL,
  co_customers bigint           NOT NULL,
  PRIMARY KEY (level, item, rank)
);

-- conviction is NULL for +infinity.
CREATE TABLE crosssell_rules (
  id               bigserial        PRIMARY KEY,
  level            text             NOT NULL,
  antecedent       jsonb            NOT NULL,
  consequent       jsonb            NOT NULL,
  count            bigint           NOT NULL,
  antecedent_count bigint           NOT NULL,
  consequent_count bigint           NOT NULL,
  support          double precision NOT NULL,
  confidence       double precision NOT NULL,
  lift             double precision NOT NULL,
  leverage         double precision NOT NULL,
  conviction       double precision
);
CREATE INDEX crosssell_rules_lift ON crosssell_rules(level, lift DESC);
