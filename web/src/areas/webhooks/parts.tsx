// Pieces shared by the two webhook pages: a subscription with its actions (send a test ping,
// pause or resume, delete after confirmation), the subscription form (add or edit), and the
// signing secret shown once after an add.
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { ErrorState, errorMessage, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { Link } from '../../router';
import { templateParts } from '../platform/audit';
import { createWebhook, deleteWebhook, listEventTypes, testWebhook, updateWebhook } from './api';
import type { NewWebhook, Webhook, WebhookDelivery } from './types';
import {
  ALL_EVENTS,
  choiceOf,
  type EventChoice,
  eventTypeName,
  eventTypesToSend,
  fieldOf,
  pingOutcome,
  signatureLines,
  toggleType,
  type WebhookField,
  webhookName,
} from './webhooks';

export const WEBHOOKS_PATH = '/admin/webhooks';
export const webhookPath = (id: number) => `${WEBHOOKS_PATH}/${id}`;
/** Shortest secret the server takes; shorter ones are refused before sending. */
const MIN_SECRET_LENGTH = 32;

// A sentence for the list page to show after the log page deleted its subscription and
// navigated back (read once).
let flash: string | null = null;
export function setFlash(text: string): void {
  flash = text;
}
export function takeFlash(): string | null {
  const text = flash;
  flash = null;
  return text;
}

/** A message with each {placeholder} filled in its own <bdi>: a URL or an error from the
 *  server keeps its own direction inside an Arabic sentence. */
function Filled({ template, params }: { template: string; params: Record<string, string> }) {
  return (
    <>
      {templateParts(template).map((part, i) =>
        'text' in part ? <span key={i}>{part.text}</span> : <bdi key={i}>{params[part.name] ?? ''}</bdi>,
      )}
    </>
  );
}

/** Event types as tags, with their names for people. */
function EventTags({ types, i18n }: { types: string[]; i18n: I18n }) {
  return (
    <ul class="tags webhook-events">
      {types.map((type) => (
        <li key={type} class="tag" title={type === ALL_EVENTS ? undefined : type}>
          {eventTypeName(i18n, type)}
        </li>
      ))}
    </ul>
  );
}

type TestState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'done'; delivery: WebhookDelivery }
  | { phase: 'error'; error: unknown };

