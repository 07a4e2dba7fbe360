-- People who sign in to the web app: accounts (password hashes only, Argon2id), their sessions
-- (by hash of the session secret) and their saved customer-list views. Small tables: under
-- Citus they are reference tables.
CREATE TABLE users (
  id            bigserial   PRIMARY KEY,
  email         text        NOT NULL UNIQUE,
  name          text        NOT NULL DEFAULT '',
  role          text        NOT NULL,
  password_hash text        NOT NULL,
  disabled      boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash text        PRIMARY KEY,
  user_id    bigint      NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text        NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE saved_views (
  id         bigserial   PRIMARY KEY,
  user_id    bigint      NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name       text        NOT NULL,
  query      jsonb       NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, name)
);
