import { describe, expect, it } from 'vitest';

import { filtersFromQuery, normalizeFilters, queryFromFilters, sameFilters } from './filters';

describe('filters in the URL', () => {
  it('round-trips and leaves out empty values and the default sort', () => {
    const filters = filtersFromQuery(new URLSearchParams('q=ana&segment=at_risk&tier=&sort=name&bogus=1'));
    expect(filters).toEqual({ q: 'ana', segment: 'at_risk', sort: 'name' });
    expect(queryFromFilters(filters)).toBe('?q=ana&segment=at_risk');
    expect(normalizeFilters({ tier: 'high', sort: '-clv', risk: ' ' })).toEqual({ tier: 'high', sort: '-clv' });
    expect(sameFilters({ tier: 'high' }, { tier: 'high', sort: 'name' })).toBe(true);
    expect(queryFromFilters({})).toBe('');
  });
});
