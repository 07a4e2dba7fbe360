// Plural forms through Intl.PluralRules, with Arabic's six.
import { describe, expect, it } from 'vitest';

import { CATALOGUES, I18n, type PluralForms } from './i18n';

describe('Arabic plural rules', () => {
  it('has the six CLDR categories', () => {
    const categories = new Intl.PluralRules('ar').resolvedOptions().pluralCategories;
    expect([...categories].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [103, 'few'],
    [11, 'many'],
    [99, 'many'],
    [111, 'many'],
    [100, 'other'],
    [101, 'other'],
    [102, 'other'],
    [1000, 'other'],
  ])('%i takes the %s form', (n, category) => {
    expect(new Intl.PluralRules('ar').select(n)).toBe(category);
  });

  it('every Arabic plural message has all six forms', () => {
    for (const [key, entry] of Object.entries(CATALOGUES.ar)) {
      if (typeof entry === 'string') continue;
      expect(Object.keys(entry).sort(), key).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    }
  });

  it('picks the right form and writes the number the Arabic way', () => {
    const ar = new I18n('ar');
    const forms = CATALOGUES.ar['segments.customers'] as PluralForms;
    const digits = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(ar.t('segments.customers', { count: 0 })).toBe(forms.zero);
    expect(ar.t('segments.customers', { count: 1 })).toBe(forms.one);
    expect(ar.t('segments.customers', { count: 2 })).toBe(forms.two);
    expect(ar.t('segments.customers', { count: 7 })).toBe(forms.few!.replace('{count}', digits(7)));
    expect(ar.t('segments.customers', { count: 42 })).toBe(forms.many!.replace('{count}', digits(42)));
    expect(ar.t('segments.customers', { count: 100 })).toBe(forms.other.replace('{count}', digits(100)));
    expect(new Set([0, 1, 2, 7, 42, 100].map((n) => ar.t('segments.customers', { count: n }))).size).toBe(6);
  });
});

describe('plural rules in the other languages', () => {
  it('English: one and other, with an explicit zero where the catalogue has one', () => {
    const en = new I18n('en');
    expect(en.t('crossSell.nCategories', { count: 1 })).toBe('1 category');
    expect(en.t('crossSell.nCategories', { count: 2 })).toBe('2 categories');
    expect(en.t('crossSell.nCategories', { count: 1234 })).toBe('1,234 categories');
    expect(en.t('segments.customers', { count: 0 })).toBe('no customers');
  });

  it('French: 0 and 1 are singular, millions take "de"', () => {
    const fr = new I18n('fr');
    expect(fr.t('crossSell.nCategories', { count: 0 })).toBe('0 catégorie');
    expect(fr.t('crossSell.nCategories', { count: 1 })).toBe('1 catégorie');
    expect(fr.t('crossSell.nCategories', { count: 2 })).toBe('2 catégories');
    expect(fr.t('crossSell.nCategories', { count: 1_000_000 })).toMatch(/^1\s000\s000 de catégories$/);
  });

  it('Vietnamese has a single form', () => {
    const vi = new I18n('vi');
    expect(vi.t('crossSell.nCategories', { count: 1 })).toBe('1 danh mục');
    expect(vi.t('crossSell.nCategories', { count: 5 })).toBe('5 danh mục');
  });
});
