// Webhooks: subscriptions of http(s) URLs to event types and their delivery logs
// (/api/v1/webhooks, /api/v1/event-types; admins only). Event types are an open set: a type
// added on the server still arrives as a string.

/** "*" subscribes to every event type, including ones added later. */
export type EventType = string;

export interface Webhook {
  id: number;
  url: string;
  /** The event types delivered; ["*"] for all. */
  event_types: EventType[];
  description: string;
  /** false: paused; events that happen while paused are not sent. */
  active: boolean;
  /** ISO 8601, UTC. */
  created_at: string;
  updated_at: string;
}

/** The answer to a create: the only place the signing secret ever appears. */
export interface NewWebhook extends Webhook {
  secret: string;
}

export interface WebhookInput {
  url: string;
  event_types: EventType[];
  description?: string;
  /** At least 32 bytes; left out, the server makes one (whsec_...). */
  secret?: string;
}

export interface WebhookChange {
  url?: string;
  event_types?: EventType[];
  description?: string;
  active?: boolean;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One line of a subscription's delivery log (an event, or a test ping). */
export interface WebhookDelivery {
  id: number;
  webhook_id: number;
  /** The event's position in the event log; null for a test ping. */
  event_position: number | null;
  /** The event's type, or "ping" for a test ping. */
  event_type: string;
  customer_id: number | null;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  /** "" when the last attempt had no error. */
  last_error: string;
  latency_ms: number | null;
  created_at: string;
  /** When pending: the next try. */
  next_attempt_at: string | null;
  finished_at: string | null;
}
