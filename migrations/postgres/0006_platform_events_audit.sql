-- Platform: the event outbox and the audit log. Both are appended to in the same transaction
-- as the write they describe, and never changed afterwards (the trigger refuses it). They are
-- read in position order across customers, so under Citus they stay local to the coordinator.

-- Domain events. Writers take an advisory transaction lock before appending
-- (PostgresConnection::LockOutbox), so positions commit in order and a consumer reading by
-- position never passes over an event that commits late.
CREATE TABLE events (
  position    bigserial   PRIMARY KEY,
  type        text        NOT NULL,
  customer_id bigint,
  actor_kind  text        NOT NULL,
  actor_id    bigint,
  actor_name  text        NOT NULL,
  at          timestamptz NOT NULL,
  payload     jsonb       NOT NULL
);
CREATE INDEX events_customer ON events(customer_id, position);

CREATE TABLE event_cursors (
  consumer   text        PRIMARY KEY,
  position   bigint      NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  id          bigserial   PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_kind  text        NOT NULL,
  actor_id    bigint,
  actor_name  text        NOT NULL,
  actor_role  text,
  source      text        NOT NULL,
  action      text        NOT NULL,
  entity      text        NOT NULL,
  entity_id   text        NOT NULL,
  customer_id bigint,
  changes     jsonb       NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_log_customer ON audit_log(customer_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor_name, id);
CREATE INDEX audit_log_at ON audit_log(at, id);

CREATE FUNCTION centric_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION centric_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION centric_append_only();
