// Cross-sell: association rules (filterable by level, lift and confidence), the category
// matrix (customers buying both, and the lift), coverage, and the best look-alike targets.
import { useState } from 'preact/hooks';

import { ChartView } from '../../components/chart';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, Loading, NoAnalysis } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { I18n } from '../../i18n/i18n';
import { heatColour } from '../../lib/heat';
import { categoryName } from '../../lib/labels';
import { useAsync } from '../../lib/use-async';
import { Link } from '../../router';
import { getCategories, getRules, type RuleFilters } from './api';
import type { CategoriesReport, RulesReport } from './types';

export function CrossSellPage() {
  const i18n = useI18n();
  const categories = useAsync(getCategories, []);
  return (
    <section class="page">
      <PageHeader title={i18n.t('crossSell.title')} />
      <Rules />
      {categories.status === 'loading' && <Loading />}
      {categories.status === 'error' && <ErrorState error={categories.error} onRetry={categories.reload} />}
      {categories.status === 'ready' && !categories.data && (
        <section class="card">
          <NoAnalysis what="crossSell" />
        </section>
      )}
      {categories.status === 'ready' && categories.data && (
        <>
          <Matrix report={categories.data} i18n={i18n} />
          <div class="grid-2">
            <Coverage report={categories.data} i18n={i18n} />
            <Targets report={categories.data} i18n={i18n} />
          </div>
        </>
      )}
    </section>
  );
}

function itemLabel(i18n: I18n, level: string, items: string[]): string {
  return i18n.list(items.map((item) => (level === 'category' ? categoryName(i18n, item) : item)));
}

