// Cross-sell: association rules, category coverage and next best offers
// (/api/v1/analytics/basket/rules, /api/v1/analytics/categories, a customer's recommendations).
import type { ServiceLevel, Tier } from '../retention/types';

export interface Offer {
  item: string;
  level: 'category' | 'product';
  name: string;
  score: number;
  /** score = strength (similarity to the items the customer kept) x price_fit, in (0, 1]. */
  strength: number;
  price_fit: number;
  lift: number;
  confidence: number;
  reason: {
    kind?: 'bought_together' | 'popular';
    because?: string;
    because_name?: string;
    lift?: number;
    confidence?: number;
  };
  /** The reason in English; the app builds its own, translated, from `reason`. */
  text: string;
}

export interface Recommendations {
  customer_id: number;
  run_id: number;
  /** From the customer's prediction; null without one. */
  tier: Tier | null;
  service_level: ServiceLevel | null;
  offers: Offer[];
  coverage: { bought: string[]; offered: number };
}

export interface Rule {
  antecedent: string[];
  consequent: string[];
  count: number;
  antecedent_count: number;
  consequent_count: number;
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

/** The saved coverage report at the top level (fields of an older run may be missing). */
export interface CategoriesReport {
  run_id?: number;
  created_at?: string;
  /** Category path depth the coverage counts at. */
  depth?: number;
  categories: string[];
  /** Categories offered, customers counted, and the mean number of categories bought. */
  offered?: number;
  customers?: number;
  mean_categories?: number;
  /** Customers by number of categories bought. */
  histogram?: { categories: number; customers: number }[];
  matrix: number[][];
  lift: number[][];
  /** The look-alike model's weights and fit; the app does not show it. */
  look_alike?: Record<string, unknown>;
  targets: CategoryTarget[];
}
