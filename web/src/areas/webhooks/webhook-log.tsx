// Admin > Webhooks > one subscription: its state and actions, its edit form, and its delivery
// log, newest first, filtered by status (kept in the URL) and paged with "load more". Admins
// only: others see the "not allowed" page (and the server answers 403 to them anyway).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { NotAllowedPage } from '../../components/not-found';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { Link, navigate, useLocation } from '../../router';
import type { User } from '../access/types';
import { getWebhook, listDeliveries } from './api';
import { setFlash, Subscription, WEBHOOKS_PATH, WebhookForm, webhookPath } from './parts';
import type { DeliveryStatus, Webhook, WebhookDelivery } from './types';
import {
  DELIVERY_STATUSES,
  deliveryStatusClass,
  deliveryStatusKey,
  eventTypeName,
  latency,
  PING,
  statusFromQuery,
  webhookName,
} from './webhooks';

export function WebhookLogPage({ user, id }: { user: User; id: number }) {
  if (user.role !== 'admin') return <NotAllowedPage />;
  return <WebhookLog id={id} />;
}

function WebhookLog({ id }: { id: number }) {
  const i18n = useI18n();
  const location = useLocation();
  const status = statusFromQuery(location.query);
  const loaded = useAsync(() => getWebhook(id), [id]);
  const [changed, setChanged] = useState<Webhook | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped after a test ping so that the log shows it.
  const [version, setVersion] = useState(0);

  if (loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 403) {
    return <NotAllowedPage />;
  }
  const hook = changed ?? (loaded.status === 'ready' ? loaded.data : null);
  const back = <Link href={WEBHOOKS_PATH}>{i18n.t('webhooks.back')}</Link>;

  return (
    <section class="page">
      <PageHeader title={i18n.t('webhooks.logTitle')}>{back}</PageHeader>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' &&
        (loaded.error instanceof ApiError && loaded.error.status === 404 ? (
          <EmptyState title="webhooks.notFound">
            <p>{i18n.t('webhooks.notFoundHelp')}</p>
            <p>{back}</p>
          </EmptyState>
        ) : (
          <ErrorState error={loaded.error} onRetry={loaded.reload} />
        ))}
      {hook && (
        <>
          <p class="form-status" role="status">
            <span class="form-ok">{notice ?? ''}</span>
          </p>
          <div class="webhook-alone">
            <Subscription
              hook={hook}
              level={2}
              onChanged={(h) => setChanged(h)}
              onDeleted={(h) => {
                setFlash(i18n.t('webhooks.deleted', { name: webhookName(h) }));
                navigate(WEBHOOKS_PATH);
              }}
              onTested={() => setVersion((v) => v + 1)}
              onEdit={() => setEditing((e) => !e)}
            />
          </div>
          {editing && (
            <section class="card" aria-labelledby="edit-webhook-title">
              <h2 id="edit-webhook-title">{i18n.t('webhooks.editTitle')}</h2>
              <WebhookForm
                initial={hook}
                onSaved={(h) => {
                  setChanged(h);
                  setEditing(false);
                  setNotice(i18n.t('webhooks.saved', { name: webhookName(h) }));
                }}
                onCancel={() => setEditing(false)}
              />
            </section>
          )}
          <DeliveryLog id={id} status={status} version={version} onRefresh={() => setVersion((v) => v + 1)} />
        </>
      )}
    </section>
  );
}

type LogState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      items: WebhookDelivery[];
      next: string | null;
      more: { busy: boolean; error: unknown };
    };

