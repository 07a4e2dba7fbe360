// Customers: search as you type, filters and sort in the URL, server-side cursor paging,
// saved views and the CSV and Excel (.xlsx) exports of the current view.
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { ExportLinks } from '../../components/export-links';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, errorMessage, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import {
  CUSTOMER_LANGUAGES,
  RISKS,
  riskName,
  SEGMENTS,
  segmentName,
  serviceName,
  SERVICE_OF_TIER,
  SORTS,
  sortName,
  TIERS,
  tierName,
} from '../../lib/labels';
import { navigate, Link, useLocation } from '../../router';
import { createView, customersExportUrl, deleteView, listCustomers, listViews } from './api';
import { filtersFromQuery, normalizeFilters, queryFromFilters, sameFilters } from './filters';
import type { CustomerFilters, CustomerListItem, SavedView } from './types';

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; page: Page<CustomerListItem> }
  | { status: 'error'; error: unknown };

export function CustomersPage() {
  const i18n = useI18n();
  const location = useLocation();
  const filters = filtersFromQuery(location.query);
  const filterKey = queryFromFilters(filters);

  // Cursors of the pages up to the current one (the current page's is last), for one set of
  // filters: new filters start again at the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  const setCursors = (change: (c: (string | null)[]) => (string | null)[]) =>
    setPaging({ key: filterKey, cursors: change(cursors) });
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const cursor = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    const abort = new AbortController();
    setList({ status: 'loading' });
    listCustomers(filters, cursor, abort.signal).then(
      (page) => setList({ status: 'ready', page }),
      (error: unknown) => {
        if (!abort.signal.aborted) setList({ status: 'error', error });
      },
    );
    return () => abort.abort();
    // filters is derived from filterKey.
  }, [filterKey, cursor, attempt]);

  function update(change: Partial<CustomerFilters>) {
    navigate(`/customers${queryFromFilters({ ...filters, ...change })}`, { replace: true });
  }

  const pageNumber = cursors.length;
  return (
    <section class="page">
      <PageHeader title={i18n.t('customers.title')}>
        <ExportLinks url={(format) => customersExportUrl(format, normalizeFilters(filters))} />
      </PageHeader>
      <Filters filters={filters} onChange={update} />
      <SavedViews filters={filters} />
      <div class="list-status" aria-live="polite">
        {list.status === 'ready' && (
          <p class="muted">
            {i18n.t('customers.pageStatus', { count: list.page.items.length, page: pageNumber })}
          </p>
        )}
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {list.status === 'ready' && list.page.items.length === 0 && (
        <EmptyState title={filterKey ? 'customers.noMatch' : 'customers.none'}>
          {filterKey ? (
            <p>
              <Link href="/customers">{i18n.t('customers.clearFilters')}</Link>
            </p>
          ) : (
            <p>{i18n.t('customers.noneHelp')}</p>
          )}
        </EmptyState>
      )}
      {list.status === 'ready' && list.page.items.length > 0 && (
        <CustomerTable items={list.page.items} sort={filters.sort ?? 'name'} i18n={i18n} />
      )}
      <nav class="pager" aria-label={i18n.t('pager.label')}>
        <button
          type="button"
          class="button"
          disabled={cursors.length <= 1 || list.status === 'loading'}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {i18n.t('pager.previous')}
        </button>
        <span>{i18n.t('pager.page', { n: pageNumber })}</span>
        <button
          type="button"
          class="button"
          disabled={list.status !== 'ready' || !list.page.next_cursor}
          onClick={() => {
            if (list.status === 'ready' && list.page.next_cursor) {
              const next = list.page.next_cursor;
              setCursors((c) => [...c, next]);
            }
          }}
        >
          {i18n.t('pager.next')}
        </button>
      </nav>
    </section>
  );
}

