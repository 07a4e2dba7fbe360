// The one place that talks HTTP. Every call is a same-origin fetch with the session cookie;
// writes carry the CSRF token kept in memory (re-read from GET /api/v1/session on load).
import type {
  CategoriesReport,
  ClvReport,
  CohortsReport,
  CustomerFilters,
  CustomerListItem,
  CustomerWithTimeline,
  ErrorBody,
  InteractionInput,
  Order,
  Page,
  Prediction,
  Recommendations,
  RfmReport,
  Role,
  RulesReport,
  SavedView,
  Session,
  Summary,
  TiersReport,
  TimelineEvent,
  User,
} from './types';

export const API_BASE = '/api/v1';

/** A failed call: the HTTP status and the server's error body, when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    /** Seconds from Retry-After on 429 and 503. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request other than the session's own answers 401 (the session ended). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type QueryValue = string | number | boolean | null | undefined;

/** "?a=1&b=x" from the non-empty values, in the order given; "" when none. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(API_BASE + path + buildQuery(options.query ?? {}), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    if (response.status === 401 && !path.startsWith('/session') && onUnauthenticated) {
      onUnauthenticated();
    }
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.field ?? null,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  return body as T;
}

/** GET of a route that answers 404 until an analysis (or cross-sell model) exists: null then. */
export async function getOptional<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T | null> {
  try {
    return await request<T>('GET', path, { query, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

// Session.
export const getSession = () => request<Session>('GET', '/session');
export const signIn = (email: string, password: string) =>
  request<Session>('POST', '/session', { body: { email, password } });
export const signOut = () => request<void>('DELETE', '/session');

// Customers.
export const PAGE_SIZE = 25;

export function listCustomers(
  filters: CustomerFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<CustomerListItem>> {
  return request('GET', '/customers', {
    query: { ...filters, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

/** The CSV download of the customers matching the filters (a plain link: the cookie goes too). */
export function exportCsvUrl(filters: CustomerFilters): string {
  return `${API_BASE}/customers/export.csv${buildQuery({ ...filters })}`;
}

export const getCustomer = (id: number) =>
  request<CustomerWithTimeline>('GET', `/customers/${id}`, { query: { events: 20 } });
export const getTimeline = (id: number, cursor: string | null) =>
  request<Page<TimelineEvent>>('GET', `/customers/${id}/timeline`, {
    query: { cursor, limit: 20 },
  });
export const getPrediction = (id: number) =>
  getOptional<Prediction>(`/customers/${id}/predictions`);
export const getRecommendations = (id: number) =>
  getOptional<Recommendations>(`/customers/${id}/recommendations`, { limit: 5 });
export const listOrders = (customerId: number, cursor: string | null) =>
  request<Page<Order>>('GET', '/orders', {
    query: { customer_id: customerId, cursor, limit: 10 },
  });
export const createInteraction = (input: InteractionInput) =>
  request<unknown>('POST', '/interactions', { body: input });

// Analytics: null before the first analysis.
export const getSummary = () => getOptional<Summary>('/analytics/summary');
export const getRfm = () => getOptional<RfmReport>('/analytics/rfm');
export const getCohorts = () => getOptional<CohortsReport>('/analytics/cohorts');
export const getClv = () => getOptional<ClvReport>('/analytics/clv');
export const getTiers = () => getOptional<TiersReport>('/analytics/tiers');
export const getCategories = () => getOptional<CategoriesReport>('/analytics/categories');

export interface RuleFilters {
  level: 'category' | 'product';
  min_lift?: number | null;
  min_confidence?: number | null;
}

export const getRules = (filters: RuleFilters) =>
  getOptional<RulesReport>('/analytics/basket/rules', {
    level: filters.level,
    limit: 50,
    min_lift: filters.min_lift,
    min_confidence: filters.min_confidence,
  });

// Saved views of the signed-in user.
export const listViews = () => request<{ items: SavedView[] }>('GET', '/views');
export const createView = (name: string, query: CustomerFilters) =>
  request<SavedView>('POST', '/views', { body: { name, query } });
export const deleteView = (id: number) => request<void>('DELETE', `/views/${id}`);

// Users (admins only).
export const listUsers = () => request<{ items: User[] }>('GET', '/users');
export const createUser = (input: { email: string; name: string; role: Role; password: string }) =>
  request<User>('POST', '/users', { body: input });
export const updateUser = (
  id: number,
  change: { role?: Role; disabled?: boolean; password?: string },
) => request<User>('PATCH', `/users/${id}`, { body: change });
