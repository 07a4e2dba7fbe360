// Dashboard: headline figures, the retention curve, the lifetime value distribution, the tier
// mix and the best cross-sell opportunities, composed from the analytics routes.
import { ChartView } from '../../components/chart';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading, NoAnalysis } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { categoryName, serviceName } from '../../lib/labels';
import { retentionCurve } from '../../lib/analytics';
import { useAsync } from '../../lib/use-async';
import { Link } from '../../router';
import { getCategories } from '../crosssell/api';
import type { CategoriesReport } from '../crosssell/types';
import { getClv, getCohorts, getSummary, getTiers } from '../retention/api';
import type { ClvReport, CohortsReport, Summary, TiersReport } from '../retention/types';

interface Analysis {
  summary: Summary | null;
  cohorts: CohortsReport | null;
  clv: ClvReport | null;
  tiers: TiersReport | null;
}

async function loadAnalysis(): Promise<Analysis> {
  const [summary, cohorts, clv, tiers] = await Promise.all([
    getSummary(),
    getCohorts(),
    getClv(),
    getTiers(),
  ]);
  return { summary, cohorts, clv, tiers };
}

export function DashboardPage() {
  const i18n = useI18n();
  const analysis = useAsync(loadAnalysis, []);
  const categories = useAsync(getCategories, []);

  return (
    <section class="page">
      <PageHeader title={i18n.t('dashboard.title')} />
      {analysis.status === 'loading' && <Loading />}
      {analysis.status === 'error' && <ErrorState error={analysis.error} onRetry={analysis.reload} />}
      {analysis.status === 'ready' && !analysis.data.summary && <NoAnalysis />}
      {analysis.status === 'ready' && analysis.data.summary && (
        <>
          <AsOf summary={analysis.data.summary} />
          <Kpis summary={analysis.data.summary} />
          <div class="grid-2">
            <RetentionCard cohorts={analysis.data.cohorts} />
            <ClvCard clv={analysis.data.clv} currency={analysis.data.summary.summary.currency ?? null} />
            <TierCard tiers={analysis.data.tiers} currency={analysis.data.summary.summary.currency ?? null} />
            <section class="card" aria-labelledby="opportunities-title">
              <h2 id="opportunities-title">{i18n.t('dashboard.opportunities')}</h2>
              {categories.status === 'loading' && <Loading />}
              {categories.status === 'error' && (
                <ErrorState error={categories.error} onRetry={categories.reload} />
              )}
              {categories.status === 'ready' && (
                <Opportunities report={categories.data} i18n={i18n} />
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}

function AsOf({ summary }: { summary: Summary }) {
  const i18n = useI18n();
  return (
    <p class="muted">
      {i18n.t('dashboard.asOf', {
        date: i18n.date(summary.as_of),
        model: summary.model,
        updated: i18n.dateTime(summary.created_at),
      })}
    </p>
  );
}

function Kpis({ summary }: { summary: Summary }) {
  const i18n = useI18n();
  const s = summary.summary;
  const counts = summary.churn_risk?.counts;
  const atRisk = counts ? counts.high : null;
  const currency = s.currency ?? null;
  return (
    <ul class="kpis" aria-label={i18n.t('dashboard.kpis')}>
      <Kpi label={i18n.t('kpi.customers')} value={i18n.number(s.customers)} href="/customers" />
      <Kpi
        label={i18n.t('kpi.active')}
        value={i18n.number(s.probably_active)}
        note={s.customers ? i18n.t('kpi.share', { share: i18n.percent(s.probably_active / s.customers) }) : ''}
      />
      <Kpi
        label={i18n.t('kpi.atRisk')}
        value={atRisk === null ? '—' : i18n.number(atRisk)}
        note={i18n.t('kpi.atRiskNote')}
        href="/customers?risk=high"
      />
      <Kpi label={i18n.t('kpi.revenue')} value={i18n.money(s.revenue_minor, currency)} />
      <Kpi
        label={i18n.t('kpi.repeatRate')}
        value={i18n.percent(s.repeat_rate)}
        note={i18n.t('kpi.repeaters', { count: s.repeaters })}
      />
    </ul>
  );
}

function Kpi({ label, value, note, href }: { label: string; value: string; note?: string; href?: string }) {
  return (
    <li class="kpi card">
      <span class="kpi-label">{href ? <Link href={href}>{label}</Link> : label}</span>
      <span class="kpi-value">{value}</span>
      {note && <span class="kpi-note">{note}</span>}
    </li>
  );
}

function RetentionCard({ cohorts }: { cohorts: CohortsReport | null }) {
  const i18n = useI18n();
  const curve = cohorts?.cohorts ? retentionCurve(cohorts.cohorts.cohorts) : [];
  return (
    <section class="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{i18n.t('dashboard.retention')}</h2>
      <p class="muted">{i18n.t('dashboard.retentionHelp')}</p>
      {curve.length < 2 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <ChartView
          type="line"
          title={i18n.t('dashboard.retention')}
          labelHeader={i18n.t('dashboard.monthsAfterFirst')}
          labels={curve.map((_, k) => i18n.t('dashboard.monthN', { n: k }))}
          series={[{ label: i18n.t('dashboard.retained'), values: curve }]}
          format={(v) => i18n.percent(v)}
        />
      )}
    </section>
  );
}

function ClvCard({ clv, currency }: { clv: ClvReport | null; currency: string | null }) {
  const i18n = useI18n();
  const section = clv?.clv;
  const bins = section?.histogram ?? [];
  return (
    <section class="card" aria-labelledby="clv-title">
      <h2 id="clv-title">{i18n.t('dashboard.clv')}</h2>
      {section && (
        <p class="muted">
          {i18n.t('dashboard.clvHelp', {
            mean: i18n.money(section.mean_minor, currency),
            median: i18n.money(section.quantiles_minor.p50 ?? 0, currency),
            months: section.horizon_months,
          })}
        </p>
      )}
      {bins.length === 0 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <ChartView
          type="bar"
          title={i18n.t('dashboard.clv')}
          labelHeader={i18n.t('dashboard.clvRange')}
          labels={bins.map((b) => i18n.t('dashboard.upTo', { amount: i18n.money(b.to_minor, currency, true) }))}
          series={[{ label: i18n.t('dashboard.customersSeries'), values: bins.map((b) => b.customers) }]}
          format={(v) => i18n.number(v)}
        />
      )}
    </section>
  );
}

function TierCard({ tiers, currency }: { tiers: TiersReport | null; currency: string | null }) {
  const i18n = useI18n();
  const rows = tiers?.tiers?.tiers ?? [];
  return (
    <section class="card" aria-labelledby="tiers-title">
      <h2 id="tiers-title">{i18n.t('dashboard.tierMix')}</h2>
      {rows.length === 0 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <>
          <ChartView
            type="doughnut"
            title={i18n.t('dashboard.tierMix')}
            labelHeader={i18n.t('tiers.serviceLevel')}
            labels={rows.map((r) => serviceName(i18n, r.service_level))}
            series={[{ label: i18n.t('dashboard.customersSeries'), values: rows.map((r) => r.customers) }]}
            format={(v) => i18n.number(v)}
          />
          <ul class="plain-list">
            {rows.map((r) => (
              <li key={r.tier}>
                <Link href={`/customers?tier=${r.tier}`}>
                  {i18n.t('dashboard.tierLine', {
                    service: serviceName(i18n, r.service_level),
                    count: r.customers,
                    value: i18n.money(r.clv_total_minor, currency),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Opportunities({ report, i18n }: { report: CategoriesReport | null; i18n: I18n }) {
  if (!report) return <NoAnalysis what="crossSell" />;
  const targets = report.targets.slice(0, 8);
  if (targets.length === 0) return <EmptyState title="empty.noTargets" />;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={i18n.t('dashboard.opportunities')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('column.customer')}</th>
            <th scope="col">{i18n.t('column.buysIn')}</th>
            <th scope="col">{i18n.t('column.suggest')}</th>
            <th scope="col" class="num">{i18n.t('column.score')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.customer_id}>
              <td>
                <Link href={`/customers/${t.customer_id}`}>{t.name}</Link>
              </td>
              <td><bdi>{categoryName(i18n, t.category)}</bdi></td>
              <td>{t.suggest ? <bdi>{categoryName(i18n, t.suggest)}</bdi> : '—'}</td>
              <td class="num">{i18n.percent(t.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