function Filters({ filters, onChange }: { filters: CustomerFilters; onChange: (c: Partial<CustomerFilters>) => void }) {
  const i18n = useI18n();
  const [text, setText] = useState(filters.q ?? '');
  const [category, setCategory] = useState(filters.category ?? '');
  const timer = useRef<number | undefined>(undefined);

  // Follow the URL when it changes from elsewhere (a saved view, the back button).
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => setCategory(filters.category ?? ''), [filters.category]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function typed(key: 'q' | 'category', value: string) {
    if (key === 'q') setText(value);
    else setCategory(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange({ [key]: value }), 300);
  }

  const select = (key: keyof CustomerFilters, label: string, options: [string, string][]) => (
    <div class="field">
      <label for={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        value={filters[key] ?? (key === 'sort' ? 'name' : '')}
        onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      >
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
  const any: [string, string] = ['', i18n.t('filter.any')];

  return (
    <form role="search" class="filters card" aria-label={i18n.t('filter.label')} onSubmit={(e) => e.preventDefault()}>
      <div class="field field-wide">
        <label for="filter-q">{i18n.t('filter.search')}</label>
        <input
          id="filter-q"
          type="search"
          value={text}
          placeholder={i18n.t('filter.searchPlaceholder')}
          autocomplete="off"
          onInput={(e) => typed('q', e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              window.clearTimeout(timer.current);
              onChange({ q: e.currentTarget.value });
            }
          }}
        />
      </div>
      {select('segment', i18n.t('filter.segment'), [any, ...SEGMENTS.map((s): [string, string] => [s, segmentName(i18n, s)])])}
      {select('tier', i18n.t('filter.tier'), [
        any,
        ...TIERS.map((t): [string, string] => [
          t,
          i18n.t('filter.tierOption', { service: serviceName(i18n, SERVICE_OF_TIER[t]), tier: tierName(i18n, t) }),
        ]),
      ])}
      {select('risk', i18n.t('filter.risk'), [any, ...RISKS.map((r): [string, string] => [r, riskName(i18n, r)])])}
      <div class="field">
        <label for="filter-category">{i18n.t('filter.category')}</label>
        <input
          id="filter-category"
          type="text"
          value={category}
          placeholder={i18n.t('filter.categoryPlaceholder')}
          autocomplete="off"
          onInput={(e) => typed('category', e.currentTarget.value)}
        />
      </div>
      {select('language', i18n.t('filter.language'), [
        any,
        ...CUSTOMER_LANGUAGES.map((l): [string, string] => [l, i18n.language(l)]),
      ])}
      {select('sort', i18n.t('filter.sort'), SORTS.map((s): [string, string] => [s, sortName(i18n, s)]))}
    </form>
  );
}

function SavedViews({ filters }: { filters: CustomerFilters }) {
  const i18n = useI18n();
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  function load() {
    setLoadError(null);
    listViews().then(
      (r) => setViews(r.items),
      (e: unknown) => setLoadError(e),
    );
  }
  useEffect(load, []);

  async function save(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      const view = await createView(trimmed, normalizeFilters(filters));
      setViews((v) => [...(v ?? []), view]);
      setName('');
      setMessage({ text: i18n.t('views.saved', { name: view.name }), error: false });
    } catch (e) {
      setMessage({ text: errorMessage(i18n, e), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function remove(view: SavedView) {
    try {
      await deleteView(view.id);
      setViews((v) => (v ?? []).filter((x) => x.id !== view.id));
      setMessage({ text: i18n.t('views.deleted', { name: view.name }), error: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setViews((v) => (v ?? []).filter((x) => x.id !== view.id));
      setMessage({ text: errorMessage(i18n, e), error: true });
    }
  }

  return (
    <section class="views card" aria-labelledby="views-title">
      <h2 id="views-title">{i18n.t('views.title')}</h2>
      {loadError !== null &&
        (loadError instanceof ApiError && loadError.status === 404 ? (
          <p class="muted">{i18n.t('views.unavailable')}</p>
        ) : (
          <ErrorState error={loadError} onRetry={load} />
        ))}
      {views === null && loadError === null && <Loading />}
      {views !== null && views.length === 0 && <p class="muted">{i18n.t('views.none')}</p>}
      {views !== null && views.length > 0 && (
        <ul class="chips">
          {views.map((view) => (
            <li key={view.id} class={sameFilters(view.query, filters) ? 'chip current' : 'chip'}>
              <Link
                href={`/customers${queryFromFilters(view.query)}`}
                aria-current={sameFilters(view.query, filters) ? 'true' : undefined}
              >
                {view.name}
              </Link>
              <button
                type="button"
                class="chip-remove"
                aria-label={i18n.t('views.delete', { name: view.name })}
                title={i18n.t('views.delete', { name: view.name })}
                onClick={() => remove(view)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={save}>
        <div class="field">
          <label for="view-name">{i18n.t('views.name')}</label>
          <input id="view-name" type="text" value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={busy || !name.trim()}>
          {i18n.t('views.save')}
        </button>
      </form>
      <p class={message?.error ? 'form-error' : 'form-ok'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}

function CustomerTable({ items, sort, i18n }: { items: CustomerListItem[]; sort: string; i18n: I18n }) {
  const ariaSort = (column: string) =>
    column === 'name' && sort === 'name'
      ? 'ascending'
      : sort === `-${column}`
        ? 'descending'
        : undefined;
  const none = '—';
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={i18n.t('customers.tableLabel')}>
      <table class="customers-table">
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('name')}>{i18n.t('column.name')}</th>
            <th scope="col">{i18n.t('column.country')}</th>
            <th scope="col">{i18n.t('column.language')}</th>
            <th scope="col">{i18n.t('column.segment')}</th>
            <th scope="col">{i18n.t('column.serviceLevel')}</th>
            <th scope="col">{i18n.t('column.risk')}</th>
            <th scope="col" class="num" aria-sort={ariaSort('p_alive')}>{i18n.t('column.pAlive')}</th>
            <th scope="col" class="num" aria-sort={ariaSort('clv')}>{i18n.t('column.clv')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const p = c.prediction ?? null;
            return (
              <tr key={c.id}>
                <td>
                  <Link href={`/customers/${c.id}`}>{c.name || c.external_id}</Link>
                  <span class="sub">
                    <bdi>{c.external_id}</bdi>
                  </span>
                  {c.emails[0] && (
                    <span class="sub">
                      <bdi>{c.emails[0]}</bdi>
                    </span>
                  )}
                </td>
                <td>{i18n.country(c.country)}</td>
                <td>{i18n.language(c.preferred_language)}</td>
                <td>{p ? segmentName(i18n, p.rfm_segment) : none}</td>
                <td>{p ? serviceName(i18n, p.service_level) : none}</td>
                <td>{p ? <span class={`badge risk-${p.churn_risk}`}>{riskName(i18n, p.churn_risk)}</span> : none}</td>
                <td class="num">{p ? i18n.percent(p.p_alive) : none}</td>
                <td class="num">{p ? i18n.money(p.clv_minor, null) : none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
