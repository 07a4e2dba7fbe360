// Figures the pages derive from analytics responses.

/** The part of a cohort (GET /api/v1/analytics/cohorts) the curve needs. */
export interface CohortCounts {
  customers: number;
  active: number[];
}

/** Share of customers buying k months after their first month, over all cohorts old enough
 *  to have a month k, weighted by cohort size. The last month of the youngest cohorts is a
 *  partial month, as in the cohort table. */
export function retentionCurve<C extends CohortCounts>(cohorts: readonly C[]): number[] {
  const longest = Math.max(0, ...cohorts.map((c) => c.active.length));
  const curve: number[] = [];
  for (let k = 0; k < longest; ++k) {
    let active = 0;
    let customers = 0;
    for (const c of cohorts) {
      if (k < c.active.length) {
        active += c.active[k]!;
        customers += c.customers;
      }
    }
    curve.push(customers ? active / customers : 0);
  }
  return curve;
}
