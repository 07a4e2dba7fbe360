// Platform: the audit log (GET /api/v1/audit), one entry per write or sign-in, newest first.
// Actions and entities are open sets: a value added on the server still arrives as a string.

export type AuditActorKind = 'user' | 'token' | 'cli' | 'system';

export interface AuditActor {
  kind: AuditActorKind;
  /** The user's or token's id; null for the command line and the system. */
  id: number | null;
  name: string;
  role: 'admin' | 'agent' | 'analyst' | null;
}

/** A field's value before and after; null when it had none (created) or has none (deleted). */
export interface AuditChange {
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: AuditActor;
  /** The client's address, "cli" or "system". */
  source: string;
  /** create, update, delete, import, revoke, sign_in, sign_out, disable, password, ... */
  action: string;
  /** customer, product, order, interaction, user, token, view, session, import, webhook, ... */
  entity: string;
  entity_id: string;
  customer_id: number | null;
  /** Field name -> before and after; {} when the action changes no field. */
  changes: Record<string, AuditChange>;
}
