import { afterEach, describe, expect, it, vi } from 'vitest';

import { EXPORT_FORMATS } from '../../api/client';
import { toIsoSeconds } from '../../lib/time';
import { auditExportUrl, listAudit } from './api';
import {
  auditApiQuery,
  auditFiltersFromQuery,
  auditPageQuery,
  auditValue,
  changeLines,
  localDay,
  shorten,
  templateParts,
} from './audit';

describe('audit filters', () => {
  it('read from the URL, leaving out blank and malformed values', () => {
    const filters = auditFiltersFromQuery(
      new URLSearchParams('actor=%20ana%40example.com%20&entity=&entity_id=42&customer_id=x7&from=2026-12-01&to=2026-02-30&bogus=1'),
    );
    expect(filters).toEqual({ actor: 'ana@example.com', entity_id: '42', from: '2026-12-01' });
    expect(auditFiltersFromQuery(new URLSearchParams('customer_id=0'))).toEqual({});
    expect(auditFiltersFromQuery(new URLSearchParams('customer_id=42'))).toEqual({ customer_id: '42' });
  });

  it('round-trip through the page URL in a fixed order', () => {
    const query = auditPageQuery({ to: '2026-12-07', actor: 'ana', entity: 'order', customer_id: '42' });
    expect(query).toBe('?actor=ana&entity=order&customer_id=42&to=2026-12-07');
    expect(auditFiltersFromQuery(new URLSearchParams(query))).toEqual({
      actor: 'ana',
      entity: 'order',
      customer_id: '42',
      to: '2026-12-07',
    });
    expect(auditPageQuery({ actor: ' ', customer_id: 'abc' })).toBe('');
  });

  it('send whole days to the API: from the start of "from" to the start of the day after "to"', () => {
    const query = auditApiQuery({ actor: 'ana', from: '2026-12-01', to: '2026-12-31', customer_id: '42' });
    expect(query).toEqual({
      actor: 'ana',
      customer_id: '42',
      from: toIsoSeconds(new Date(2026, 11, 1)),
      to: toIsoSeconds(new Date(2027, 0, 1)),
    });
    expect(query.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(auditApiQuery({})).toEqual({});
  });

  it('know which days exist', () => {
    expect(localDay('2024-02-29')?.getDate()).toBe(29);
    expect(localDay('2025-02-29')).toBeNull();
    expect(localDay('2025-1-5')).toBeNull();
  });
});

describe('audit changes', () => {
  it('are listed in the server’s order, values as text, null for none', () => {
    expect(
      changeLines({
        name: { before: 'Old', after: 'New' },
        email: { before: null, after: 'x@y' },
        vip: { before: true, after: false },
        limit: { before: 5, after: null },
        tags: { before: ['a'], after: { b: 1 } },
      }),
    ).toEqual([
      { field: 'name', before: 'Old', after: 'New' },
      { field: 'email', before: null, after: 'x@y' },
      { field: 'vip', before: 'true', after: 'false' },
      { field: 'limit', before: '5', after: null },
      { field: 'tags', before: '["a"]', after: '{"b":1}' },
    ]);
    expect(changeLines({})).toEqual([]);
    expect(changeLines(null)).toEqual([]);
  });

  it('keep markup as plain text', () => {
    expect(auditValue('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(auditValue(undefined)).toBeNull();
    expect(auditValue('')).toBe('');
  });

  it('cut long values on whole characters', () => {
    expect(shorten('abcdef', 6)).toBe('abcdef');
    expect(shorten('abcdefg', 6)).toBe('abcde…');
    expect(shorten('😀😀😀', 2)).toBe('😀…');
  });

  it('cut a message into text and placeholders', () => {
    expect(templateParts('{field}: {before} → {after}')).toEqual([
      { name: 'field' },
      { text: ': ' },
      { name: 'before' },
      { text: ' → ' },
      { name: 'after' },
    ]);
    expect(templateParts('no placeholder')).toEqual([{ text: 'no placeholder' }]);
  });
});

describe('audit routes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('export links carry the same filters as the list, as CSV and as XLSX', () => {
    const query = { actor: 'ana', customer_id: '42' };
    expect(auditExportUrl('csv', query)).toBe('/api/v1/audit/export.csv?actor=ana&customer_id=42');
    expect(auditExportUrl('xlsx', query)).toBe('/api/v1/audit/export.xlsx?actor=ana&customer_id=42');
    expect(auditExportUrl('csv', {})).toBe('/api/v1/audit/export.csv');
    expect(auditExportUrl('xlsx', {})).toBe('/api/v1/audit/export.xlsx');
  });

  it('both export formats take exactly the same query, every filter and the day bounds included', () => {
    const query = auditApiQuery({
      actor: 'ana@example.com',
      entity: 'customer',
      entity_id: 'c-7',
      customer_id: '42',
      from: '2026-12-01',
      to: '2026-12-31',
    });
    const [csv, xlsx] = EXPORT_FORMATS.map((format) => new URL(auditExportUrl(format, query), 'http://x'));
    expect(csv!.pathname).toBe('/api/v1/audit/export.csv');
    expect(xlsx!.pathname).toBe('/api/v1/audit/export.xlsx');
    expect(xlsx!.search).toBe(csv!.search);
    expect(Object.fromEntries(xlsx!.searchParams)).toEqual(query);
    expect(Object.keys(query)).toEqual(['actor', 'entity', 'entity_id', 'customer_id', 'from', 'to']);
  });

  it('a page is asked for with its cursor and a limit', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return new Response(JSON.stringify({ items: [], next_cursor: null }), { status: 200 });
      }),
    );
    await expect(listAudit({ entity: 'order' }, 'c2')).resolves.toEqual({ items: [], next_cursor: null });
    expect(urls).toEqual(['/api/v1/audit?entity=order&cursor=c2&limit=50']);
  });
});
