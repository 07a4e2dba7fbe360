-- Centric schema, PostgreSQL 15. Times are timestamptz (UTC); money is bigint minor units.
-- Ready for Citus: every customer-owned table carries customer_id and has it in its primary
-- and unique keys, so create_distributed_table(..., 'customer_id') works without a redesign;
-- products and api_tokens are small reference tables. See docs/architecture.md.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; search needs an IMMUTABLE wrapper to be used in an index. ASCII
-- punctuation separates words, as in the SQLite backend's tokenizer ("EXT-44" is "ext 44").
CREATE FUNCTION centric_search_text(name text, emails jsonb, external_id text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', regexp_replace(
    public.unaccent('public.unaccent'::regdictionary,
      coalesce(name, '') || ' ' || coalesce(emails::text, '') || ' ' || coalesce(external_id, '')),
    '[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]', ' ', 'g'))
$$;

CREATE TABLE customers (
  id                 bigserial   PRIMARY KEY,
  external_id        text        NOT NULL UNIQUE,
  name               text        NOT NULL DEFAULT '',
  emails             jsonb       NOT NULL DEFAULT '[]',
  phones             jsonb       NOT NULL DEFAULT '[]',
  preferred_language text        NOT NULL DEFAULT '',
  country            text        NOT NULL DEFAULT '',
  time_zone          text        NOT NULL DEFAULT '',
  first_seen         timestamptz,
  consent            jsonb       NOT NULL DEFAULT '{}',
  tags               jsonb       NOT NULL DEFAULT '[]',
  attributes         jsonb       NOT NULL DEFAULT '{}',
  account_owner      text        NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  search             tsvector GENERATED ALWAYS AS (centric_search_text(name, emails, external_id)) STORED
);
CREATE INDEX customers_search ON customers USING gin (search);

CREATE TABLE products (
  id              bigserial   PRIMARY KEY,
  sku             text        NOT NULL UNIQUE,
  name            text        NOT NULL DEFAULT '',
  category        text        NOT NULL DEFAULT '',
  currency        text        NOT NULL,
  price_minor     bigint      NOT NULL DEFAULT 0,
  unit_cost_minor bigint      NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX products_category ON products(category text_pattern_ops);

CREATE TABLE orders (
  id             bigserial   NOT NULL,
  customer_id    bigint      NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  external_id    text        NOT NULL,
  ordered_at     timestamptz NOT NULL,
  currency       text        NOT NULL,
  status         text        NOT NULL,
  total_minor    bigint      NOT NULL,
  discount_minor bigint      NOT NULL,
  PRIMARY KEY (customer_id, id),
  UNIQUE (customer_id, external_id)
);
CREATE INDEX orders_id ON orders(id);
CREATE INDEX orders_customer_time ON orders(customer_id, ordered_at);
CREATE INDEX orders_time ON orders(ordered_at);

CREATE TABLE order_lines (
  customer_id      bigint NOT NULL,
  order_id         bigint NOT NULL,
  line_no          integer NOT NULL,
  product_id       bigint NOT NULL REFERENCES products(id),
  description      text   NOT NULL DEFAULT '',
  quantity         bigint NOT NULL,
  unit_price_minor bigint NOT NULL,
  discount_minor   bigint NOT NULL DEFAULT 0,
  amount_minor     bigint NOT NULL,
  PRIMARY KEY (customer_id, order_id, line_no),
  FOREIGN KEY (customer_id, order_id) REFERENCES orders(customer_id, id) ON DELETE CASCADE
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE interactions (
  id          bigserial   NOT NULL,
  customer_id bigint      NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind        text        NOT NULL,
  channel     text        NOT NULL DEFAULT '',
  occurred_at timestamptz NOT NULL,
  summary     text        NOT NULL DEFAULT '',
  details     jsonb       NOT NULL DEFAULT '{}',
  author      text        NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (customer_id, id)
);
CREATE INDEX interactions_id ON interactions(id);
CREATE INDEX interactions_customer_time ON interactions(customer_id, occurred_at);

CREATE TABLE api_tokens (
  id         bigserial   PRIMARY KEY,
  name       text        NOT NULL DEFAULT '',
  role       text        NOT NULL,
  token_hash text        NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked    boolean     NOT NULL DEFAULT false
);
