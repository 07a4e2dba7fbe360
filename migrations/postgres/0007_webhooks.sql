-- Webhooks: subscriptions of URLs to event types, and the log of each delivery.

-- The secret signs every delivery (HMAC-SHA256), so it is kept as given; it is shown once, at
-- creation, and never in the audit log. start_position: the last event before the
-- subscription existed; it receives only later ones.
CREATE TABLE webhook_subscriptions (
  id             bigserial   PRIMARY KEY,
  url            text        NOT NULL,
  event_types    jsonb       NOT NULL,
  description    text        NOT NULL DEFAULT '',
  secret         text        NOT NULL,
  active         boolean     NOT NULL DEFAULT true,
  start_position bigint      NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);

-- One row per event and subscription (event_position NULL for a test ping). lane orders the
-- deliveries of one customer: the next is sent only after the one before it is settled.
CREATE TABLE webhook_deliveries (
  id               bigserial   PRIMARY KEY,
  subscription_id  bigint      NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_position   bigint,
  event_type       text        NOT NULL,
  lane             bigint,
  status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_status_code integer,
  last_error       text        NOT NULL DEFAULT '',
  latency_ms       bigint,
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  UNIQUE (subscription_id, event_position)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at, id)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_lane ON webhook_deliveries(subscription_id, lane, id)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(subscription_id, id);
