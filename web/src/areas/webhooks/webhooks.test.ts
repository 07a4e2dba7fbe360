import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../api/client';
import { I18n, LOCALES } from '../../i18n/i18n';
import { matchRoute } from '../../router';
import { createWebhook, deleteWebhook, listDeliveries, listEventTypes, testWebhook, updateWebhook } from './api';
import type { WebhookDelivery } from './types';
import {
  ALL_EVENTS,
  choiceOf,
  deliveryStatusClass,
  deliveryStatusKey,
  eventTypeName,
  eventTypesToSend,
  fieldOf,
  KNOWN_EVENT_TYPES,
  latency,
  pingOutcome,
  signatureLines,
  statusFromQuery,
  toggleType,
  webhookName,
} from './webhooks';

const en = new I18n('en');

function delivery(change: Partial<WebhookDelivery>): WebhookDelivery {
  return {
    id: 1,
    webhook_id: 7,
    event_position: null,
    event_type: 'ping',
    customer_id: null,
    status: 'delivered',
    attempts: 1,
    last_status_code: 200,
    last_error: '',
    latency_ms: 35,
    created_at: '2026-12-07T16:00:05Z',
    next_attempt_at: null,
    finished_at: '2026-12-07T16:00:05Z',
    ...change,
  };
}

describe('event types', () => {
  it('have a name for people in every language', () => {
    for (const locale of LOCALES) {
      const i18n = new I18n(locale);
      const names = KNOWN_EVENT_TYPES.map((type) => eventTypeName(i18n, type));
      names.forEach((name, i) => expect(name, `${locale} ${KNOWN_EVENT_TYPES[i]}`).not.toBe(KNOWN_EVENT_TYPES[i]));
      expect(new Set(names).size, `${locale}: two event types share a name`).toBe(names.length);
    }
    expect(eventTypeName(en, 'order.created')).toBe('Order added');
    expect(eventTypeName(en, ALL_EVENTS)).toBe('All events');
    expect(eventTypeName(new I18n('fr'), ALL_EVENTS)).toBe('Tous les événements');
  });

  it('unknown to this version show as they are', () => {
    expect(eventTypeName(en, 'invoice.paid')).toBe('invoice.paid');
  });

  it('are sent as ticked, in the server’s order, or as ["*"] for all', () => {
    const available = ['customer.created', 'order.created', 'order.deleted'];
    let choice = choiceOf([]);
    expect(eventTypesToSend(choice, available)).toEqual([]);
    choice = toggleType(choice, 'order.deleted', true);
    choice = toggleType(choice, 'customer.created', true);
    choice = toggleType(choice, 'order.created', true);
    choice = toggleType(choice, 'order.created', false);
    expect(eventTypesToSend(choice, available)).toEqual(['customer.created', 'order.deleted']);
    // "All events" wins over single ticks, and a tick survives unticking "all".
    expect(eventTypesToSend({ ...choice, all: true }, available)).toEqual([ALL_EVENTS]);
    expect(eventTypesToSend({ ...choice, all: false }, available)).toEqual(['customer.created', 'order.deleted']);
    // A type the server no longer lists is kept rather than silently dropped.
    expect(eventTypesToSend(choiceOf(['order.created', 'legacy.thing']), available)).toEqual(['order.created', 'legacy.thing']);
  });

  it('read back from a subscription', () => {
    expect(choiceOf(['*'])).toEqual({ all: true, types: [] });
    expect(choiceOf(['order.created'])).toEqual({ all: false, types: ['order.created'] });
  });
});

describe('deliveries', () => {
  it('have a status in words: waiting, retrying, delivered or failed', () => {
    expect(deliveryStatusKey({ status: 'pending', attempts: 0 })).toBe('webhooks.status.pending');
    expect(deliveryStatusKey({ status: 'pending', attempts: 3 })).toBe('webhooks.status.retrying');
    expect(deliveryStatusKey({ status: 'delivered', attempts: 1 })).toBe('webhooks.status.delivered');
    expect(deliveryStatusKey({ status: 'failed', attempts: 12 })).toBe('webhooks.status.failed');
    expect(en.t(deliveryStatusKey({ status: 'pending', attempts: 2 }))).toBe('Retrying');
    expect(deliveryStatusClass('delivered')).toBe('badge risk-low');
    expect(deliveryStatusClass('failed')).toBe('badge risk-high');
    expect(deliveryStatusClass('pending')).toBe('badge risk-medium');
  });

  it('are filtered by a known status from the URL, else not at all', () => {
    expect(statusFromQuery(new URLSearchParams('status=failed'))).toBe('failed');
    expect(statusFromQuery(new URLSearchParams('status=bogus'))).toBeNull();
    expect(statusFromQuery(new URLSearchParams(''))).toBeNull();
  });

  it('show response times in milliseconds, the locale’s way', () => {
    expect(latency(en, 120)).toBe('120 ms');
    expect(latency(en, 1234)).toBe('1,234 ms');
    expect(latency(new I18n('fr'), 1234)).toMatch(/^1\s234\sms$/);
    for (const locale of LOCALES) expect(latency(new I18n(locale), 5)).toMatch(/5/);
  });
});

