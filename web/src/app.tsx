// The application: session check, the shell (skip link, header, navigation, main) and the
// route table. Pages live in areas/<area>/, one file each; the shell knows them only from here.
import { useEffect, useState } from 'preact/hooks';

import { ApiError, setUnauthenticatedHandler } from './api/client';
import { AdminUsersPage } from './areas/access/admin-users';
import { getSession, signOut } from './areas/access/api';
import { SignInPage } from './areas/access/sign-in';
import type { User } from './areas/access/types';
import { CrossSellPage } from './areas/crosssell/cross-sell';
import { Customer360Page } from './areas/customers/customer-360';
import { CustomersPage } from './areas/customers/customers';
import { DashboardPage } from './areas/customers/dashboard';
import { AuditLogPage } from './areas/platform/audit-log';
import { SegmentsPage } from './areas/retention/segments';
import { WebhookLogPage } from './areas/webhooks/webhook-log';
import { WebhooksPage } from './areas/webhooks/webhooks-page';
import { NotFoundPage } from './components/not-found';
import { ErrorState, Loading } from './components/states';
import { useI18n, useSetLocale } from './i18n/context';
import { CATALOGUES, isLocale, LOCALES, type MessageKey } from './i18n/i18n';
import { Link, matchRoute, navigate, type Route, useLocation } from './router';
import { rememberSession, SessionContext } from './session';

type SessionStatus = { state: 'checking' } | { state: 'failed'; error: unknown } | { state: 'done' };

const NAV: { href: string; label: MessageKey; route: Route['name'][]; admin?: boolean }[] = [
  { href: '/', label: 'nav.dashboard', route: ['dashboard'] },
  { href: '/customers', label: 'nav.customers', route: ['customers', 'customer'] },
  { href: '/segments', label: 'nav.segments', route: ['segments'] },
  { href: '/cross-sell', label: 'nav.crossSell', route: ['cross-sell'] },
  { href: '/admin/users', label: 'nav.users', route: ['admin-users'], admin: true },
  { href: '/admin/audit', label: 'nav.audit', route: ['admin-audit'], admin: true },
  { href: '/admin/webhooks', label: 'nav.webhooks', route: ['admin-webhooks', 'admin-webhook'], admin: true },
];

function signInPath(): string {
  const here = window.location.pathname + window.location.search;
  return here === '/' || here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function App() {
  const i18n = useI18n();
  const location = useLocation();
  const route = matchRoute(location.path);
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionStatus>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus({ state: 'checking' });
    getSession().then(
      (session) => {
        if (!live) return;
        setUser(rememberSession(session));
        setStatus({ state: 'done' });
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) {
          setUser(rememberSession(null));
          setStatus({ state: 'done' });
        } else {
          setStatus({ state: 'failed', error });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser(rememberSession(null));
      navigate(signInPath(), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  // Signed out: every page but sign-in sends you there; signed in: sign-in sends you on.
  const redirect =
    status.state !== 'done'
      ? null
      : !user && route.name !== 'sign-in'
        ? signInPath()
        : user && route.name === 'sign-in'
          ? safeNext(location.query.get('next'))
          : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  const sessionValue = {
    user,
    setSession: (session: Parameters<typeof rememberSession>[0]) => setUser(rememberSession(session)),
  };

  if (status.state === 'checking' || redirect) {
    return (
      <main id="main" class="boot">
        <Loading />
      </main>
    );
  }
  if (status.state === 'failed') {
    return (
      <main id="main" class="boot">
        <h1>{i18n.t('app.name')}</h1>
        <ErrorState error={status.error} onRetry={() => setAttempt((a) => a + 1)} />
      </main>
    );
  }
  if (!user) {
    return (
      <SessionContext.Provider value={sessionValue}>
        <div class="signed-out">
          <header class="signed-out-header">
            <span class="brand">{i18n.t('app.name')}</span>
            <LanguageSwitcher />
          </header>
          <main id="main">
            <SignInPage />
          </main>
        </div>
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={sessionValue}>
      <Shell user={user} route={route} onSignedOut={() => setUser(rememberSession(null))} />
    </SessionContext.Provider>
  );
}

/** Only same-site paths: a crafted ?next= must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')
    ? next
    : '/';
}

function Shell({ user, route, onSignedOut }: { user: User; route: Route; onSignedOut: () => void }) {
  const i18n = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => setMenuOpen(false), [route.name, route.name === 'customer' ? route.id : 0]);

  async function doSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // The cookie may already be gone; either way the session is over here.
    }
    setSigningOut(false);
    onSignedOut();
    navigate('/sign-in', { replace: true });
  }

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {i18n.t('app.skipToContent')}
      </a>
      <header class="topbar">
        <button
          type="button"
          class="menu-button"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" class="menu-icon" />
          {i18n.t('nav.menu')}
        </button>
        <Link href="/" class="brand">
          {i18n.t('app.name')}
        </Link>
        <div class="topbar-end">
          <LanguageSwitcher />
          <span class="who">
            <span class="who-name">{user.name || user.email}</span>
            <span class="who-role">{i18n.t(`role.${user.role}` as MessageKey)}</span>
          </span>
          <button type="button" class="button button-quiet" onClick={doSignOut} disabled={signingOut}>
            {i18n.t('action.signOut')}
          </button>
        </div>
      </header>
      <nav id="primary-nav" class={menuOpen ? 'sidenav open' : 'sidenav'} aria-label={i18n.t('nav.label')}>
        <ul>
          {NAV.filter((item) => !item.admin || user.role === 'admin').map((item) => {
            const active = item.route.includes(route.name);
            return (
              <li key={item.href}>
                <Link href={item.href} aria-current={active ? 'page' : undefined} class={active ? 'active' : undefined}>
                  {i18n.t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <RoutePage route={route} user={user} />
      </main>
      <footer class="footer">
        <p>{i18n.t('app.footer')}</p>
      </footer>
    </div>
  );
}

function RoutePage({ route, user }: { route: Route; user: User }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <Customer360Page id={route.id} key={route.id} />;
    case 'segments':
      return <SegmentsPage />;
    case 'cross-sell':
      return <CrossSellPage />;
    case 'admin-users':
      return <AdminUsersPage user={user} />;
    case 'admin-audit':
      return <AuditLogPage user={user} />;
    case 'admin-webhooks':
      return <WebhooksPage user={user} />;
    case 'admin-webhook':
      return <WebhookLogPage user={user} id={route.id} key={route.id} />;
    case 'sign-in':
      return <DashboardPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function LanguageSwitcher() {
  const i18n = useI18n();
  const setLocale = useSetLocale();
  return (
    <div class="language">
      <label for="language-select">{i18n.t('language.label')}</label>
      <select
        id="language-select"
        value={i18n.locale}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          if (isLocale(value)) setLocale(value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {CATALOGUES[locale]['language.name'] as string}
          </option>
        ))}
      </select>
    </div>
  );
}
