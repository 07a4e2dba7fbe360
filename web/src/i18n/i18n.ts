// Message catalogues and locale-aware formatting. Every user-visible string comes from a
// catalogue (messages/*.json); plurals follow Intl.PluralRules, so Arabic's six forms work.
// Numbers, money (integer minor units + ISO 4217 code), dates and names use Intl.
import ar from './messages/ar.json';
import ca from './messages/ca.json';
import en from './messages/en.json';
import fr from './messages/fr.json';
import vi from './messages/vi.json';

export type Locale = 'en' | 'fr' | 'ca' | 'vi' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'ca', 'vi', 'ar'];
export const DEFAULT_LOCALE: Locale = 'en';
const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);
export const STORAGE_KEY = 'centric.locale';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entry = string | PluralForms;
export type Catalogue = Record<string, Entry>;
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

export const CATALOGUES: Record<Locale, Catalogue> = { en, fr, ca, vi, ar };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice, else the first browser language we have, else English. */
export function detectLocale(stored: string | null, browser: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

/** The names of the {placeholders} in a message. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function interpolate(text: string, params: Params, numbers: Intl.NumberFormat): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

const FALLBACK_FRACTION_DIGITS = 2;

/** A translator bound to one locale. Formatters are built once per locale. */
export class I18n {
  readonly dir: 'ltr' | 'rtl';
  private readonly catalogue: Catalogue;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly percents: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly dateTimes: Intl.DateTimeFormat;
  private readonly preciseDateTimes: Intl.DateTimeFormat;
  private readonly months: Intl.DateTimeFormat;
  private readonly moneyFormats = new Map<string, Intl.NumberFormat>();

  constructor(readonly locale: Locale) {
    this.dir = directionOf(locale);
    this.catalogue = CATALOGUES[locale];
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
    this.percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.preciseDateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    this.months = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  }

  /** The message for key with {params} filled in; numbers are formatted for the locale. A
   *  plural message picks its form from params.count. */
  t(key: MessageKey, params: Params = {}): string {
    const entry = this.catalogue[key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
    let text: string;
    if (typeof entry === 'string') {
      text = entry;
    } else {
      // "zero", when given, is used for exactly 0 in every language (like ICU's "=0");
      // otherwise the form is the locale's plural category.
      const count = Number(params.count ?? 0);
      text = (count === 0 ? entry.zero : undefined) ?? entry[this.plurals.select(count)] ?? entry.other;
    }
    return interpolate(text, params, this.numbers);
  }

  /** Like t for keys built at run time (enum values from the API); the raw value if unknown. */
  tDynamic(key: string, fallback: string, params: Params = {}): string {
    if (!(key in this.catalogue) && !(key in CATALOGUES[DEFAULT_LOCALE])) return fallback;
    return this.t(key as MessageKey, params);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return options
      ? new Intl.NumberFormat(this.locale, options).format(value)
      : this.numbers.format(value);
  }

  percent(fraction: number): string {
    return this.percents.format(fraction);
  }

  /** Money from integer (or fractional, for averages) minor units. With no currency known
   *  the amount is shown as a plain number of major units, two decimals. */
  money(minor: number, currency: string | null | undefined, compact = false): string {
    const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : null;
    const cacheKey = `${code ?? '-'}:${compact}`;
    let format = this.moneyFormats.get(cacheKey);
    if (!format) {
      const base: Intl.NumberFormatOptions = code
        ? { style: 'currency', currency: code }
        : { minimumFractionDigits: FALLBACK_FRACTION_DIGITS, maximumFractionDigits: 2 };
      format = new Intl.NumberFormat(
        this.locale,
        compact ? { ...base, notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 } : base,
      );
      this.moneyFormats.set(cacheKey, format);
    }
    const digits = code
      ? (new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2)
      : FALLBACK_FRACTION_DIGITS;
    return format.format(Math.round(minor) / 10 ** digits);
  }

  /** A calendar date (an ISO date or time), in UTC so "2025-12-31" stays that day. */
  date(iso: string | null | undefined): string {
    if (!iso) return '';
    const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(d.getTime()) ? iso : this.dates.format(d);
  }

  /** A moment, in the viewer's time zone; to the second when asked (the audit log). */
  dateTime(iso: string | null | undefined, seconds = false): string {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : (seconds ? this.preciseDateTimes : this.dateTimes).format(d);
  }

  /** "2024-01" as a short month and year. */
  month(yearMonth: string): string {
    const d = new Date(`${yearMonth}-01T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? yearMonth : this.months.format(d);
  }

  /** A country's name from its ISO 3166 code, in the viewer's language. */
  country(code: string): string {
    if (!code) return '';
    try {
      return new Intl.DisplayNames(this.locale, { type: 'region' }).of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  }

  /** A language's name from its BCP 47 tag, in the viewer's language. */
  language(tag: string): string {
    if (!tag) return '';
    try {
      return new Intl.DisplayNames(this.locale, { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  /** A list joined the locale's way ("a, b and c"). */
  list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }
}
