// The downloads of a list as it is filtered, CSV then Excel (.xlsx), side by side in one group
// so that the two formats read as a pair. Plain links: the session cookie goes with them.
import type { ExportFormat } from '../api/client';
import { useI18n } from '../i18n/context';

/** url gives the download of one format; both carry the page's current filters. */
export function ExportLinks({ url }: { url: (format: ExportFormat) => string }) {
  const i18n = useI18n();
  return (
    <div class="export-links" role="group" aria-label={i18n.t('export.label')}>
      <a class="button" href={url('csv')} download>
        {i18n.t('export.csv')}
      </a>
      <a class="button" href={url('xlsx')} download>
        {i18n.t('export.xlsx')}
      </a>
    </div>
  );
}
