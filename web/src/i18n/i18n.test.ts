import { describe, expect, it } from 'vitest';

import { detectLocale, directionOf, I18n } from './i18n';

describe('locale choice', () => {
  it('prefers the stored choice, then the browser languages, then English', () => {
    expect(detectLocale('vi', ['fr-FR'])).toBe('vi');
    expect(detectLocale(null, ['de-DE', 'ca-ES', 'fr'])).toBe('ca');
    expect(detectLocale('xx', ['AR-eg'])).toBe('ar');
    expect(detectLocale(null, ['de', 'ja'])).toBe('en');
  });

  it('Arabic is right-to-left, the others left-to-right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['en', 'fr', 'ca', 'vi'].map((l) => directionOf(l as 'en'))).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
    expect(new I18n('ar').dir).toBe('rtl');
  });
});

describe('formatting', () => {
  it('money from minor units uses the currency’s own number of decimals', () => {
    const en = new I18n('en');
    expect(en.money(4590, 'EUR')).toBe('€45.90');
    expect(en.money(4590, 'JPY')).toBe('¥4,590');
    expect(en.money(45900, 'KWD')).toMatch(/^KWD\s45\.900$/);
    expect(en.money(123456.7, 'GBP')).toBe('£1,234.57');
  });

  it('money is written the locale’s way', () => {
    expect(new I18n('fr').money(123456, 'EUR')).toMatch(/^1\s234,56\s€$/);
    expect(new I18n('ca').money(123456, 'EUR')).toMatch(/^1\.234,56\s€$/);
    expect(new I18n('vi').money(123456, 'VND')).toMatch(/^123\.456\s₫$/);
    const ar = new I18n('ar').money(4590, 'EUR');
    expect(ar).toContain('€');
    expect(ar).toContain(new Intl.NumberFormat('ar', { minimumFractionDigits: 2 }).format(45.9));
  });

  it('money without a known currency is a plain amount with two decimals', () => {
    expect(new I18n('en').money(360094400, null)).toBe('3,600,944.00');
    expect(new I18n('en').money(5, undefined)).toBe('0.05');
  });

  it('dates stay on their calendar day, months read as words', () => {
    expect(new I18n('en').date('2025-12-31')).toBe('Dec 31, 2025');
    expect(new I18n('fr').date('2025-12-31')).toBe('31 déc. 2025');
    expect(new I18n('en').month('2024-01')).toBe('Jan 2024');
    expect(new I18n('en').date(null)).toBe('');
    expect(new I18n('en').date('not a date')).toBe('not a date');
  });

  it('moments are in the viewer’s time zone, to the second when asked', () => {
    const at = '2026-12-07T16:00:05Z';
    const local = new Date(at);
    const en = new I18n('en');
    expect(en.dateTime(at)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(local));
    expect(en.dateTime(at, true)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(local));
    expect(en.dateTime(at, true)).toMatch(/:05/);
    expect(en.dateTime('not a time', true)).toBe('not a time');
  });

  it('fills placeholders and formats numbers in them', () => {
    const en = new I18n('en');
    expect(en.t('pager.page', { n: 12345 })).toBe('Page 12,345');
    expect(en.t('views.saved', { name: 'VIP' })).toBe('View “VIP” saved.');
    expect(new I18n('fr').t('pager.page', { n: 12345 })).toMatch(/^Page 12\s345$/);
  });

  it('names countries and languages in the viewer’s language', () => {
    expect(new I18n('fr').country('DE')).toBe('Allemagne');
    expect(new I18n('en').language('ca')).toBe('Catalan');
    expect(new I18n('en').country('')).toBe('');
  });

  it('an unknown dynamic key falls back to the raw value', () => {
    expect(new I18n('en').tDynamic('segment.martians', 'martians')).toBe('martians');
    expect(new I18n('fr').tDynamic('segment.lost', 'lost')).toBe('Perdus');
  });
});
