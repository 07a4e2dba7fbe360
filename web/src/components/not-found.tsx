// The not-found page, and what an agent or analyst sees on an admin page.
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { PageHeader } from './page';

export function NotFoundPage() {
  const i18n = useI18n();
  return (
    <section class="page">
      <PageHeader title={i18n.t('notFound.title')} />
      <p>{i18n.t('notFound.body')}</p>
      <p>
        <Link href="/">{i18n.t('action.backToDashboard')}</Link>
      </p>
    </section>
  );
}

/** What an agent or analyst sees on an admin page (the server would answer 403 anyway). */
export function NotAllowedPage() {
  const i18n = useI18n();
  return (
    <section class="page not-allowed" data-testid="not-allowed">
      <PageHeader title={i18n.t('notAllowed.title')} />
      <p>{i18n.t('notAllowed.body')}</p>
      <p>
        <Link href="/">{i18n.t('action.backToDashboard')}</Link>
      </p>
    </section>
  );
}
