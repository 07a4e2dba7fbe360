// The top of every page: its <h1>, which takes focus after a client-side navigation so that
// screen readers announce the new page, and the document title.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

import { useI18n } from '../i18n/context';

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  const i18n = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = i18n.t('app.documentTitle', { page: title });
  }, [title, i18n]);
  useEffect(() => {
    // Not on the first load: the skip link and the browser's own focus start are right there.
    if (document.body.dataset.navigated === 'true') heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div class="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children && <div class="page-actions">{children}</div>}
    </div>
  );
}
