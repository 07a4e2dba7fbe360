// Segments: the RFM grid (each cell a link to its customers), the segment sizes with what
// they mean for staff, churn risk bands, value tiers, and the cohort retention heatmap.
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading, NoAnalysis } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { heatColour } from '../../lib/heat';
import { RFM_GRID, RISKS, riskName, SEGMENTS, segmentHelp, segmentName, serviceName, tierName } from '../../lib/labels';
import { useAsync } from '../../lib/use-async';
import { Link } from '../../router';
import { getCohorts, getRfm, getSummary, getTiers } from './api';
import type { CohortsReport, RfmReport, Summary, TiersReport } from './types';

interface Data {
  rfm: RfmReport | null;
  cohorts: CohortsReport | null;
  tiers: TiersReport | null;
  summary: Summary | null;
}

async function load(): Promise<Data> {
  const [rfm, cohorts, tiers, summary] = await Promise.all([getRfm(), getCohorts(), getTiers(), getSummary()]);
  return { rfm, cohorts, tiers, summary };
}

export function SegmentsPage() {
  const i18n = useI18n();
  const data = useAsync(load, []);
  return (
    <section class="page">
      <PageHeader title={i18n.t('segments.title')} />
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorState error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && !data.data.rfm && <NoAnalysis />}
      {data.status === 'ready' && data.data.rfm && (
        <>
          <div class="grid-wide">
            <RfmGrid report={data.data.rfm} i18n={i18n} />
            <SegmentList report={data.data.rfm} i18n={i18n} />
          </div>
          <div class="grid-wide">
            <Tiers report={data.data.tiers} currency={data.data.summary?.summary.currency ?? null} i18n={i18n} />
            <Risks summary={data.data.summary} i18n={i18n} />
          </div>
          <CohortHeatmap report={data.data.cohorts} i18n={i18n} />
        </>
      )}
    </section>
  );
}

function RfmGrid({ report, i18n }: { report: RfmReport; i18n: I18n }) {
  const grid = report.rfm?.grid ?? [];
  const max = Math.max(1, ...grid.flat());
  return (
    <section class="card" aria-labelledby="rfm-title">
      <h2 id="rfm-title">{i18n.t('segments.rfmGrid')}</h2>
      <p class="muted">{i18n.t('segments.rfmHelp')}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="rfm-title">
        <table class="heatmap rfm-grid">
          <thead>
            <tr>
              <th scope="col">{i18n.t('segments.rByFm')}</th>
              {[1, 2, 3, 4, 5].map((fm) => (
                <th scope="col" key={fm}>
                  {i18n.t('segments.fmScore', { n: fm })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RFM_GRID.map((row, i) => (
              <tr key={i}>
                <th scope="row">{i18n.t('segments.rScore', { n: 5 - i })}</th>
                {row.map((segment, j) => {
                  const count = grid[i]?.[j] ?? 0;
                  const colour = heatColour(count / max);
                  return (
                    <td key={j} style={colour}>
                      <Link
                        href={`/customers?segment=${segment}`}
                        style={{ color: colour.color }}
                        title={i18n.t('segments.cellLabel', {
                          segment: segmentName(i18n, segment),
                          count,
                          r: 5 - i,
                          fm: j + 1,
                        })}
                      >
                        <span class="cell-name">{segmentName(i18n, segment)}</span>
                        <span class="cell-count">{i18n.number(count)}</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SegmentList({ report, i18n }: { report: RfmReport; i18n: I18n }) {
  const counts = report.rfm?.segments;
  return (
    <section class="card" aria-labelledby="segment-list-title">
      <h2 id="segment-list-title">{i18n.t('segments.list')}</h2>
      <ul class="segment-list">
        {SEGMENTS.map((s) => (
          <li key={s}>
            <Link href={`/customers?segment=${s}`}>{segmentName(i18n, s)}</Link>{' '}
            <span class="count">{i18n.t('segments.customers', { count: counts?.[s] ?? 0 })}</span>
            <span class="sub">{segmentHelp(i18n, s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Tiers({ report, currency, i18n }: { report: TiersReport | null; currency: string | null; i18n: I18n }) {
  const rows = report?.tiers?.tiers ?? [];
  return (
    <section class="card" aria-labelledby="tiers-list-title">
      <h2 id="tiers-list-title">{i18n.t('segments.tiers')}</h2>
      {rows.length === 0 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="tiers-list-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{i18n.t('tiers.serviceLevel')}</th>
                <th scope="col">{i18n.t('tiers.tier')}</th>
                <th scope="col" class="num">{i18n.t('column.customers')}</th>
                <th scope="col" class="num">{i18n.t('tiers.totalClv')}</th>
                <th scope="col" class="num">{i18n.t('tiers.meanClv')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.tier}>
                  <th scope="row">
                    <Link href={`/customers?tier=${r.tier}`}>{serviceName(i18n, r.service_level)}</Link>
                  </th>
                  <td>{tierName(i18n, r.tier)}</td>
                  <td class="num">{i18n.number(r.customers)}</td>
                  <td class="num">{i18n.money(r.clv_total_minor, currency)}</td>
                  <td class="num">{i18n.money(r.clv_mean_minor, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Risks({ summary, i18n }: { summary: Summary | null; i18n: I18n }) {
  const counts = summary?.churn_risk?.counts;
  return (
    <section class="card" aria-labelledby="risk-title">
      <h2 id="risk-title">{i18n.t('segments.risk')}</h2>
      <p class="muted">{i18n.t('segments.riskHelp')}</p>
      {!counts ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <ul class="risk-list">
          {RISKS.map((r) => (
            <li key={r}>
              <Link href={`/customers?risk=${r}`}>
                <span class={`badge risk-${r}`}>{riskName(i18n, r)}</span>
              </Link>{' '}
              <span>{i18n.t('segments.customers', { count: counts[r] ?? 0 })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CohortHeatmap({ report, i18n }: { report: CohortsReport | null; i18n: I18n }) {
  const cohorts = report?.cohorts?.cohorts ?? [];
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  // Month 0 is always 100 %: scale colours on the later months so differences show.
  const peak = Math.max(0.01, ...cohorts.flatMap((c) => c.retention.slice(1)));
  return (
    <section class="card" aria-labelledby="cohort-title">
      <h2 id="cohort-title">{i18n.t('segments.cohorts')}</h2>
      <p class="muted">{i18n.t('segments.cohortsHelp')}</p>
      {cohorts.length === 0 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="cohort-title">
          <table class="heatmap cohort-table">
            <thead>
              <tr>
                <th scope="col">{i18n.t('segments.cohort')}</th>
                <th scope="col" class="num">{i18n.t('column.customers')}</th>
                {Array.from({ length: width }, (_, k) => (
                  <th scope="col" key={k} class="num">
                    {i18n.t('segments.monthK', { n: k })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.month}>
                  <th scope="row">{i18n.month(c.month)}</th>
                  <td class="num">{i18n.number(c.customers)}</td>
                  {Array.from({ length: width }, (_, k) => {
                    const value = c.retention[k];
                    if (value === undefined) return <td key={k} class="blank" />;
                    return (
                      <td key={k} class="num" style={heatColour(k === 0 ? 1 : value / peak)}>
                        {i18n.number(value, { style: 'percent', maximumFractionDigits: 0 })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
