-- The cross-sell model: one row per run with its report (JSON), the items of each level with
-- their popularity, each item's nearest neighbours and the association rules, all replaced as
-- a whole by each run.
CREATE TABLE crosssell_runs (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  report     TEXT    NOT NULL
);

CREATE TABLE crosssell_items (
  level            TEXT    NOT NULL,
  item             TEXT    NOT NULL,
  name             TEXT    NOT NULL DEFAULT '',
  customers        INTEGER NOT NULL,
  unit_price_minor REAL    NOT NULL,
  PRIMARY KEY (level, item)
) WITHOUT ROWID;
CREATE INDEX crosssell_items_popular ON crosssell_items(level, customers DESC);

CREATE TABLE crosssell_neighbours (
  level        TEXT    NOT NULL,
  item         TEXT    NOT NULL,
  rank         INTEGER NOT NULL,
  neighbour    TEXT    NOT NULL,
  similarity   REAL    NOT NULL,
  lift         REAL    NOT NULL,
  confidence   REAL    NOT NULL,
  co_customers INTEGER NOT NULL,
  PRIMARY KEY (level, item, rank)
) WITHOUT ROWID;

-- antecedent and consequent are JSON arrays of items; conviction is NULL for +infinity.
CREATE TABLE crosssell_rules (
  id               INTEGER PRIMARY KEY,
  level            TEXT    NOT NULL,
  antecedent       TEXT    NOT NULL,
  consequent       TEXT    NOT NULL,
  count            INTEGER NOT NULL,
  antecedent_count INTEGER NOT NULL,
  consequent_count INTEGER NOT NULL,
  support          REAL    NOT NULL,
  confidence       REAL    NOT NULL,
  lift             REAL    NOT NULL,
  leverage         REAL    NOT NULL,
  conviction       REAL
);
CREATE INDEX crosssell_rules_lift ON crosssell_rules(level, lift DESC);