function DeliveryLog({
  id,
  status,
  version,
  onRefresh,
}: {
  id: number;
  status: DeliveryStatus | null;
  version: number;
  onRefresh: () => void;
}) {
  const i18n = useI18n();
  const [log, setLog] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Aborts whatever request belongs to the previous filter (first page or "load more").
  const inFlight = useRef<AbortController | null>(null);
  const shownStatus = useRef<DeliveryStatus | null | undefined>(undefined);
  useEffect(() => () => inFlight.current?.abort(), []);

  useEffect(() => {
    const abort = new AbortController();
    inFlight.current?.abort();
    inFlight.current = abort;
    // A refresh keeps the rows on screen until the new first page arrives; another filter
    // starts from its loading state.
    const sameFilter = shownStatus.current === status;
    shownStatus.current = status;
    setLog((current) => (sameFilter && current.status === 'ready' ? current : { status: 'loading' }));
    listDeliveries(id, status, null, abort.signal).then(
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
  }, [id, status, version, attempt]);

  function loadMore() {
    if (log.status !== 'ready' || !log.next || log.more.busy) return;
    const abort = new AbortController();
    inFlight.current = abort;
    const cursor = log.next;
    setLog({ ...log, more: { busy: true, error: null } });
    listDeliveries(id, status, cursor, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        setLog((current) =>
          current.status === 'ready'
            ? {
                status: 'ready',
                items: [...current.items, ...page.items.filter((d) => !current.items.some((c) => c.id === d.id))],
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

  const filterHref = (s: DeliveryStatus | null) => (s ? `${webhookPath(id)}?status=${s}` : webhookPath(id));
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <div class="log-head">
        <h2 id="deliveries-title">{i18n.t('webhooks.deliveries')}</h2>
        <button type="button" class="button button-quiet" onClick={onRefresh}>
          {i18n.t('webhooks.refresh')}
        </button>
      </div>
      <p class="muted">{i18n.t('webhooks.deliveriesHelp')}</p>
      <nav class="log-filter" aria-label={i18n.t('webhooks.filterLabel')}>
        <ul class="chips">
          {[null, ...DELIVERY_STATUSES].map((s) => (
            <li key={s ?? 'any'} class={s === status ? 'chip current' : 'chip'}>
              <Link href={filterHref(s)} aria-current={s === status ? 'true' : undefined}>
                {s ? i18n.t(`webhooks.filter.${s}`) : i18n.t('webhooks.filter.any')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div class="list-status" aria-live="polite">
        {log.status === 'ready' && log.items.length > 0 && (
          <p class="muted">{i18n.t('webhooks.shown', { count: log.items.length })}</p>
        )}
      </div>
      {log.status === 'loading' && <Loading />}
      {log.status === 'error' && <ErrorState error={log.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {log.status === 'ready' && log.items.length === 0 && (
        <EmptyState title={status ? 'webhooks.noMatch' : 'webhooks.noDeliveries'}>
          {status ? (
            <p>
              <Link href={webhookPath(id)}>{i18n.t('webhooks.filter.clear')}</Link>
            </p>
          ) : (
            <p>{i18n.t('webhooks.noDeliveriesHelp')}</p>
          )}
        </EmptyState>
      )}
      {log.status === 'ready' && log.items.length > 0 && (
        <>
          <DeliveryTable items={log.items} i18n={i18n} />
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
  );
}

/** A cell that, on a phone, shows its column's name before its value (the table stacks). */
function Cell({ label, children, class: className }: { label: string; children: ComponentChildren; class?: string }) {
  return (
    <td data-label={label} class={className}>
      <div class="cell">{children}</div>
    </td>
  );
}

function DeliveryTable({ items, i18n }: { items: WebhookDelivery[]; i18n: I18n }) {
  const none = '—';
  const column = {
    time: i18n.t('webhooks.column.time'),
    event: i18n.t('webhooks.column.event'),
    customer: i18n.t('webhooks.column.customer'),
    status: i18n.t('webhooks.column.status'),
    attempts: i18n.t('webhooks.column.attempts'),
    code: i18n.t('webhooks.column.code'),
    latency: i18n.t('webhooks.column.latency'),
    error: i18n.t('webhooks.column.error'),
  };
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="deliveries-title">
      <table class="stack-table delivery-table" data-testid="delivery-table">
        <thead>
          <tr>
            <th scope="col">{column.time}</th>
            <th scope="col">{column.event}</th>
            <th scope="col">{column.customer}</th>
            <th scope="col">{column.status}</th>
            <th scope="col" class="num">{column.attempts}</th>
            <th scope="col" class="num">{column.code}</th>
            <th scope="col" class="num">{column.latency}</th>
            <th scope="col">{column.error}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} class={`delivery-${d.status}`}>
              <th scope="row" class="delivery-time" data-label={column.time}>
                <div class="cell">
                  <time dateTime={d.created_at}>{i18n.dateTime(d.created_at, true)}</time>
                </div>
              </th>
              <Cell label={column.event}>
                <span>
                  {d.event_type === PING ? i18n.t('webhooks.ping') : eventTypeName(i18n, d.event_type)}
                  <span class="sub">
                    <code dir="ltr">{d.event_type}</code>
                  </span>
                </span>
              </Cell>
              <Cell label={column.customer}>
                {d.customer_id !== null ? (
                  <Link href={`/customers/${d.customer_id}`}>
                    {i18n.t('webhooks.customerLink', { id: String(d.customer_id) })}
                  </Link>
                ) : (
                  none
                )}
              </Cell>
              <Cell label={column.status}>
                <span>
                  <span class={deliveryStatusClass(d.status)}>{i18n.t(deliveryStatusKey(d))}</span>
                  {d.status === 'pending' && d.next_attempt_at && (
                    <span class="sub">
                      {i18n.t('webhooks.nextTry', { time: i18n.dateTime(d.next_attempt_at, true) })}
                    </span>
                  )}
                </span>
              </Cell>
              <Cell label={column.attempts} class="num">
                {i18n.number(d.attempts)}
              </Cell>
              <Cell label={column.code} class="num">
                {d.last_status_code !== null ? <bdi>{String(d.last_status_code)}</bdi> : none}
              </Cell>
              <Cell label={column.latency} class="num">
                {d.latency_ms !== null ? latency(i18n, d.latency_ms) : none}
              </Cell>
              <Cell label={column.error} class="delivery-error">
                {d.last_error ? <bdi>{d.last_error}</bdi> : none}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