/** One subscription: its name, state (a paused one says so), address, events and actions. */
export function Subscription({
  hook,
  level,
  onChanged,
  onDeleted,
  onTested,
  onEdit,
  logLink,
}: {
  hook: Webhook;
  /** The heading level of its name: 3 in the list, 2 alone on its log page. */
  level: 2 | 3;
  onChanged: (hook: Webhook) => void;
  onDeleted: (hook: Webhook) => void;
  onTested?: (delivery: WebhookDelivery) => void;
  onEdit?: () => void;
  /** Links to the delivery log (on the list page). */
  logLink?: boolean;
}) {
  const i18n = useI18n();
  const [test, setTest] = useState<TestState>({ phase: 'idle' });
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const headingId = `webhook-${hook.id}-name`;
  const name = webhookName(hook);
  const Heading = level === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  async function sendTest() {
    setNotice(null);
    setTest({ phase: 'sending' });
    try {
      const delivery = await testWebhook(hook.id);
      setTest({ phase: 'done', delivery });
      onTested?.(delivery);
    } catch (error) {
      setTest({ phase: 'error', error });
    }
  }

  async function setActive(active: boolean) {
    setBusy(true);
    setNotice(null);
    setTest({ phase: 'idle' });
    try {
      const updated = await updateWebhook(hook.id, { active });
      onChanged(updated);
      setNotice({
        text: i18n.t(updated.active ? 'webhooks.resumedDone' : 'webhooks.pausedDone', { name: webhookName(updated) }),
        error: false,
      });
    } catch (error) {
      setNotice({ text: errorMessage(i18n, error), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setNotice(null);
    try {
      await deleteWebhook(hook.id);
      onDeleted(hook);
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      // Already gone (deleted elsewhere): as good as done.
      if (error instanceof ApiError && error.status === 404) onDeleted(hook);
      else setNotice({ text: errorMessage(i18n, error), error: true });
    }
  }

  const outcome = test.phase === 'done' ? pingOutcome(i18n, test.delivery) : null;
  return (
    <article
      class={hook.active ? 'webhook' : 'webhook webhook-paused'}
      aria-labelledby={headingId}
      data-testid="webhook"
      data-webhook-id={hook.id}
    >
      <div class="webhook-head">
        <Heading id={headingId}>
          <bdi>{name}</bdi>
        </Heading>
        <span class={hook.active ? 'badge risk-low' : 'badge badge-paused'}>
          {i18n.t(hook.active ? 'webhooks.active' : 'webhooks.paused')}
        </span>
      </div>
      {!hook.active && <p class="webhook-paused-note">{i18n.t('webhooks.pausedHelp')}</p>}
      <dl class="facts webhook-facts">
        {hook.description.trim() !== '' && (
          <div>
            <dt>{i18n.t('webhooks.url')}</dt>
            <dd>
              <bdi class="webhook-url">{hook.url}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{i18n.t('webhooks.events')}</dt>
          <dd>
            <EventTags types={hook.event_types} i18n={i18n} />
          </dd>
        </div>
        <div>
          <dt>{i18n.t('webhooks.createdAt')}</dt>
          <dd>
            <time dateTime={hook.created_at}>{i18n.dateTime(hook.created_at)}</time>
          </dd>
        </div>
      </dl>
      <div class="webhook-actions">
        {logLink && (
          <Link href={webhookPath(hook.id)} class="button" aria-describedby={headingId}>
            {i18n.t('webhooks.openLog')}
          </Link>
        )}
        <button
          type="button"
          class="button"
          aria-describedby={headingId}
          disabled={test.phase === 'sending'}
          onClick={sendTest}
        >
          {i18n.t(test.phase === 'sending' ? 'webhooks.sending' : 'webhooks.sendTest')}
        </button>
        <button
          type="button"
          class="button"
          aria-describedby={headingId}
          disabled={busy}
          onClick={() => setActive(!hook.active)}
        >
          {i18n.t(hook.active ? 'webhooks.pause' : 'webhooks.resume')}
        </button>
        {onEdit && (
          <button type="button" class="button" aria-describedby={headingId} onClick={onEdit}>
            {i18n.t('webhooks.edit')}
          </button>
        )}
        <button
          type="button"
          class="button button-quiet"
          ref={deleteButton}
          aria-describedby={headingId}
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {i18n.t('webhooks.delete')}
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>
            <Filled template={i18n.t('webhooks.deleteConfirm')} params={{ name }} />
          </p>
          <div class="webhook-actions">
            <button type="button" class="button button-danger" disabled={busy} onClick={remove}>
              {i18n.t('webhooks.deleteYes')}
            </button>
            <button
              type="button"
              class="button"
              ref={cancelButton}
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              {i18n.t('webhooks.cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="webhook-feedback" aria-live="polite">
        {test.phase === 'sending' && (
          <p class="state state-loading">
            <span class="spinner" aria-hidden="true" />
            {i18n.t('webhooks.testProgress')}
          </p>
        )}
        {outcome && (
          <p class={outcome.ok ? 'test-result test-ok' : 'test-result test-bad'} data-testid="test-result">
            <Filled template={i18n.t(outcome.key)} params={outcome.params} />
            {logLink && (
              <>
                {' '}
                <Link href={webhookPath(hook.id)}>{i18n.t('webhooks.seeLog')}</Link>
              </>
            )}
          </p>
        )}
        {test.phase === 'error' && <p class="form-error">{errorMessage(i18n, test.error)}</p>}
        {notice && <p class={notice.error ? 'form-error' : 'form-ok'}>{notice.text}</p>}
      </div>
    </article>
  );
}

/** A field's problem: found here (text), or the server's refusal (its English message). */
type Errors = Partial<Record<WebhookField, { text: string } | { server: string }>>;

/** Adds a subscription (with an optional own secret) or edits one (address, description,
 *  events; the secret cannot change). Refusals are shown beside the field they name. */
export function WebhookForm({
  initial,
  onSaved,
  onCancel,
}: {
  /** The subscription to edit; none to add one. */
  initial?: Webhook;
  onSaved: (hook: Webhook | NewWebhook) => void;
  onCancel?: () => void;
}) {
  const i18n = useI18n();
  const eventTypes = useAsync(listEventTypes, []);
  const prefix = initial ? `webhook-${initial.id}-edit` : 'new-webhook';
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [secret, setSecret] = useState('');
  const [choice, setChoice] = useState<EventChoice>(initial ? choiceOf(initial.event_types) : { all: false, types: [] });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const available = eventTypes.status === 'ready' ? eventTypes.data.items : [];

  // After a refusal, the first field in error takes focus.
  useEffect(() => {
    const first = (['url', 'description', 'event_types', 'secret'] as WebhookField[]).find((f) => errors[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }, [errors]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const types = eventTypesToSend(choice, available);
    const local: Errors = {};
    if (!url.trim()) local.url = { text: i18n.t('webhooks.urlRequired') };
    if (types.length === 0) local.event_types = { text: i18n.t('webhooks.needEvents') };
    if (!initial && secret !== '' && secret.length < MIN_SECRET_LENGTH) {
      local.secret = { text: i18n.t('webhooks.secretTooShort') };
    }
    setFormError(null);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const saved = initial
        ? await updateWebhook(initial.id, { url: url.trim(), description: description.trim(), event_types: types })
        : await createWebhook({
            url: url.trim(),
            event_types: types,
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(secret ? { secret } : {}),
          });
      if (!initial) {
        setUrl('');
        setDescription('');
        setSecret('');
        setChoice({ all: false, types: [] });
      }
      onSaved(saved);
    } catch (error) {
      const field = fieldOf(error);
      if (field && error instanceof ApiError) setErrors({ [field]: { server: error.message } });
      else setFormError(errorMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: WebhookField, help: boolean) =>
    [help ? `${prefix}-${field}-help` : '', errors[field] ? `${prefix}-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (field: WebhookField) => {
    const problem = errors[field];
    if (!problem) return null;
    return (
      <span id={`${prefix}-${field}-error`} class="form-error field-error">
        {'text' in problem ? (
          problem.text
        ) : (
          <Filled template={i18n.t('webhooks.refused')} params={{ message: problem.server }} />
        )}
      </span>
    );
  };

  return (
    <form class="form grid-form webhook-form" ref={form} noValidate onSubmit={submit}>
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      <div class="field">
        <label for={`${prefix}-url`}>{i18n.t('webhooks.url')}</label>
        <input
          id={`${prefix}-url`}
          data-field="url"
          type="url"
          inputMode="url"
          dir="ltr"
          autocomplete="off"
          spellcheck={false}
          required
          aria-required="true"
          aria-invalid={errors.url ? 'true' : undefined}
          aria-describedby={describedBy('url', true)}
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <span id={`${prefix}-url-help`} class="help">
          {i18n.t('webhooks.urlHelp')}
        </span>
        {fieldError('url')}
      </div>
      <div class="field">
        <label for={`${prefix}-description`}>{i18n.t('webhooks.description')}</label>
        <input
          id={`${prefix}-description`}
          data-field="description"
          type="text"
          autocomplete="off"
          maxLength={500}
          aria-invalid={errors.description ? 'true' : undefined}
          aria-describedby={describedBy('description', true)}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <span id={`${prefix}-description-help`} class="help">
          {i18n.t('webhooks.descriptionHelp')}
        </span>
        {fieldError('description')}
      </div>
      <fieldset
        class="field field-full event-choice"
        data-field="event_types"
        tabIndex={-1}
        aria-invalid={errors.event_types ? 'true' : undefined}
        aria-describedby={describedBy('event_types', false)}
      >
        <legend>{i18n.t('webhooks.eventsLegend')}</legend>
        {eventTypes.status === 'loading' && <Loading />}
        {eventTypes.status === 'error' && <ErrorState error={eventTypes.error} onRetry={eventTypes.reload} />}
        {eventTypes.status === 'ready' && (
          <>
            <label class="check check-all">
              <input
                type="checkbox"
                checked={choice.all}
                onChange={(e) => setChoice({ ...choice, all: e.currentTarget.checked })}
              />
              <span>
                {i18n.t('webhooks.allEvents')}
                <span class="sub">{i18n.t('webhooks.allEventsHelp')}</span>
              </span>
            </label>
            <ul class="check-list">
              {available.map((type) => (
                <li key={type}>
                  <label class="check">
                    <input
                      type="checkbox"
                      value={type}
                      checked={choice.all || choice.types.includes(type)}
                      disabled={choice.all}
                      onChange={(e) => setChoice(toggleType(choice, type, e.currentTarget.checked))}
                    />
                    <span>
                      {eventTypeName(i18n, type)}
                      <span class="sub">
                        <code dir="ltr">{type}</code>
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
        {fieldError('event_types')}
      </fieldset>
      {!initial && (
        <div class="field">
          <label for={`${prefix}-secret`}>{i18n.t('webhooks.ownSecret')}</label>
          <input
            id={`${prefix}-secret`}
            data-field="secret"
            type="text"
            dir="ltr"
            autocomplete="off"
            spellcheck={false}
            aria-invalid={errors.secret ? 'true' : undefined}
            aria-describedby={describedBy('secret', true)}
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
          <span id={`${prefix}-secret-help`} class="help">
            {i18n.t('webhooks.ownSecretHelp')}
          </span>
          {fieldError('secret')}
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy
            ? i18n.t(initial ? 'webhooks.saving' : 'webhooks.adding')
            : i18n.t(initial ? 'webhooks.save' : 'webhooks.addSubmit')}
        </button>
        {onCancel && (
          <button type="button" class="button button-quiet" onClick={onCancel}>
            {i18n.t('webhooks.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Copies text to the clipboard: the Clipboard API where the page may use it (HTTPS or
 *  loopback), else by selecting the field and the browser's copy command. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission): try the old way.
  }
  try {
    field?.focus();
    field?.select();
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The signing secret of a subscription just added: shown this once, with a copy button, the
 *  warning that it will not be shown again, and how a receiver checks a delivery with it. */
export function NewSecret({ hook, onClose }: { hook: NewWebhook; onClose: () => void }) {
  const i18n = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  // A sample sending time for the example (the receiver reads the real one from the header).
  const [lines] = useState(() => signatureLines(Date.now() / 1000));

  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [hook.id]);

  return (
    <section class="card secret-card" aria-labelledby="new-secret-title" data-testid="new-secret">
      <h2 id="new-secret-title" ref={heading} tabIndex={-1}>
        {i18n.t('webhooks.secretTitle')}
      </h2>
      <p class="secret-warning">{i18n.t('webhooks.secretOnce')}</p>
      <div class="field">
        <label for="new-secret-value">{i18n.t('webhooks.secretOf', { name: webhookName(hook) })}</label>
        <div class="secret-row">
          <input
            id="new-secret-value"
            ref={field}
            class="secret-value"
            type="text"
            readOnly
            dir="ltr"
            spellcheck={false}
            autocomplete="off"
            value={hook.secret}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            class="button button-primary"
            onClick={async () => setCopied(await copyText(hook.secret, field.current))}
          >
            {i18n.t('webhooks.copy')}
          </button>
        </div>
        <p class="form-status" aria-live="polite">
          {copied !== null && (
            <span class={copied ? 'form-ok' : 'form-error'}>
              {i18n.t(copied ? 'webhooks.copied' : 'webhooks.copyFailed')}
            </span>
          )}
        </p>
      </div>
      <h3>{i18n.t('webhooks.verifyTitle')}</h3>
      <p>{i18n.t('webhooks.verifyHeader')}</p>
      <pre class="code-block" dir="ltr">
        <code>{lines.join('\n')}</code>
      </pre>
      <p>{i18n.t('webhooks.verifyHow')}</p>
      <p>
        <button type="button" class="button" onClick={onClose}>
          {i18n.t('webhooks.secretDone')}
        </button>
      </p>
    </section>
  );
}
