// The JSON shapes of the /api/v1 routes the app reads and writes (see docs/api.md).
// Money is in integer minor units with a currency code; analytics figures may be fractional.

export type Role = 'admin' | 'agent' | 'analyst';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

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

export interface Customer {
  id: number;
  external_id: string;
  name: string;
  emails: string[];
  phones: string[];
  preferred_language: string;
  country: string;
  time_zone: string;
  first_seen: string | null;
  consent: Record<string, boolean>;
  tags: string[];
  attributes: Record<string, string>;
  account_owner: string;
  created_at: string;
  updated_at: string;
}

export interface CustomerListItem extends Customer {
  prediction?: ListPrediction | null;
}

export interface TimelineEvent {
  type: 'order' | 'interaction';
  id: number;
  at: string;
  kind: string;
  channel: string | null;
  summary: string;
  amount_minor: number | null;
  currency: string | null;
}

export interface CustomerWithTimeline extends Customer {
  timeline: Page<TimelineEvent>;
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
  /** Not served today; used when the server adds it. */
  currency?: string;
}

export interface OrderLine {
  product_id: number;
  sku: string;
  description: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  amount_minor: number;
}

export interface Order {
  id: number;
  external_id: string;
  customer_id: number;
  ordered_at: string;
  currency: string;
  status: string;
  total_minor: number;
  discount_minor: number;
  lines: OrderLine[];
}

export type InteractionKind = 'note' | 'call' | 'meeting';

export interface InteractionInput {
  customer_id: number;
  kind: InteractionKind;
  channel: string;
  summary: string;
  occurred_at: string;
}

export interface Offer {
  item: string;
  level: 'category' | 'product';
  name: string;
  score: number;
  lift: number;
  confidence: number;
  reason: {
    kind?: 'bought_together' | 'popular';
    because?: string;
    because_name?: string;
    lift?: number;
    confidence?: number;
  };
}

export interface Recommendations {
  customer_id: number;
  offers: Offer[];
  coverage: { bought: string[]; offered: number };
}

/** Fields every analytics section response carries. */
export interface AnalysisHeader {
  run_id: number;
  created_at: string;
  as_of: string;
  model: string;
  period: string;
  customers: number;
  /** ISO 4217 code of the store's money; not served today (see README). */
  currency?: string;
}

export interface Summary extends AnalysisHeader {
  summary: {
    customers: number;
    repeaters: number;
    repeat_rate: number;
    probably_active: number;
    expected_purchases: number;
    revenue_minor: number;
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

export interface Rule {
  antecedent: string[];
  consequent: string[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  conviction: number | null;
}

export interface RulesReport {
  run_id: number;
  created_at: string;
  level: 'category' | 'product';
  rules: Rule[];
}

export interface CategoryTarget {
  customer_id: number;
  name: string;
  category: string;
  score: number;
  suggest?: string | null;
}

export interface CategoriesReport {
  run_id?: number;
  created_at?: string;
  categories: string[];
  matrix: number[][];
  lift: number[][];
  /** The contract's place for the histogram; today's server also puts it at the top level. */
  coverage?: { histogram: { categories: number; customers: number }[]; mean?: number };
  histogram?: { categories: number; customers: number }[];
  mean_categories?: number;
  offered?: number;
  targets: CategoryTarget[];
}

/** Filters of the customers list; the same keys go to export.csv and into saved views. */
export interface CustomerFilters {
  q?: string;
  segment?: string;
  tier?: string;
  risk?: string;
  category?: string;
  language?: string;
  country?: string;
  sort?: string;
}

export interface SavedView {
  id: number;
  name: string;
  query: CustomerFilters;
}
