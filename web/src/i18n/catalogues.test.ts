// The catalogue check: every catalogue has every key, the same kind of entry (text or plural),
// the plural forms its language needs, the same placeholders, and is a real translation.
import { describe, expect, it } from 'vitest';

import { CATALOGUES, type Catalogue, type Entry, LOCALES, type Locale, placeholders } from './i18n';

/** Problems between one catalogue and the reference; empty when they agree. */
export function compareCatalogues(
  locale: Locale,
  catalogue: Catalogue,
  reference: Catalogue,
): string[] {
  const problems: string[] = [];
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  for (const key of Object.keys(reference)) {
    if (!(key in catalogue)) problems.push(`${locale}: missing key ${key}`);
  }
  for (const [key, entry] of Object.entries(catalogue)) {
    const ref: Entry | undefined = reference[key];
    if (ref === undefined) {
      problems.push(`${locale}: key ${key} is not in the other catalogues`);
      continue;
    }
    if (typeof ref !== typeof entry) {
      problems.push(`${locale}: ${key} is ${typeof entry === 'string' ? 'text' : 'plural'} here but not elsewhere`);
      continue;
    }
    if (typeof entry === 'string' && typeof ref === 'string') {
      if (!entry.trim()) problems.push(`${locale}: ${key} is empty`);
      if (placeholders(entry).join() !== placeholders(ref).join()) {
        problems.push(`${locale}: ${key} has placeholders {${placeholders(entry)}} instead of {${placeholders(ref)}}`);
      }
      continue;
    }
    const forms = entry as Record<string, string>;
    const refForms = ref as Record<string, string>;
    for (const category of categories) {
      if (!(category in forms)) problems.push(`${locale}: ${key} lacks the plural form "${category}"`);
    }
    for (const form of Object.keys(forms)) {
      if (form !== 'zero' && !categories.includes(form)) {
        problems.push(`${locale}: ${key} has a form "${form}" that ${locale} does not use`);
      }
      if (!forms[form]!.trim()) problems.push(`${locale}: ${key}.${form} is empty`);
    }
    // Each form may leave out {count} (Arabic says "one customer" in words), but may not
    // invent a placeholder; the general form must carry exactly the reference's.
    const allowed = new Set(Object.values(refForms).flatMap(placeholders));
    for (const [form, text] of Object.entries(forms)) {
      for (const name of placeholders(text)) {
        if (!allowed.has(name)) problems.push(`${locale}: ${key}.${form} has an unknown placeholder {${name}}`);
      }
    }
    if (placeholders(forms.other ?? '').join() !== placeholders(refForms.other ?? '').join()) {
      problems.push(`${locale}: ${key}.other has placeholders {${placeholders(forms.other ?? '')}} instead of {${placeholders(refForms.other ?? '')}}`);
    }
  }
  return problems;
}

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    for (const other of LOCALES) {
      if (other === locale) continue;
      it(`${locale} has every key of ${other}, with matching placeholders`, () => {
        expect(compareCatalogues(locale, CATALOGUES[locale], CATALOGUES[other])).toEqual([]);
      });
    }
  }

  it('the check fails on a missing key, an extra key and a placeholder mismatch', () => {
    const reference: Catalogue = { a: 'Hello {name}', b: 'Bye', c: { one: '{count} x', other: '{count} xs' } };
    expect(compareCatalogues('en', { a: 'Hello {name}', c: reference.c! }, reference)).toEqual([
      'en: missing key b',
    ]);
    expect(compareCatalogues('en', { ...reference, d: 'Extra' }, reference)).toEqual([
      'en: key d is not in the other catalogues',
    ]);
    expect(compareCatalogues('fr', { ...reference, a: 'Bonjour {nom}', c: { one: '{count} x', many: '{count} x', other: '{count} x' } }, reference)).toEqual([
      'fr: a has placeholders {nom} instead of {name}',
    ]);
    expect(compareCatalogues('ar', { ...reference, c: { one: 'x', other: '{count} x' } }, reference).sort()).toEqual([
      'ar: c lacks the plural form "few"',
      'ar: c lacks the plural form "many"',
      'ar: c lacks the plural form "two"',
      'ar: c lacks the plural form "zero"',
    ]);
  });

  it('every catalogue names its own language', () => {
    const names = LOCALES.map((l) => CATALOGUES[l]['language.name']);
    expect(new Set(names).size).toBe(LOCALES.length);
  });

  // Brand names, symbols, codes and words that are the same in both languages may match
  // English; anything else identical would be an untranslated copy.
  const SAME_AS_ENGLISH = /^(app\.(name|documentTitle)|.*\.(rScore|fmScore|rByFm|monthK|rfmScores|liftValue|infinite|upTo|tierOption)|crossSell\.lift)$/;
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} is a translation, not a copy of English`, () => {
      const en = CATALOGUES.en;
      const copied = Object.keys(en).filter(
        (key) => !SAME_AS_ENGLISH.test(key) && JSON.stringify(CATALOGUES[locale][key]) === JSON.stringify(en[key]),
      );
      // Some words are genuinely shared ("Segments", "Standard", "Menu", "Total" in French);
      // more than a tenth of the catalogue would be a copy.
      expect(copied.length, `identical to English: ${copied.join(', ')}`).toBeLessThanOrEqual(
        Math.floor(Object.keys(en).length / 10),
      );
    });
  }
});
