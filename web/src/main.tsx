// Entry point: sets <html lang dir> before the first paint, then renders the app.
import { render } from 'preact';

import { App } from './app';
import { applyDocumentLocale, I18nProvider, initialLocale } from './i18n/context';
import { I18n } from './i18n/i18n';
import './styles.css';

applyDocumentLocale(new I18n(initialLocale()));

// After the first in-app navigation, each page moves focus to its heading (see PageHeader).
window.addEventListener('centric:navigate', () => {
  document.body.dataset.navigated = 'true';
});

render(
  <I18nProvider>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
