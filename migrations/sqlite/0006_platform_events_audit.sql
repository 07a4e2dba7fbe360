-- Platform: the event outbox and the audit log. Both are appended to in the same transaction
-- as the write they describe, and never changed afterwards (the triggers refuse it).

-- Domain events in commit order. AUTOINCREMENT never reuses a position, even after the last
-- row is gone, so a consumer's cursor stays meaningful. customer_id has no foreign key: an
-- event outlives the row it speaks of.
CREATE TABLE events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  type        TEXT    NOT NULL,
  customer_id INTEGER,
  actor_kind  TEXT    NOT NULL,
  actor_id    INTEGER,
  actor_name  TEXT    NOT NULL,
  at          INTEGER NOT NULL,
  payload     TEXT    NOT NULL
);
CREATE INDEX events_customer ON events(customer_id, position);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- Each consumer's position: the last event it has handled.
CREATE TABLE event_cursors (
  consumer   TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Who changed what, when and from where. changes is {"field": {"before": .., "after": ..}}
-- and never holds a secret.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  actor_kind  TEXT    NOT NULL,
  actor_id    INTEGER,
  actor_name  TEXT    NOT NULL,
  actor_role  TEXT,
  source      TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  entity_id   TEXT    NOT NULL,
  customer_id INTEGER,
  changes     TEXT    NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_log_customer ON audit_log(customer_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor_name, id);
CREATE INDEX audit_log_at ON audit_log(at, id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
