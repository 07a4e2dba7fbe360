// Admin > Audit log: who changed what, when and from where, newest first. Filters live in the
// URL (so a filtered log can be linked to) and go with the CSV and XLSX exports. Admins only:
// others see the "not allowed" page (and the server answers 403 to them anyway).
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { NotAllowedPage } from '../../components/not-found';
import { ExportLinks } from '../../components/export-links';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { Link, navigate, useLocation } from '../../router';
import type { User } from '../access/types';
import { auditExportUrl, listAudit } from './api';
import {
  AUDIT_ENTITIES,
  auditApiQuery,
  auditFiltersFromQuery,
  auditPageQuery,
  type AuditFilters,
  type ChangeLine,
  changeLines,
  shorten,
  templateParts,
} from './audit';
import type { AuditEntry } from './types';

const PATH = '/admin/audit';
/** Longer values are cut in the table (the export has them whole). */
const MAX_VALUE_LENGTH = 200;

type LogState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      items: AuditEntry[];
      next: string | null;
      more: { busy: boolean; error: unknown };
    };

export function AuditLogPage({ user }: { user: User }) {
  if (user.role !== 'admin') return <NotAllowedPage />;
  return <AuditLog />;
}

function AuditLog() {
  const i18n = useI18n();
  const location = useLocation();
  const filters = auditFiltersFromQuery(location.query);
  const filterKey = auditPageQuery(filters);
  const apiQuery = auditApiQuery(filters);
  const [log, setLog] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Aborts whatever request belongs to the previous filters (first page or "load more").
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  useEffect(() => {
    const abort = new AbortController();
    inFlight.current?.abort();
    inFlight.current = abort;
    setLog({ status: 'loading' });
    listAudit(apiQuery, null, abort.signal).then(
      (page) => {
        if (!abort.signal.aborted) {
          setLog({ status: 'ready', items: page.items, next: page.next_cursor, more: { busy: false, error: null } });
        }
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setLog({ status: 'error', error });
      },
    );
    return () => abort.abort();
    // apiQuery is derived from filterKey.
  }, [filterKey, attempt]);

  function loadMore() {
    if (log.status !== 'ready' || !log.next || log.more.busy) return;
    const abort = new AbortController();
    inFlight.current = abort;
    const cursor = log.next;
    setLog({ ...log, more: { busy: true, error: null } });
    listAudit(apiQuery, cursor, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        setLog((current) =>
          current.status === 'ready'
            ? {
                status: 'ready',
                items: [...current.items, ...page.items.filter((e) => !current.items.some((c) => c.id === e.id))],
                next: page.next_cursor,
                more: { busy: false, error: null },
              }
            : current,
        );
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setLog((current) => (current.status === 'ready' ? { ...current, more: { busy: false, error } } : current));
      },
    );
  }

  if (log.status === 'error' && log.error instanceof ApiError && log.error.status === 403) {
    return <NotAllowedPage />;
  }
  return (
    <section class="page">
      <PageHeader title={i18n.t('audit.title')}>
        <ExportLinks url={(format) => auditExportUrl(format, apiQuery)} />
      </PageHeader>
      <p class="muted">{i18n.t('audit.intro')}</p>
      <Filters filters={filters} filterKey={filterKey} />
      <section class="card" aria-labelledby="audit-list-title">
        <h2 id="audit-list-title">{i18n.t('audit.list')}</h2>
        <div class="list-status" aria-live="polite">
          {log.status === 'ready' && log.items.length > 0 && (
            <p class="muted">{i18n.t('audit.shown', { count: log.items.length })}</p>
          )}
        </div>
        {log.status === 'loading' && <Loading />}
        {log.status === 'error' && <ErrorState error={log.error} onRetry={() => setAttempt((a) => a + 1)} />}
        {log.status === 'ready' && log.items.length === 0 && (
          <EmptyState title={filterKey ? 'audit.noMatch' : 'audit.none'}>
            {filterKey ? (
              <p>
                <Link href={PATH}>{i18n.t('audit.clearFilters')}</Link>
              </p>
            ) : (
              <p>{i18n.t('audit.noneHelp')}</p>
            )}
          </EmptyState>
        )}
        {log.status === 'ready' && log.items.length > 0 && (
          <>
            <AuditTable items={log.items} i18n={i18n} />
            {log.more.error !== null && <ErrorState error={log.more.error} onRetry={loadMore} />}
            {log.next && (
              <p class="load-more">
                <button type="button" class="button" onClick={loadMore} disabled={log.more.busy}>
                  {log.more.busy ? i18n.t('state.loading') : i18n.t('action.loadMore')}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </section>
  );
}

function Filters({ filters, filterKey }: { filters: AuditFilters; filterKey: string }) {
  const i18n = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  // Follow the URL when it changes from elsewhere (the back button, "clear all filters").
  useEffect(() => setDraft(filters), [filterKey]);

  const set = (key: keyof AuditFilters) => (event: Event) =>
    setDraft((d) => ({ ...d, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  function submit(event: Event) {
    event.preventDefault();
    navigate(`${PATH}${auditPageQuery(draft)}`);
  }

  const entities: string[] = [...AUDIT_ENTITIES];
  if (draft.entity && !entities.includes(draft.entity)) entities.push(draft.entity);

  return (
    <form role="search" class="filters card audit-filters" aria-label={i18n.t('audit.filter.label')} onSubmit={submit}>
      <div class="field">
        <label for="audit-actor">{i18n.t('audit.filter.actor')}</label>
        <input
          id="audit-actor"
          type="search"
          autocomplete="off"
          aria-describedby="audit-actor-help"
          value={draft.actor ?? ''}
          onInput={set('actor')}
        />
        <span id="audit-actor-help" class="help">{i18n.t('audit.filter.actorHelp')}</span>
      </div>
      <div class="field">
        <label for="audit-entity">{i18n.t('audit.filter.entity')}</label>
        <select id="audit-entity" value={draft.entity ?? ''} onChange={set('entity')}>
          <option value="">{i18n.t('filter.any')}</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {entityName(i18n, e)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-entity-id">{i18n.t('audit.filter.entityId')}</label>
        <input id="audit-entity-id" type="text" autocomplete="off" value={draft.entity_id ?? ''} onInput={set('entity_id')} />
      </div>
      <div class="field">
        <label for="audit-customer-id">{i18n.t('audit.filter.customerId')}</label>
        <input
          id="audit-customer-id"
          type="text"
          inputMode="numeric"
          pattern="[1-9][0-9]*"
          autocomplete="off"
          aria-describedby="audit-customer-id-help"
          value={draft.customer_id ?? ''}
          onInput={set('customer_id')}
        />
        <span id="audit-customer-id-help" class="help">{i18n.t('audit.filter.customerIdHelp')}</span>
      </div>
      <div class="field">
        <label for="audit-from">{i18n.t('audit.filter.from')}</label>
        <input id="audit-from" type="date" max={draft.to || undefined} value={draft.from ?? ''} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="audit-to">{i18n.t('audit.filter.to')}</label>
        <input id="audit-to" type="date" min={draft.from || undefined} value={draft.to ?? ''} onInput={set('to')} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {i18n.t('action.apply')}
        </button>
        {filterKey && <Link href={PATH}>{i18n.t('audit.clearFilters')}</Link>}
      </div>
    </form>
  );
}

const entityName = (i18n: I18n, entity: string) => i18n.tDynamic(`audit.entity.${entity}`, entity);
const actionName = (i18n: I18n, action: string) => i18n.tDynamic(`audit.action.${action}`, action);
const actorKindName = (i18n: I18n, kind: string) => i18n.tDynamic(`audit.actorKind.${kind}`, kind);

export function AuditTable({ items, i18n }: { items: AuditEntry[]; i18n: I18n }) {
  const none = '—';
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-list-title">
      <table class="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('audit.column.time')}</th>
            <th scope="col">{i18n.t('audit.column.actor')}</th>
            <th scope="col">{i18n.t('audit.column.source')}</th>
            <th scope="col">{i18n.t('audit.column.action')}</th>
            <th scope="col">{i18n.t('audit.column.entity')}</th>
            <th scope="col">{i18n.t('audit.column.customer')}</th>
            <th scope="col">{i18n.t('audit.column.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const lines = changeLines(e.changes);
            return (
              <tr key={e.id}>
                <th scope="row" class="audit-time">
                  <time dateTime={e.at}>{i18n.dateTime(e.at, true)}</time>
                </th>
                <td>
                  {e.actor.name ? <bdi>{e.actor.name}</bdi> : actorKindName(i18n, e.actor.kind)}
                  {e.actor.name && e.actor.kind !== 'user' && <span class="sub">{actorKindName(i18n, e.actor.kind)}</span>}
                  {e.actor.role && <span class="sub">{i18n.tDynamic(`role.${e.actor.role}`, e.actor.role)}</span>}
                </td>
                <td>
                  {e.source === 'cli' || e.source === 'system' ? (
                    actorKindName(i18n, e.source)
                  ) : (
                    <bdi>{e.source}</bdi>
                  )}
                </td>
                <td>
                  <span class="badge">{actionName(i18n, e.action)}</span>
                </td>
                <td>
                  {entityName(i18n, e.entity)}
                  {e.entity_id && (
                    <span class="sub">
                      <bdi>{e.entity_id}</bdi>
                    </span>
                  )}
                </td>
                <td>
                  {e.customer_id !== null && e.customer_id !== undefined ? (
                    <Link href={`/customers/${e.customer_id}`}>
                      {i18n.t('audit.customerLink', { id: String(e.customer_id) })}
                    </Link>
                  ) : (
                    none
                  )}
                </td>
                <td class="audit-changes">
                  {lines.length === 0 ? (
                    none
                  ) : (
                    <ul class="plain-list">
                      {lines.map((line) => (
                        <li key={line.field}>
                          <Change line={line} i18n={i18n} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "field: before → after" from the catalogue (translators place the arrow), each value in its
 *  own <bdi> and always as text: a recorded value is never read as markup. */
function Change({ line, i18n }: { line: ChangeLine; i18n: I18n }) {
  const value = (text: string | null) =>
    text === null ? (
      <span class="muted">{i18n.t('audit.noValue')}</span>
    ) : (
      <bdi class="audit-value" title={text.length > MAX_VALUE_LENGTH ? text : undefined}>
        {shorten(text, MAX_VALUE_LENGTH)}
      </bdi>
    );
  return (
    <>
      {templateParts(i18n.t('audit.change')).map((part, i) =>
        'text' in part ? (
          <span key={i}>{part.text}</span>
        ) : part.name === 'field' ? (
          <bdi key={i} class="audit-field">
            {line.field}
          </bdi>
        ) : (
          <span key={i}>{value(part.name === 'before' ? line.before : line.after)}</span>
        ),
      )}
    </>
  );
}
