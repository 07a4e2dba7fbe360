// Admin > Webhooks: the subscriptions (address, events, active or paused) with their actions,
// and the form that adds one; right after an add, its signing secret, shown this once. Admins
// only: others see the "not allowed" page (and the server answers 403 to them anyway).
import { useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { NotAllowedPage } from '../../components/not-found';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import { useAsync } from '../../lib/use-async';
import type { User } from '../access/types';
import { listWebhooks } from './api';
import { NewSecret, Subscription, takeFlash, WebhookForm } from './parts';
import type { NewWebhook, Webhook } from './types';
import { webhookName } from './webhooks';

export function WebhooksPage({ user }: { user: User }) {
  if (user.role !== 'admin') return <NotAllowedPage />;
  return <Webhooks />;
}

/** A subscription without its secret, as the list keeps it. */
function withoutSecret(hook: Webhook | NewWebhook): Webhook {
  return {
    id: hook.id,
    url: hook.url,
    event_types: hook.event_types,
    description: hook.description,
    active: hook.active,
    created_at: hook.created_at,
    updated_at: hook.updated_at,
  };
}

function Webhooks() {
  const i18n = useI18n();
  const hooks = useAsync(listWebhooks, []);
  const [added, setAdded] = useState<Webhook[]>([]);
  const [changed, setChanged] = useState<Record<number, Webhook>>({});
  const [removed, setRemoved] = useState<number[]>([]);
  // The secret lives here only, until closed or the page is left: it cannot be read again.
  const [created, setCreated] = useState<NewWebhook | null>(null);
  const [status, setStatus] = useState<string | null>(() => takeFlash());

  if (hooks.status === 'error' && hooks.error instanceof ApiError && hooks.error.status === 403) {
    return <NotAllowedPage />;
  }
  const rows =
    hooks.status === 'ready'
      ? [...hooks.data.items, ...added.filter((a) => !hooks.data.items.some((h) => h.id === a.id))]
          .filter((h) => !removed.includes(h.id))
          .map((h) => changed[h.id] ?? h)
      : [];

  return (
    <section class="page">
      <PageHeader title={i18n.t('webhooks.title')} />
      <p class="muted">{i18n.t('webhooks.intro')}</p>
      <p class="form-status" role="status">
        <span class="form-ok">{status ?? ''}</span>
      </p>
      {created && (
        <NewSecret
          hook={created}
          onClose={() => {
            setCreated(null);
            document.getElementById('webhooks-list-title')?.focus();
          }}
        />
      )}
      <section class="card" aria-labelledby="webhooks-list-title">
        <h2 id="webhooks-list-title" tabIndex={-1}>{i18n.t('webhooks.list')}</h2>
        {hooks.status === 'loading' && <Loading />}
        {hooks.status === 'error' && <ErrorState error={hooks.error} onRetry={hooks.reload} />}
        {hooks.status === 'ready' && rows.length === 0 && (
          <EmptyState title="webhooks.none">
            <p>{i18n.t('webhooks.noneHelp')}</p>
          </EmptyState>
        )}
        {rows.length > 0 && (
          <ul class="webhook-list">
            {rows.map((hook) => (
              <li key={hook.id}>
                <Subscription
                  hook={hook}
                  level={3}
                  logLink
                  onChanged={(h) => setChanged((c) => ({ ...c, [h.id]: h }))}
                  onDeleted={(h) => {
                    setRemoved((r) => [...r, h.id]);
                    if (created?.id === h.id) setCreated(null);
                    setStatus(i18n.t('webhooks.deleted', { name: webhookName(h) }));
                    document.getElementById('webhooks-list-title')?.focus();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="add-webhook-title">
        <h2 id="add-webhook-title">{i18n.t('webhooks.add')}</h2>
        <p class="muted">{i18n.t('webhooks.addHelp')}</p>
        <WebhookForm
          onSaved={(hook) => {
            setAdded((a) => [...a, withoutSecret(hook)]);
            setStatus(i18n.t('webhooks.added', { name: webhookName(hook) }));
            if ('secret' in hook) setCreated(hook);
          }}
        />
      </section>
    </section>
  );
}
