// Customer 360: profile, value and service level, RFM segment, category coverage, next best
// offers with their reasons, orders and the full timeline; staff add notes, calls and meetings.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, errorMessage, Loading, NoAnalysis } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import {
  categoryName,
  channelName,
  kindName,
  riskName,
  segmentHelp,
  segmentName,
  serviceName,
  statusName,
  tierName,
} from '../../lib/labels';
import { toIsoSeconds, toLocalInput } from '../../lib/time';
import { useAsync } from '../../lib/use-async';
import { Link } from '../../router';
import { canWrite, useSession } from '../../session';
import { getRecommendations } from '../crosssell/api';
import type { Offer, Recommendations } from '../crosssell/types';
import { getPrediction } from '../retention/api';
import type { Prediction } from '../retention/types';
import { createInteraction, getCustomer, getTimeline, listOrders } from './api';
import type { CustomerWithTimeline, InteractionKind, Order, TimelineEvent } from './types';

export function Customer360Page({ id }: { id: number }) {
  const i18n = useI18n();
  const customer = useAsync(() => getCustomer(id), [id]);

  if (customer.status === 'loading') {
    return (
      <section class="page">
        <PageHeader title={i18n.t('customer.loadingTitle')} />
        <Loading />
      </section>
    );
  }
  if (customer.status === 'error') {
    const missing = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <section class="page">
        <PageHeader title={i18n.t(missing ? 'customer.notFound' : 'customer.loadingTitle')} />
        {missing ? (
          <EmptyState title="customer.notFoundHelp">
            <p>
              <Link href="/customers">{i18n.t('action.backToCustomers')}</Link>
            </p>
          </EmptyState>
        ) : (
          <ErrorState error={customer.error} onRetry={customer.reload} />
        )}
      </section>
    );
  }
  return <Customer360 customer={customer.data} />;
}

function Customer360({ customer }: { customer: CustomerWithTimeline }) {
  const i18n = useI18n();
  const prediction = useAsync(() => getPrediction(customer.id), [customer.id]);
  const offers = useAsync(() => getRecommendations(customer.id), [customer.id]);
  const [timeline, setTimeline] = useState(customer.timeline);

  return (
    <article class="page customer-360">
      <PageHeader title={customer.name || customer.external_id}>
        <Link href="/customers" class="button button-quiet">
          {i18n.t('action.backToCustomers')}
        </Link>
      </PageHeader>
      <div class="grid-3">
        <Profile customer={customer} />
        <section class="card" aria-labelledby="value-title">
          <h2 id="value-title">{i18n.t('customer.value')}</h2>
          {prediction.status === 'loading' && <Loading />}
          {prediction.status === 'error' && <ErrorState error={prediction.error} onRetry={prediction.reload} />}
          {prediction.status === 'ready' &&
            (prediction.data ? (
              <Value prediction={prediction.data} i18n={i18n} />
            ) : (
              <EmptyState title="customer.noPrediction">
                <p>{i18n.t('customer.noPredictionHelp')}</p>
              </EmptyState>
            ))}
        </section>
        <section class="card" aria-labelledby="offers-title">
          <h2 id="offers-title">{i18n.t('customer.offers')}</h2>
          {offers.status === 'loading' && <Loading />}
          {offers.status === 'error' && <ErrorState error={offers.error} onRetry={offers.reload} />}
          {offers.status === 'ready' &&
            (offers.data ? <OffersView recs={offers.data} i18n={i18n} /> : <NoAnalysis what="crossSell" />)}
        </section>
      </div>
      <div class="grid-2">
        <section class="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{i18n.t('customer.timeline')}</h2>
          <InteractionForm customerId={customer.id} onAdded={async () => setTimeline(await getTimeline(customer.id, null))} />
          <Timeline customerId={customer.id} first={timeline} />
        </section>
        <Orders customerId={customer.id} />
      </div>
    </article>
  );
}

