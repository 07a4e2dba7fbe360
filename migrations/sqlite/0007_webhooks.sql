-- Webhooks: subscriptions of URLs to event types, and the log of each delivery.

-- The secret signs every delivery (HMAC-SHA256), so it is kept as given; it is shown once, at
-- creation, and never in the audit log. start_position: the last event before the
-- subscription existed; it receives only later ones. event_types is a JSON array.
CREATE TABLE webhook_subscriptions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  url            TEXT    NOT NULL,
  event_types    TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  secret         TEXT    NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1,
  start_position INTEGER NOT NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

-- One row per event and subscription (event_position NULL for a test ping). lane orders the
-- deliveries of one customer: the next is sent only after the one before it is settled.
-- Times are Unix seconds, except next_attempt_at in milliseconds (retries start at fractions
-- of a second in tests).
CREATE TABLE webhook_deliveries (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id  INTEGER NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_position   INTEGER,
  event_type       TEXT    NOT NULL,
  lane             INTEGER,
  status           TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_status_code INTEGER,
  last_error       TEXT    NOT NULL DEFAULT '',
  latency_ms       INTEGER,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER,
  UNIQUE (subscription_id, event_position)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at, id)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_lane ON webhook_deliveries(subscription_id, lane, id)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(subscription_id, id);
