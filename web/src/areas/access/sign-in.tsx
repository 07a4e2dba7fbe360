// Email and password; the server sets the session cookie and answers the user and CSRF token.
import { useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/states';
import { PageHeader } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useSession } from '../../session';
import { signIn } from './api';

export function SignInPage() {
  const i18n = useI18n();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await signIn(email.trim(), password));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(i18n.t('signIn.wrong'));
      else if (e instanceof ApiError && e.status === 403) setError(i18n.t('signIn.disabled'));
      else setError(errorMessage(i18n, e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sign-in">
      <PageHeader title={i18n.t('signIn.title')} />
      <p class="muted">{i18n.t('signIn.intro')}</p>
      <form class="form card" onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        {error && (
          <p id="sign-in-error" class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="field">
          <label for="sign-in-email">{i18n.t('signIn.email')}</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sign-in-password">{i18n.t('signIn.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? i18n.t('signIn.submitting') : i18n.t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
