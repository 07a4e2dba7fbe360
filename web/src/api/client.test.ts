// The HTTP client against a stubbed fetch: what it sends (cookie mode, CSRF header on writes,
// the query) and how it reads answers (errors, 204, 404 as "nothing yet", 401).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signIn } from '../areas/access/api';
import { createInteraction, customersExportUrl, listCustomers } from '../areas/customers/api';
import { getSummary } from '../areas/retention/api';
import { ApiError, buildQuery, EXPORT_FORMATS, request, setCsrfToken, setUnauthenticatedHandler } from './client';

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    }),
  );
}

beforeEach(() => {
  calls = [];
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});
afterEach(() => vi.unstubAllGlobals());

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ q: 'mai d', cursor: null, limit: 25, tier: '', x: undefined })).toBe('?q=mai+d&limit=25');
    expect(buildQuery({})).toBe('');
  });
});

describe('request', () => {
  it('sends the cookie, and the CSRF token on writes only', async () => {
    setCsrfToken('tok-1');
    answer(200, { items: [], next_cursor: null });
    await listCustomers({ q: 'ana', segment: 'at_risk', sort: '-clv' }, 'i50');
    answer(201, { id: 9 });
    await createInteraction({ customer_id: 4, kind: 'note', channel: '', summary: 'hi', occurred_at: '2025-01-01T00:00:00Z' });

    expect(calls[0]!.url).toBe('/api/v1/customers?q=ana&segment=at_risk&sort=-clv&cursor=i50&limit=25');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect((calls[0]!.init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]!.init.method).toBe('POST');
    expect((calls[1]!.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-1');
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({
      customer_id: 4,
      kind: 'note',
      channel: '',
      summary: 'hi',
      occurred_at: '2025-01-01T00:00:00Z',
    });
  });

  it('turns the error body into an ApiError', async () => {
    answer(400, { error: { code: 'invalid_argument', message: 'must be a string', field: 'name' } });
    const error = await request('GET', '/customers').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_argument', field: 'name', message: 'must be a string' });
  });

  it('reads Retry-After on 429', async () => {
    answer(429, { error: { code: 'resource_exhausted', message: 'slow down', field: null } }, { 'Retry-After': '30' });
    await expect(signIn('a@b.c', 'x')).rejects.toMatchObject({ status: 429, retryAfter: 30 });
  });

  it('answers undefined for 204', async () => {
    answer(204);
    await expect(request('DELETE', '/session')).resolves.toBeUndefined();
  });

  it('a 404 from an analytics route means "no analysis yet"', async () => {
    answer(404, { error: { code: 'not_found', message: 'no analysis yet', field: null } });
    await expect(getSummary()).resolves.toBeNull();
    answer(500, { error: { code: 'internal', message: 'bug', field: null } });
    await expect(getSummary()).rejects.toMatchObject({ status: 500 });
  });

  it('a 401 outside the session routes reports the session as ended', async () => {
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    answer(401, { error: { code: 'unauthenticated', message: 'no', field: null } });
    await expect(request('GET', '/customers')).rejects.toMatchObject({ status: 401 });
    await expect(signIn('a@b.c', 'wrong')).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a network failure is an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(request('GET', '/customers')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('customersExportUrl', () => {
  it('carries the same filters as the list, as CSV and as XLSX', () => {
    expect(customersExportUrl('csv', { segment: 'champions', language: 'fr' })).toBe(
      '/api/v1/customers/export.csv?segment=champions&language=fr',
    );
    expect(customersExportUrl('xlsx', { segment: 'champions', language: 'fr' })).toBe(
      '/api/v1/customers/export.xlsx?segment=champions&language=fr',
    );
    expect(customersExportUrl('csv', {})).toBe('/api/v1/customers/export.csv');
    expect(customersExportUrl('xlsx', {})).toBe('/api/v1/customers/export.xlsx');
  });

  it('gives both formats exactly the same query, every filter included', () => {
    const filters = { q: 'ana mar', segment: 'at_risk', tier: 'gold', risk: 'high', category: 'Home & Garden', language: 'ca', country: 'ES', sort: '-clv' };
    const [csv, xlsx] = EXPORT_FORMATS.map((format) => new URL(customersExportUrl(format, filters), 'http://x'));
    expect(csv!.pathname).toBe('/api/v1/customers/export.csv');
    expect(xlsx!.pathname).toBe('/api/v1/customers/export.xlsx');
    expect(xlsx!.search).toBe(csv!.search);
    expect(Object.fromEntries(xlsx!.searchParams)).toEqual(filters);
  });
});
