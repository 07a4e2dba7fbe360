// Cross-sell routes: association rules, the category matrix with its targets, and one
// customer's next best offers. Each answers 404 (here null) until a model exists.
import { getOptional } from '../../api/client';
import type { CategoriesReport, Recommendations, RulesReport } from './types';

export const getCategories = () => getOptional<CategoriesReport>('/analytics/categories');

export interface RuleFilters {
  level: 'category' | 'product';
  min_lift?: number | null;
  min_confidence?: number | null;
}

export const getRules = (filters: RuleFilters) =>
  getOptional<RulesReport>('/analytics/basket/rules', {
    level: filters.level,
    limit: 50,
    min_lift: filters.min_lift,
    min_confidence: filters.min_confidence,
  });

export const getRecommendations = (id: number) =>
  getOptional<Recommendations>(`/customers/${id}/recommendations`, { limit: 5 });
