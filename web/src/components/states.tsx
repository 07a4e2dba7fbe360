// Loading, empty and error states, the same on every page.
import type { ComponentChildren } from 'preact';

import { ApiError } from '../api/client';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/i18n';

export function Loading() {
  const i18n = useI18n();
  return (
    <p class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {i18n.t('state.loading')}
    </p>
  );
}

/** The message for an error from the API client, through the catalogue. */
export function errorMessage(i18n: ReturnType<typeof useI18n>, error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return i18n.t('error.network');
      case 401:
        return i18n.t('error.unauthenticated');
      case 403:
        return i18n.t('error.forbidden');
      case 404:
        return i18n.t('error.notFound');
      case 400:
      case 409:
        return error.field
          ? i18n.t('error.invalidField', { field: error.field, message: error.message })
          : i18n.t('error.invalid', { message: error.message });
      case 429:
        return i18n.t('error.rateLimited', { count: error.retryAfter ?? 60 });
      case 503:
        return i18n.t('error.unavailable');
      default:
        return i18n.t('error.server', { status: error.status });
    }
  }
  return i18n.t('error.unexpected');
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <div class="state state-error" role="alert">
      <p>{errorMessage(i18n, error)}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {i18n.t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
}: {
  title: MessageKey;
  children?: ComponentChildren;
}) {
  const i18n = useI18n();
  return (
    <div class="state state-empty">
      <p class="state-title">{i18n.t(title)}</p>
      {children}
    </div>
  );
}

/** Before the first `centric analyze` every analytics route answers 404: say why and what to do. */
export function NoAnalysis({ what = 'analysis' }: { what?: 'analysis' | 'crossSell' }) {
  const i18n = useI18n();
  return (
    <EmptyState title={what === 'analysis' ? 'empty.noAnalysis' : 'empty.noCrossSell'}>
      <p>{i18n.t(what === 'analysis' ? 'empty.noAnalysisHelp' : 'empty.noCrossSellHelp')}</p>
    </EmptyState>
  );
}
