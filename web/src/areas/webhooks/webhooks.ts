// Pure helpers of the webhooks pages: event types and their names, the choice of event types
// in the form, delivery statuses as words, the outcome of a test ping, the signature a
// receiver checks, and which form field a refusal from the server belongs to.
import { ApiError } from '../../api/client';
import type { I18n, MessageKey } from '../../i18n/i18n';
import type { DeliveryStatus, EventType, WebhookDelivery } from './types';

/** Subscribes to every event type, including ones the server adds later. */
export const ALL_EVENTS = '*';

/** The event types the server names today (GET /api/v1/event-types is the authority). */
export const KNOWN_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'order.created',
  'order.updated',
  'order.deleted',
  'interaction.logged',
  'interaction.updated',
  'interaction.deleted',
  'import.completed',
] as const;

/** A test ping's event type in the delivery log. */
export const PING = 'ping';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** The fields of the subscription form a refusal can name. */
export const WEBHOOK_FIELDS = ['url', 'event_types', 'description', 'secret'] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

/** An event type's name for people ("Order placed"); "*" is "All events"; an unknown type
 *  shows as it is. */
export function eventTypeName(i18n: I18n, type: EventType): string {
  if (type === ALL_EVENTS) return i18n.t('webhooks.allEvents');
  return i18n.tDynamic(`webhooks.event.${type}`, type);
}

/** What the form's checkboxes say: every event, or these types. */
export interface EventChoice {
  all: boolean;
  types: EventType[];
}

export function choiceOf(types: readonly EventType[]): EventChoice {
  return types.includes(ALL_EVENTS) ? { all: true, types: [] } : { all: false, types: [...types] };
}

/** The choice with one type ticked or not. */
export function toggleType(choice: EventChoice, type: EventType, on: boolean): EventChoice {
  const types = choice.types.filter((t) => t !== type);
  if (on) types.push(type);
  return { all: choice.all, types };
}

/** The event_types to send: ["*"] for every event, else the ticked types in the order of the
 *  server's list (then any others); [] when none is ticked. */
export function eventTypesToSend(choice: EventChoice, available: readonly EventType[]): EventType[] {
  if (choice.all) return [ALL_EVENTS];
  const ticked = new Set(choice.types);
  const known = available.filter((t) => ticked.has(t));
  return [...known, ...choice.types.filter((t) => !available.includes(t))];
}

/** The catalogue key of a delivery's status: a pending delivery that was tried already is
 *  being retried, one never tried yet is waiting. */
export function deliveryStatusKey(d: Pick<WebhookDelivery, 'status' | 'attempts'>): MessageKey {
  switch (d.status) {
    case 'delivered':
      return 'webhooks.status.delivered';
    case 'failed':
      return 'webhooks.status.failed';
    default:
      return d.attempts > 0 ? 'webhooks.status.retrying' : 'webhooks.status.pending';
  }
}

/** The badge colour of a status (the same classes as the churn risks). */
export function deliveryStatusClass(status: DeliveryStatus | string): string {
  return status === 'delivered' ? 'badge risk-low' : status === 'failed' ? 'badge risk-high' : 'badge risk-medium';
}

/** The status filter of the log as the URL carries it; null for "any". */
export function statusFromQuery(query: URLSearchParams): DeliveryStatus | null {
  const value = query.get('status');
  return (DELIVERY_STATUSES as readonly string[]).includes(value ?? '') ? (value as DeliveryStatus) : null;
}

/** A response time in the locale's words for milliseconds ("120 ms"). */
export function latency(i18n: I18n, ms: number): string {
  return i18n.number(ms, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 });
}

/** What a test ping's log line means, in one sentence: delivered with its HTTP status and
 *  response time, or failed with the error. key and params let the page put each value in its
 *  own <bdi> (an error from the server is English text, an address runs left to right); text
 *  is the whole sentence. */
export function pingOutcome(
  i18n: I18n,
  d: WebhookDelivery,
): { ok: boolean; key: MessageKey; params: Record<string, string>; text: string } {
  let ok = false;
  let key: MessageKey;
  let params: Record<string, string> = {};
  if (d.status === 'delivered') {
    ok = true;
    key = 'webhooks.testDelivered';
    params = {
      // Status codes are identifiers: never grouped or written with other digits.
      code: d.last_status_code === null ? '—' : String(d.last_status_code),
      latency: d.latency_ms === null ? '—' : latency(i18n, d.latency_ms),
    };
  } else if (d.status === 'failed') {
    key = 'webhooks.testFailed';
    params = { error: d.last_error || (d.last_status_code !== null ? `HTTP ${d.last_status_code}` : '—') };
  } else {
    key = deliveryStatusKey(d);
  }
  return { ok, key, params, text: i18n.t(key, params) };
}

export const SIGNATURE_HEADER = 'Centric-Signature';

/** The header a receiver reads and how v1 is computed, as two lines of code notation (the same
 *  in every language; the page explains them in words). t is a sample time in Unix seconds. */
export function signatureLines(t: number): [string, string] {
  const seconds = Math.floor(t);
  return [
    `${SIGNATURE_HEADER}: t=${seconds},v1=<hex>`,
    `v1 = hex(HMAC-SHA256(secret, "${seconds}." + body))`,
  ];
}

/** The form field a refusal from the server names, if the form has it; null otherwise (the
 *  message then goes above the form). */
export function fieldOf(error: unknown): WebhookField | null {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return null;
  return (WEBHOOK_FIELDS as readonly string[]).includes(error.field ?? '') ? (error.field as WebhookField) : null;
}

/** The name of a subscription in sentences: its description, else its URL. */
export function webhookName(hook: { description: string; url: string }): string {
  return hook.description.trim() || hook.url;
}
