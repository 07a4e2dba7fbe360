-- Centric schema, SQLite. Times are UTC unix seconds; money is integer minor units.
-- Lists and maps of a customer are JSON text. customer_id is carried on every customer-owned
-- row (orders, order lines, interactions) to mirror the PostgreSQL schema, where it is the
-- distribution column.

CREATE TABLE customers (
  id                 INTEGER PRIMARY KEY,
  external_id        TEXT    NOT NULL UNIQUE,
  name               TEXT    NOT NULL DEFAULT '',
  emails             TEXT    NOT NULL DEFAULT '[]',
  phones             TEXT    NOT NULL DEFAULT '[]',
  preferred_language TEXT    NOT NULL DEFAULT '',
  country            TEXT    NOT NULL DEFAULT '',
  time_zone          TEXT    NOT NULL DEFAULT '',
  first_seen         INTEGER,
  consent            TEXT    NOT NULL DEFAULT '{}',
  tags               TEXT    NOT NULL DEFAULT '[]',
  attributes         TEXT    NOT NULL DEFAULT '{}',
  account_owner      TEXT    NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);

-- Full-text search over name, emails and external id; diacritics folded so "Nguyen" finds
-- "Nguyễn".
CREATE VIRTUAL TABLE customers_fts USING fts5(
  name, emails, external_id,
  content = 'customers', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts(rowid, name, emails, external_id)
  VALUES (new.id, new.name, new.emails, new.external_id);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customers_fts(customers_fts, rowid, name, emails, external_id)
  VALUES ('delete', old.id, old.name, old.emails, old.external_id);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, emails, external_id ON customers BEGIN
  INSERT INTO customers_fts(customers_fts, rowid, name, emails, external_id)
  VALUES ('delete', old.id, old.name, old.emails, old.external_id);
  INSERT INTO customers_fts(rowid, name, emails, external_id)
  VALUES (new.id, new.name, new.emails, new.external_id);
END;

CREATE TABLE products (
  id              INTEGER PRIMARY KEY,
  sku             TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL DEFAULT '',
  category        TEXT    NOT NULL DEFAULT '',
  currency        TEXT    NOT NULL,
  price_minor     INTEGER NOT NULL DEFAULT 0,
  unit_cost_minor INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX products_category ON products(category);

CREATE TABLE orders (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  external_id    TEXT    NOT NULL,
  ordered_at     INTEGER NOT NULL,
  currency       TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  total_minor    INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  UNIQUE (customer_id, external_id)
);
CREATE INDEX orders_customer_time ON orders(customer_id, ordered_at);
CREATE INDEX orders_time ON orders(ordered_at);

CREATE TABLE order_lines (
  order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no          INTEGER NOT NULL,
  customer_id      INTEGER NOT NULL,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  description      TEXT    NOT NULL DEFAULT '',
  quantity         INTEGER NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  discount_minor   INTEGER NOT NULL DEFAULT 0,
  amount_minor     INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;

CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL,
  channel     TEXT    NOT NULL DEFAULT '',
  occurred_at INTEGER NOT NULL,
  summary     TEXT    NOT NULL DEFAULT '',
  details     TEXT    NOT NULL DEFAULT '{}',
  author      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX interactions_customer_time ON interactions(customer_id, occurred_at);

CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL DEFAULT '',
  role       TEXT    NOT NULL,
  token_hash TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0
);
