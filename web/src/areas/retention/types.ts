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

export interface Summary extends AnalysisHeader {
  summary: {
    customers: number;
    repeaters: number;
    repeat_rate: number;
    probably_active: number;
    expected_purchases: number;
    revenue_minor: number;
    /** ISO 4217 code of the analysed orders' money (the most used one); absent in older runs. */
    currency?: string;
  };
  churn_risk?: { counts: Record<ChurnRisk, number> };
  warnings?: string[];
}

export interface RfmReport extends AnalysisHeader {
  rfm: { grid: number[][]; segments: Record<RfmSegment, number> } | null;
}

export interface Cohort {
  month: string;
  customers: number;
  active: number[];
  retention: number[];
}

export interface CohortsReport extends AnalysisHeader {
  cohorts: { as_of: string; customers: number; cohorts: Cohort[] } | null;
}

export interface ClvReport extends AnalysisHeader {
  clv: {
    total_minor: number;
    mean_minor: number;
    horizon_months: number;
    quantiles_minor: Record<string, number>;
    histogram: { from_minor: number; to_minor: number; customers: number }[];
  } | null;
}

export interface TierRow {
  tier: Tier;
  service_level: ServiceLevel;
  customers: number;
  clv_total_minor: number;
  clv_mean_minor: number;
}

export interface TiersReport extends AnalysisHeader {
  tiers: { tiers: TierRow[]; cuts_minor: { middle_above: number; high_above: number } } | null;
}
