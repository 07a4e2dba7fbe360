// The customers list's filters live in the URL (/customers?segment=at_risk&sort=-clv), so a
// filtered list can be linked to, bookmarked and saved as a view.
import type { CustomerFilters } from './types';

export const FILTER_KEYS = ['q', 'segment', 'tier', 'risk', 'category', 'language', 'country', 'sort'] as const;

export function filtersFromQuery(query: URLSearchParams): CustomerFilters {
  const filters: CustomerFilters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function queryFromFilters(filters: CustomerFilters): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value && !(key === 'sort' && value === 'name')) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Filters without empty values (and without the default sort), for saving and comparing. */
export function normalizeFilters(filters: CustomerFilters): CustomerFilters {
  return filtersFromQuery(new URLSearchParams(queryFromFilters(filters)));
}

export function sameFilters(a: CustomerFilters, b: CustomerFilters): boolean {
  return queryFromFilters(a) === queryFromFilters(b);
}
