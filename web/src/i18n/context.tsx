// The current locale for the whole app: remembered in localStorage, reflected on <html lang dir>.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';

import { detectLocale, I18n, type Locale, STORAGE_KEY } from './i18n';

interface I18nState {
  i18n: I18n;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nState | null>(null);

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function initialLocale(): Locale {
  return detectLocale(readStoredLocale(), navigator.languages ?? [navigator.language]);
}

export function applyDocumentLocale(i18n: I18n): void {
  document.documentElement.lang = i18n.locale;
  document.documentElement.dir = i18n.dir;
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const i18n = useMemo(() => new I18n(locale), [locale]);
  useEffect(() => applyDocumentLocale(i18n), [i18n]);
  const value = useMemo(
    () => ({
      i18n,
      setLocale: (next: Locale) => {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
        setLocaleState(next);
      },
    }),
    [i18n],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useI18n outside I18nProvider');
  return state.i18n;
}

export function useSetLocale(): (locale: Locale) => void {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useSetLocale outside I18nProvider');
  return state.setLocale;
}