function Profile({ customer }: { customer: CustomerWithTimeline }) {
  const i18n = useI18n();
  const consents = Object.entries(customer.consent)
    .filter(([, yes]) => yes)
    .map(([channel]) => channelName(i18n, channel));
  const rows: [string, ComponentChildren][] = [
    [i18n.t('profile.externalId'), <bdi>{customer.external_id}</bdi>],
    [i18n.t('profile.email'), customer.emails.length ? customer.emails.map((e) => <bdi class="block" key={e}>{e}</bdi>) : '—'],
    [i18n.t('profile.phone'), customer.phones.length ? customer.phones.map((p) => <bdi class="block" key={p} dir="ltr">{p}</bdi>) : '—'],
    [i18n.t('profile.country'), i18n.country(customer.country) || '—'],
    [i18n.t('profile.language'), i18n.language(customer.preferred_language) || '—'],
    [i18n.t('profile.firstSeen'), customer.first_seen ? i18n.date(customer.first_seen) : '—'],
    [i18n.t('profile.consent'), consents.length ? i18n.list(consents) : i18n.t('profile.noConsent')],
    [i18n.t('profile.owner'), customer.account_owner || '—'],
  ];
  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{i18n.t('customer.profile')}</h2>
      <dl class="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {customer.tags.length > 0 && (
        <ul class="tags" aria-label={i18n.t('profile.tags')}>
          {customer.tags.map((tag) => (
            <li key={tag} class="tag">
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Value({ prediction: p, i18n }: { prediction: Prediction; i18n: I18n }) {
  const currency = p.currency;
  return (
    <>
      <p class="service-level">
        <span class={`badge service-${p.service_level}`}>{serviceName(i18n, p.service_level)}</span>
        <span class="muted">{i18n.t('customer.tierOf', { tier: tierName(i18n, p.tier) })}</span>
      </p>
      <dl class="facts">
        <div>
          <dt>{i18n.t('customer.pAlive')}</dt>
          <dd>
            <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={p.p_alive} aria-hidden="true" />{' '}
            {i18n.percent(p.p_alive)}{' '}
            <span class={`badge risk-${p.churn_risk}`}>{riskName(i18n, p.churn_risk)}</span>
          </dd>
        </div>
        <div>
          <dt>{i18n.t('customer.clv')}</dt>
          <dd>{i18n.money(p.clv_minor, currency)}</dd>
        </div>
        <div>
          <dt>{i18n.t('customer.expectedPurchases')}</dt>
          <dd>{i18n.number(p.expected_purchases, { maximumFractionDigits: 1 })}</dd>
        </div>
        <div>
          <dt>{i18n.t('customer.rfm')}</dt>
          <dd>
            <Link href={`/customers?segment=${p.rfm.segment}`}>{segmentName(i18n, p.rfm.segment)}</Link>{' '}
            <span class="muted">{i18n.t('customer.rfmScores', { r: p.rfm.r, f: p.rfm.f, m: p.rfm.m })}</span>
          </dd>
        </div>
      </dl>
      <p class="muted">{segmentHelp(i18n, p.rfm.segment)}</p>
    </>
  );
}

function offerItemName(offer: Offer, i18n: I18n, value: string): string {
  if (offer.level !== 'category') return value;
  void i18n;
  return value.split('/').pop() ?? value;
}

/** An offer's reason, built from its parts through the catalogue. */
export function offerReason(offer: Offer, i18n: I18n): string {
  const item = offerItemName(offer, i18n, offer.name || offer.item);
  const because = offer.reason.because_name ?? offer.reason.because;
  if (because && offer.reason.kind !== 'popular') {
    return i18n.t('offer.because', {
      because: offerItemName(offer, i18n, because),
      item,
      lift: i18n.number(offer.reason.lift ?? offer.lift, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    });
  }
  return i18n.t('offer.popular', { item });
}

function OffersView({ recs, i18n }: { recs: Recommendations; i18n: I18n }) {
  const bought = recs.coverage.bought;
  return (
    <>
      <h3>{i18n.t('customer.coverage')}</h3>
      <p>
        {i18n.t('customer.coverageLine', { count: bought.length, offered: recs.coverage.offered })}
      </p>
      {recs.coverage.offered > 0 && (
        <meter class="coverage-meter" min={0} max={recs.coverage.offered} value={bought.length} aria-hidden="true" />
      )}
      {bought.length > 0 && (
        <ul class="tags" aria-label={i18n.t('customer.categoriesBought')}>
          {bought.map((c) => (
            <li key={c} class="tag">
              <bdi>{categoryName(i18n, c)}</bdi>
            </li>
          ))}
        </ul>
      )}
      <h3>{i18n.t('customer.nextBest')}</h3>
      {recs.offers.length === 0 ? (
        <p class="muted">{i18n.t('customer.noOffers')}</p>
      ) : (
        <ol class="offers">
          {recs.offers.map((offer) => (
            <li key={`${offer.level}:${offer.item}`}>
              <span class="offer-name">
                <bdi>{offer.level === 'category' ? categoryName(i18n, offer.item) : offer.name || offer.item}</bdi>
              </span>{' '}
              <span class="badge">{i18n.t(offer.level === 'category' ? 'offer.category' : 'offer.product')}</span>
              <span class="offer-reason">{offerReason(offer, i18n)}</span>
              <span class="sub">{i18n.t('offer.score', { score: i18n.percent(offer.score) })}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const KINDS: InteractionKind[] = ['note', 'call', 'meeting'];
const CHANNELS = ['', 'phone', 'email', 'in_person', 'chat', 'web'];
const DEFAULT_CHANNEL: Record<InteractionKind, string> = { note: '', call: 'phone', meeting: 'in_person' };

function InteractionForm({ customerId, onAdded }: { customerId: number; onAdded: () => Promise<void> }) {
  const i18n = useI18n();
  const { user } = useSession();
  const [kind, setKind] = useState<InteractionKind>('note');
  const [channel, setChannel] = useState('');
  const [summary, setSummary] = useState('');
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  if (!canWrite(user)) return <p class="muted">{i18n.t('interaction.readOnly')}</p>;

  async function submit(event: Event) {
    event.preventDefault();
    if (!summary.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      await createInteraction({
        customer_id: customerId,
        kind,
        channel,
        summary: summary.trim(),
        occurred_at: toIsoSeconds(new Date(when)),
      });
      setSummary('');
      setWhen(toLocalInput(new Date()));
      await onAdded();
      setMessage({ text: i18n.t('interaction.added'), error: false });
    } catch (e) {
      setMessage({ text: errorMessage(i18n, e), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form interaction-form" onSubmit={submit}>
      <fieldset class="segmented">
        <legend>{i18n.t('interaction.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="interaction-kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setChannel(DEFAULT_CHANNEL[k]);
              }}
            />
            <span>{i18n.t(`interaction.kind.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="interaction-summary">{i18n.t('interaction.summary')}</label>
        <textarea
          id="interaction-summary"
          rows={3}
          required
          maxLength={10000}
          value={summary}
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="interaction-channel">{i18n.t('interaction.channel')}</label>
          <select id="interaction-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c ? channelName(i18n, c) : i18n.t('channel.none')}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="interaction-when">{i18n.t('interaction.when')}</label>
          <input id="interaction-when" type="datetime-local" required value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </div>
      </div>
      <button type="submit" class="button button-primary" disabled={busy || !summary.trim()}>
        {i18n.t('interaction.submit')}
      </button>
      <p class={message?.error ? 'form-error' : 'form-ok'} role="status">
        {message?.text ?? ''}
      </p>
    </form>
  );
}

function Timeline({ customerId, first }: { customerId: number; first: { items: TimelineEvent[]; next_cursor: string | null } }) {
  const i18n = useI18n();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.next_cursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setItems(first.items);
    setCursor(first.next_cursor);
  }, [first]);

  async function more() {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await getTimeline(customerId, cursor);
      setItems((old) => [...old, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (items.length === 0) return <EmptyState title="customer.noEvents" />;
  return (
    <>
      <ol class="timeline" data-testid="timeline">
        {items.map((e) => (
          <li key={`${e.type}:${e.id}`} class={`event event-${e.type}`}>
            <div class="event-head">
              <span class="badge">{e.type === 'order' ? i18n.t('timeline.order') : kindName(i18n, e.kind)}</span>
              <time dateTime={e.at}>{i18n.dateTime(e.at)}</time>
              {e.channel && <span class="muted">{channelName(i18n, e.channel)}</span>}
              {e.amount_minor !== null && <span class="event-amount">{i18n.money(e.amount_minor, e.currency)}</span>}
            </div>
            <p class="event-summary">
              <bdi>{e.summary}</bdi>
            </p>
          </li>
        ))}
      </ol>
      {error !== null && <ErrorState error={error} onRetry={more} />}
      {cursor && (
        <button type="button" class="button" onClick={more} disabled={busy}>
          {busy ? i18n.t('state.loading') : i18n.t('action.loadMore')}
        </button>
      )}
    </>
  );
}

function Orders({ customerId }: { customerId: number }) {
  const i18n = useI18n();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function load(from: string | null) {
    setBusy(true);
    setError(null);
    try {
      const page = await listOrders(customerId, from);
      setOrders((old) => (from ? [...(old ?? []), ...page.items] : page.items));
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    void load(null);
  }, [customerId]);

  return (
    <section class="card" aria-labelledby="orders-title">
      <h2 id="orders-title">{i18n.t('customer.orders')}</h2>
      {orders === null && error === null && <Loading />}
      {error !== null && <ErrorState error={error} onRetry={() => load(orders ? cursor : null)} />}
      {orders !== null && orders.length === 0 && <EmptyState title="customer.noOrders" />}
      {orders !== null && orders.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={i18n.t('customer.orders')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{i18n.t('column.date')}</th>
                <th scope="col">{i18n.t('column.order')}</th>
                <th scope="col">{i18n.t('column.status')}</th>
                <th scope="col" class="num">{i18n.t('column.lines')}</th>
                <th scope="col" class="num">{i18n.t('column.total')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>{i18n.date(o.ordered_at)}</td>
                  <td>
                    <bdi>{o.external_id}</bdi>
                    <span class="sub">{o.lines.map((l) => l.description || l.sku).slice(0, 3).join(', ')}</span>
                  </td>
                  <td>{statusName(i18n, o.status)}</td>
                  <td class="num">{i18n.number(o.lines.length)}</td>
                  <td class="num">{i18n.money(o.total_minor, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" class="button" onClick={() => load(cursor)} disabled={busy}>
          {busy ? i18n.t('state.loading') : i18n.t('action.loadMore')}
        </button>
      )}
    </section>
  );
}
