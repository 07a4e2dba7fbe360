// Retention: the analysis of the customer base (/api/v1/analytics/*, a customer's predictions).
// Money is in integer minor units; analytics figures may be fractional.

export type ChurnRisk = 'low' | 'medium' | 'high' | 'churned';
export type Tier = 'low' | 'middle' | 'high';
export type ServiceLevel = 'bargain' | 'standard' | 'premium';
export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential_loyalist'
  | 'new'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cant_lose'
  | 'hibernating'
  | 'lost';

/** The prediction summary a customers-list item carries when an analysis exists. */
export interface ListPrediction {
  p_alive: number;
  clv_minor: number;
  tier: Tier;
  service_level: ServiceLevel;
  rfm_segment: RfmSegment;
  churn_risk: ChurnRisk;
}

export interface Prediction {
  customer_id: number;
  run_id: number;
  frequency: number;
  recency: number;
  T: number;
  monetary_minor: number;
  p_alive: number;
  expected_purchases: number;
  expected_spend_minor: number;
  clv_minor: number;
  churn_risk: ChurnRisk;
  rfm: { r: number; f: number; m: number; segment: RfmSegment };
  tier: Tier;
  service_level: ServiceLevel;
  /** ISO 4217 code of the money amounts (the analysis currency); null for an older run. */
  currency: string | null;
}

/** Fields every analytics section response carries. */
export interface AnalysisHeader {
  run_id: number;
  created_at: string;
  as_of: string;
  model: string;
  period: string;
  customers: number;
}

/** The headline figures. Money in minor units of `currency`. */
export interface ReportSummary {
  customers: number;
  repeaters: number;
  repeat_rate: number;
  probably_active: number;
  expected_purchases: number;
  revenue_minor: number;
  /** ISO 4217 code of the analysed orders' money (the most used one); null in older runs. */
  currency: string | null;
}

export interface ChurnSection {
  counts: Record<ChurnRisk, number>;
  p_alive_below: { churned: number; high: number; medium: number };
}

export interface SpendFit {
  params: Record<string, number | null>;
  std_errors: Record<string, number | null>;
  log_likelihood: number | null;
  converged: boolean;
}

export interface Holdout {
  end: string;
  periods: number;
  customers: number;
  predicted: number;
  actual: number;
  mean_absolute_error: number;
  by_frequency: {
    frequency: number;
    or_more: boolean;
    customers: number;
    predicted_mean: number;
    actual_mean: number;
  }[];
}

export interface ReportOptions {
  model: 'bgnbd' | 'pareto';
  period: 'day' | 'week';
  horizon_months: number;
  monthly_discount_rate: number;
  margin: number;
  tiers: {
    low_share: number | null;
    high_share: number | null;
    middle_above_minor: number | null;
    high_above_minor: number | null;
  };
}

/** GET /analytics/summary: the run without the sections that have their own route. */
export interface Summary extends AnalysisHeader {
  repeaters: number;
  params: Record<string, number | null>;
  std_errors: Record<string, number | null>;
  log_likelihood: number | null;
  iterations: number;
  converged: boolean;
  spend: SpendFit | null;
  holdout: Holdout | null;
  summary: ReportSummary;
  warnings: string[];
  churn_risk: ChurnSection | null;
  options: ReportOptions | null;
  seconds: Record<string, number>;
}

export interface RfmSection {
  /** Customers; rows R from 5 down to 1, columns FM from 1 up to 5. */
  grid: number[][];
  grid_rows: string;
  grid_columns: string;
  segments: Record<RfmSegment, number>;
  cuts: {
    last_purchase_after: string[];
    purchase_periods_above: number[];
    total_spend_above_minor: number[];
  };
}

export interface RfmReport extends AnalysisHeader {
  rfm: RfmSection | null;
}

export interface Cohort {
  month: string;
  customers: number;
  active: number[];
  retention: number[];
}

export interface CohortsSection {
  as_of: string;
  customers: number;
  cohorts: Cohort[];
}

export interface CohortsReport extends AnalysisHeader {
  cohorts: CohortsSection | null;
}

export interface ClvSection {
  horizon_months: number;
  monthly_discount_rate: number;
  margin: number;
  total_minor: number;
  mean_minor: number;
  quantiles_minor: Record<string, number>;
  histogram: { from_minor: number; to_minor: number; customers: number }[];
}

export interface ClvReport extends AnalysisHeader {
  clv: ClvSection | null;
}

export interface TierRow {
  tier: Tier;
  service_level: ServiceLevel;
  customers: number;
  clv_total_minor: number;
  clv_mean_minor: number;
}

export interface TiersSection {
  tiers: TierRow[];
  cuts_minor: { middle_above: number; high_above: number };
}

export interface TiersReport extends AnalysisHeader {
  tiers: TiersSection | null;
}