describe('a test ping', () => {
  it('delivered: the HTTP status and the response time', () => {
    const outcome = pingOutcome(en, delivery({ last_status_code: 204, latency_ms: 1234 }));
    expect(outcome).toEqual({
      ok: true,
      key: 'webhooks.testDelivered',
      params: { code: '204', latency: '1,234 ms' },
      text: 'Test ping delivered: the receiver answered HTTP 204 in 1,234 ms.',
    });
  });

  it('failed: the error as the server wrote it', () => {
    const refused = delivery({
      status: 'failed',
      last_status_code: null,
      latency_ms: 1,
      last_error: 'Failed to connect to 127.0.0.1 port 9',
    });
    expect(pingOutcome(en, refused)).toMatchObject({
      ok: false,
      key: 'webhooks.testFailed',
      params: { error: 'Failed to connect to 127.0.0.1 port 9' },
      text: 'Test ping failed: Failed to connect to 127.0.0.1 port 9',
    });
    expect(pingOutcome(en, delivery({ status: 'failed', last_status_code: 500, last_error: '' })).text).toBe(
      'Test ping failed: HTTP 500',
    );
  });

  it('keeps the status code as it is in every language', () => {
    for (const locale of LOCALES) {
      expect(pingOutcome(new I18n(locale), delivery({ last_status_code: 200 })).text).toContain('200');
    }
  });
});

describe('the signature help', () => {
  it('shows the header a receiver reads and what v1 is computed from', () => {
    expect(signatureLines(1765123456.789)).toEqual([
      'Centric-Signature: t=1765123456,v1=<hex>',
      'v1 = hex(HMAC-SHA256(secret, "1765123456." + body))',
    ]);
  });

  it('is in every catalogue and names the header', () => {
    for (const locale of LOCALES) {
      const i18n = new I18n(locale);
      expect(i18n.t('webhooks.verifyHeader')).toContain('Centric-Signature');
      expect(i18n.t('webhooks.verifyHow')).toContain('HMAC-SHA256');
    }
  });
});

describe('refusals', () => {
  it('go beside the field they name, or above the form', () => {
    expect(fieldOf(new ApiError(400, 'invalid_argument', 'must be http:// or https://', 'url'))).toBe('url');
    expect(fieldOf(new ApiError(400, 'invalid_argument', 'unknown event type', 'event_types'))).toBe('event_types');
    expect(fieldOf(new ApiError(400, 'invalid_argument', 'too short', 'secret'))).toBe('secret');
    expect(fieldOf(new ApiError(400, 'invalid_argument', 'unknown field', 'colour'))).toBeNull();
    expect(fieldOf(new ApiError(400, 'invalid_argument', 'bad body'))).toBeNull();
    expect(fieldOf(new ApiError(500, 'internal', 'boom', 'url'))).toBeNull();
    expect(fieldOf(new Error('x'))).toBeNull();
  });

  it('name a subscription by its description, else its address', () => {
    expect(webhookName({ description: ' Accounting ', url: 'https://a.example/h' })).toBe('Accounting');
    expect(webhookName({ description: '', url: 'https://a.example/h' })).toBe('https://a.example/h');
  });
});

describe('webhook pages', () => {
  it('have their paths', () => {
    expect(matchRoute('/admin/webhooks')).toEqual({ name: 'admin-webhooks' });
    expect(matchRoute('/admin/webhooks/')).toEqual({ name: 'admin-webhooks' });
    expect(matchRoute('/admin/webhooks/12')).toEqual({ name: 'admin-webhook', id: 12 });
    expect(matchRoute('/admin/webhooks/x')).toEqual({ name: 'not-found' });
  });
});

describe('webhook routes', () => {
  afterEach(() => vi.unstubAllGlobals());

  function stub(body: unknown, status = 200) {
    const calls: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : null });
        return new Response(status === 204 ? null : JSON.stringify(body), { status });
      }),
    );
    return calls;
  }

  it('ask for a page of the log with its status, cursor and limit', async () => {
    const calls = stub({ items: [], next_cursor: null });
    await listDeliveries(7, 'failed', 'c2');
    await listDeliveries(7, null, null);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/webhooks/7/deliveries?status=failed&cursor=c2&limit=50',
      '/api/v1/webhooks/7/deliveries?limit=50',
    ]);
  });

  it('add, change, test and delete with the right method and body', async () => {
    const calls = stub({});
    await createWebhook({ url: 'https://a.example/h', event_types: ['*'] });
    await updateWebhook(7, { active: false });
    await testWebhook(7);
    await listEventTypes();
    expect(calls).toEqual([
      { url: '/api/v1/webhooks', method: 'POST', body: { url: 'https://a.example/h', event_types: ['*'] } },
      { url: '/api/v1/webhooks/7', method: 'PATCH', body: { active: false } },
      { url: '/api/v1/webhooks/7/test', method: 'POST', body: null },
      { url: '/api/v1/event-types', method: 'GET', body: null },
    ]);
    const deleted = stub(null, 204);
    await expect(deleteWebhook(7)).resolves.toBeUndefined();
    expect(deleted).toEqual([{ url: '/api/v1/webhooks/7', method: 'DELETE', body: null }]);
  });
});