function Rules() {
  const i18n = useI18n();
  const [filters, setFilters] = useState<RuleFilters>({ level: 'category', min_lift: 1, min_confidence: null });
  const [draft, setDraft] = useState({ level: 'category', minLift: '1', minConfidence: '' });
  const rules = useAsync(() => getRules(filters), [filters.level, filters.min_lift, filters.min_confidence]);

  function apply(event: Event) {
    event.preventDefault();
    const lift = draft.minLift.trim() === '' ? null : Number(draft.minLift);
    const confidence = draft.minConfidence.trim() === '' ? null : Number(draft.minConfidence) / 100;
    setFilters({
      level: draft.level === 'product' ? 'product' : 'category',
      min_lift: lift !== null && Number.isFinite(lift) && lift >= 0 ? lift : null,
      min_confidence: confidence !== null && Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : null,
    });
  }

  return (
    <section class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{i18n.t('crossSell.rules')}</h2>
      <p class="muted">{i18n.t('crossSell.rulesHelp')}</p>
      <form class="inline-form" onSubmit={apply} aria-label={i18n.t('crossSell.ruleFilters')}>
        <div class="field">
          <label for="rules-level">{i18n.t('crossSell.level')}</label>
          <select id="rules-level" value={draft.level} onChange={(e) => setDraft({ ...draft, level: e.currentTarget.value })}>
            <option value="category">{i18n.t('crossSell.levelCategory')}</option>
            <option value="product">{i18n.t('crossSell.levelProduct')}</option>
          </select>
        </div>
        <div class="field">
          <label for="rules-lift">{i18n.t('crossSell.minLift')}</label>
          <input id="rules-lift" type="number" min="0" step="0.1" inputMode="decimal" value={draft.minLift} onInput={(e) => setDraft({ ...draft, minLift: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="rules-confidence">{i18n.t('crossSell.minConfidence')}</label>
          <input id="rules-confidence" type="number" min="0" max="100" step="1" inputMode="numeric" value={draft.minConfidence} onInput={(e) => setDraft({ ...draft, minConfidence: e.currentTarget.value })} />
        </div>
        <button type="submit" class="button">{i18n.t('action.apply')}</button>
      </form>
      {rules.status === 'loading' && <Loading />}
      {rules.status === 'error' && <ErrorState error={rules.error} onRetry={rules.reload} />}
      {rules.status === 'ready' && !rules.data && <NoAnalysis what="crossSell" />}
      {rules.status === 'ready' && rules.data && <RulesTable report={rules.data} i18n={i18n} />}
    </section>
  );
}

function RulesTable({ report, i18n }: { report: RulesReport; i18n: I18n }) {
  if (report.rules.length === 0) return <EmptyState title="crossSell.noRules" />;
  const fixed = (v: number, digits = 2) => i18n.number(v, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <>
      <p class="muted">{i18n.t('crossSell.rulesCount', { count: report.rules.length, date: i18n.dateTime(report.created_at) })}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="rules-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('crossSell.ifBought')}</th>
              <th scope="col">{i18n.t('crossSell.thenBuys')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.count')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.support')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.confidence')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.lift')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.leverage')}</th>
              <th scope="col" class="num">{i18n.t('crossSell.conviction')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rules.map((r, k) => (
              <tr key={k}>
                <td><bdi>{itemLabel(i18n, report.level, r.antecedent)}</bdi></td>
                <td><bdi>{itemLabel(i18n, report.level, r.consequent)}</bdi></td>
                <td class="num">{i18n.number(r.count)}</td>
                <td class="num">{i18n.number(r.support, { style: 'percent', maximumFractionDigits: 2 })}</td>
                <td class="num">{i18n.percent(r.confidence)}</td>
                <td class="num">{fixed(r.lift)}</td>
                <td class="num">{fixed(r.leverage, 4)}</td>
                <td class="num">{r.conviction === null ? i18n.t('crossSell.infinite') : fixed(r.conviction)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Matrix({ report, i18n }: { report: CategoriesReport; i18n: I18n }) {
  const names = report.categories;
  if (names.length === 0) {
    return (
      <section class="card">
        <h2>{i18n.t('crossSell.matrix')}</h2>
        <EmptyState title="empty.notEnoughData" />
      </section>
    );
  }
  // Lift around 1 is "as often as chance": colour by log lift, capped at 4x.
  const shade = (lift: number) => Math.min(1, Math.max(0, Math.log(Math.max(lift, 1e-9)) / Math.log(4)));
  return (
    <section class="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{i18n.t('crossSell.matrix')}</h2>
      <p class="muted">{i18n.t('crossSell.matrixHelp')}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-title">
        <table class="heatmap matrix">
          <thead>
            <tr>
              <th scope="col">{i18n.t('crossSell.buyersOf')}</th>
              {names.map((n) => (
                <th scope="col" key={n}>
                  <bdi>{categoryName(i18n, n)}</bdi>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((row, i) => (
              <tr key={row}>
                <th scope="row"><bdi>{categoryName(i18n, row)}</bdi></th>
                {names.map((col, j) => {
                  const both = report.matrix[i]?.[j] ?? 0;
                  const lift = report.lift[i]?.[j] ?? 0;
                  if (i === j) {
                    return (
                      <td key={col} class="num diagonal" title={i18n.t('crossSell.diagonal', { count: both })}>
                        {i18n.number(both)}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={col}
                      class="num"
                      style={heatColour(shade(lift))}
                      title={i18n.t('crossSell.cellTitle', {
                        a: categoryName(i18n, row),
                        b: categoryName(i18n, col),
                        count: both,
                        lift: i18n.number(lift, { maximumFractionDigits: 2 }),
                      })}
                    >
                      <span class="cell-count">{i18n.number(both)}</span>
                      <span class="cell-lift">{i18n.t('crossSell.liftValue', { lift: i18n.number(lift, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) })}</span>
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

function Coverage({ report, i18n }: { report: CategoriesReport; i18n: I18n }) {
  const histogram = report.histogram ?? [];
  const mean = report.mean_categories;
  return (
    <section class="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{i18n.t('crossSell.coverage')}</h2>
      {mean !== undefined && (
        <p class="muted">{i18n.t('crossSell.coverageMean', { mean: i18n.number(mean, { maximumFractionDigits: 2 }) })}</p>
      )}
      {histogram.length === 0 ? (
        <EmptyState title="empty.notEnoughData" />
      ) : (
        <ChartView
          type="bar"
          title={i18n.t('crossSell.coverage')}
          labelHeader={i18n.t('crossSell.categoriesBought')}
          labels={histogram.map((h) => i18n.t('crossSell.nCategories', { count: h.categories }))}
          series={[{ label: i18n.t('dashboard.customersSeries'), values: histogram.map((h) => h.customers) }]}
          format={(v) => i18n.number(v)}
        />
      )}
    </section>
  );
}

function Targets({ report, i18n }: { report: CategoriesReport; i18n: I18n }) {
  const targets = report.targets;
  return (
    <section class="card" aria-labelledby="targets-title">
      <h2 id="targets-title">{i18n.t('crossSell.targets')}</h2>
      <p class="muted">{i18n.t('crossSell.targetsHelp')}</p>
      {targets.length === 0 ? (
        <EmptyState title="empty.noTargets" />
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="targets-title">
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
                  <td><Link href={`/customers/${t.customer_id}`}>{t.name}</Link></td>
                  <td><bdi>{categoryName(i18n, t.category)}</bdi></td>
                  <td>{t.suggest ? <bdi>{categoryName(i18n, t.suggest)}</bdi> : '—'}</td>
                  <td class="num">{i18n.percent(t.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
