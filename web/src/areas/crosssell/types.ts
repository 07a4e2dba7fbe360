// Cross-sell: association rules, category coverage and next best offers
// (/api/v1/analytics/basket/rules, /api/v1/analytics/categories, a customer's recommendations).

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
