// Webhook routes (admins only; others get 403): subscriptions, their delivery logs, test pings
// and the event types one can subscribe to.
import { request } from '../../api/client';
import type { Page } from '../../api/types';
import type { DeliveryStatus, EventType, NewWebhook, Webhook, WebhookChange, WebhookDelivery, WebhookInput } from './types';

export const DELIVERY_PAGE_SIZE = 50;

export const listWebhooks = () => request<Page<Webhook>>('GET', '/webhooks');
export const getWebhook = (id: number) => request<Webhook>('GET', `/webhooks/${id}`);
/** The answer carries the signing secret, which no other route ever shows. */
export const createWebhook = (input: WebhookInput) => request<NewWebhook>('POST', '/webhooks', { body: input });
export const updateWebhook = (id: number, change: WebhookChange) =>
  request<Webhook>('PATCH', `/webhooks/${id}`, { body: change });
/** Removes the subscription and its whole delivery log. */
export const deleteWebhook = (id: number) => request<void>('DELETE', `/webhooks/${id}`);
/** Sends a signed ping now and answers with its log line; the server waits at most 5 s. */
export const testWebhook = (id: number) => request<WebhookDelivery>('POST', `/webhooks/${id}/test`);
export const listEventTypes = () => request<{ items: EventType[] }>('GET', '/event-types');

/** One page of a subscription's delivery log, newest first. */
export function listDeliveries(
  id: number,
  status: DeliveryStatus | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<WebhookDelivery>> {
  return request('GET', `/webhooks/${id}/deliveries`, {
    query: { status, cursor, limit: DELIVERY_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}
