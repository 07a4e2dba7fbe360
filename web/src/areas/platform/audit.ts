// Pure helpers of the audit log page: its filters in the URL and in the API's query, and the
// changes of an entry as text.
import { toIsoSeconds } from '../../lib/time';

export const AUDIT_FILTER_KEYS = ['actor', 'entity', 'entity_id', 'customer_id', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/** The page's filters as typed: from and to are calendar days (YYYY-MM-DD) in the viewer's
 *  time zone; customer_id is a whole number. */
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** The entities the server names today, for the filter's choices (the set is open). */
export const AUDIT_ENTITIES = [
  'customer',
  'product',
  'order',
  'interaction',
  'user',
  'token',
  'view',
  'session',
  'import',
  'retention_run',
  'crosssell_run',
  'webhook',
] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function valid(key: AuditFilterKey, value: string): boolean {
  if (key === 'customer_id') return /^[1-9]\d{0,15}$/.test(value);
  if (key === 'from' || key === 'to') return localDay(value) !== null;
  return true;
}

/** Midnight at the start of a YYYY-MM-DD day in the viewer's time zone; null if no such day. */
export function localDay(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(y, mo, d);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

/** The filters a page URL carries; blank and malformed values are left out. */
export function auditFiltersFromQuery(query: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = query.get(key)?.trim();
    if (value && valid(key, value)) filters[key] = value;
  }
  return filters;
}

/** "?actor=ana&from=2026-12-01" for the page's own URL; "" without filters. */
export function auditPageQuery(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value && valid(key, value)) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The filters as GET /api/v1/audit takes them: "from" is the start of its day and "to" the
 *  start of the day after (so the whole last day counts), as UTC instants. */
export function auditApiQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (!value || !valid(key, value)) continue;
    if (key === 'from' || key === 'to') {
      const start = localDay(value)!;
      if (key === 'to') start.setDate(start.getDate() + 1);
      query[key] = toIsoSeconds(start);
    } else {
      query[key] = value;
    }
  }
  return query;
}

/** A recorded value as plain text: null when there was none. Objects and lists (an open set
 *  of shapes) are shown as JSON. */
export function auditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export interface ChangeLine {
  field: string;
  before: string | null;
  after: string | null;
}

/** The changes of an entry in the server's order, values as text. */
export function changeLines(changes: Record<string, { before?: unknown; after?: unknown }> | null | undefined): ChangeLine[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes).map(([field, change]) => ({
    field,
    before: auditValue(change?.before),
    after: auditValue(change?.after),
  }));
}

/** text cut to at most max characters (whole code points), with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** A message with {placeholders} cut into its text and its placeholders, so that each value
 *  can be put in its own element (a <bdi>) instead of being pasted into the sentence. */
export function templateParts(template: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ name: m[1]! });
    last = m.index! + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}
