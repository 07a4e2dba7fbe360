// Admin > Users: list, add, change role, disable or enable. Admins only: others see the
// "not allowed" page (and the server answers 403 to them anyway).
import { useState } from 'preact/hooks';

import { ApiError } from '../../api/client';
import { NotAllowedPage } from '../../components/not-found';
import { PageHeader } from '../../components/page';
import { EmptyState, ErrorState, errorMessage, Loading } from '../../components/states';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { createUser, listUsers, updateUser } from './api';
import type { Role, User } from './types';

const ROLES: Role[] = ['admin', 'agent', 'analyst'];

export function AdminUsersPage({ user }: { user: User }) {
  if (user.role !== 'admin') return <NotAllowedPage />;
  return <Users me={user} />;
}

function Users({ me }: { me: User }) {
  const i18n = useI18n();
  const users = useAsync(listUsers, []);
  const [added, setAdded] = useState<User[]>([]);
  const [changed, setChanged] = useState<Record<number, User>>({});
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  if (users.status === 'error' && users.error instanceof ApiError && users.error.status === 403) {
    return <NotAllowedPage />;
  }
  const rows =
    users.status === 'ready'
      ? [...users.data.items, ...added.filter((a) => !users.data.items.some((u) => u.id === a.id))].map(
          (u) => changed[u.id] ?? u,
        )
      : [];

  async function change(target: User, patch: { role?: Role; disabled?: boolean }) {
    setStatus(null);
    try {
      const updated = await updateUser(target.id, patch);
      setChanged((c) => ({ ...c, [updated.id]: updated }));
      setStatus({
        text:
          patch.role !== undefined
            ? i18n.t('users.roleChanged', { name: updated.name || updated.email, role: i18n.t(`role.${updated.role}` as MessageKey) })
            : i18n.t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: updated.name || updated.email }),
        error: false,
      });
    } catch (e) {
      setStatus({ text: errorMessage(i18n, e), error: true });
    }
  }

  return (
    <section class="page">
      <PageHeader title={i18n.t('users.title')} />
      <p class="form-status" role="status">
        <span class={status?.error ? 'form-error' : 'form-ok'}>{status?.text ?? ''}</span>
      </p>
      <section class="card" aria-labelledby="users-list-title">
        <h2 id="users-list-title">{i18n.t('users.list')}</h2>
        {users.status === 'loading' && <Loading />}
        {users.status === 'error' && <ErrorState error={users.error} onRetry={users.reload} />}
        {users.status === 'ready' && rows.length === 0 && <EmptyState title="users.none" />}
        {rows.length > 0 && (
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="users-list-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('users.name')}</th>
                  <th scope="col">{i18n.t('users.email')}</th>
                  <th scope="col">{i18n.t('users.role')}</th>
                  <th scope="col">{i18n.t('users.state')}</th>
                  <th scope="col">{i18n.t('users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => {
                  const self = u.id === me.id;
                  return (
                    <tr key={u.id} class={u.disabled ? 'disabled-row' : undefined}>
                      <th scope="row">{u.name || '—'}</th>
                      <td><bdi>{u.email}</bdi></td>
                      <td>
                        <label class="visually-hidden" for={`role-${u.id}`}>
                          {i18n.t('users.roleOf', { name: u.name || u.email })}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          value={u.role}
                          disabled={self}
                          onChange={(e) => change(u, { role: e.currentTarget.value as Role })}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {i18n.t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span class={u.disabled ? 'badge risk-high' : 'badge risk-low'}>
                          {i18n.t(u.disabled ? 'users.disabled' : 'users.active')}
                        </span>
                      </td>
                      <td>
                        {self ? (
                          <span class="muted">{i18n.t('users.you')}</span>
                        ) : (
                          <button type="button" class="button" onClick={() => change(u, { disabled: !u.disabled })}>
                            {i18n.t(u.disabled ? 'users.enable' : 'users.disable', { name: u.name || u.email })}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddUser onAdded={(u) => { setAdded((a) => [...a, u]); setStatus({ text: i18n.t('users.added', { name: u.name || u.email }), error: false }); }} />
    </section>
  );
}

function AddUser({ onAdded }: { onAdded: (u: User) => void }) {
  const i18n = useI18n();
  const [form, setForm] = useState({ email: '', name: '', role: 'agent' as Role, password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await createUser({ ...form, email: form.email.trim(), name: form.name.trim() });
      setForm({ email: '', name: '', role: 'agent', password: '' });
      onAdded(user);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'already_exists' ? i18n.t('users.exists') : errorMessage(i18n, e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{i18n.t('users.add')}</h2>
      <form class="form grid-form" onSubmit={submit}>
        {error && <p class="form-error" role="alert">{error}</p>}
        <div class="field">
          <label for="new-user-name">{i18n.t('users.name')}</label>
          <input id="new-user-name" required autocomplete="off" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="new-user-email">{i18n.t('users.email')}</label>
          <input id="new-user-email" type="email" required autocomplete="off" value={form.email} onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="new-user-role">{i18n.t('users.role')}</label>
          <select id="new-user-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{i18n.t(`role.${r}`)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="new-user-password">{i18n.t('users.password')}</label>
          <input
            id="new-user-password"
            type="password"
            required
            minLength={12}
            autocomplete="new-password"
            aria-describedby="new-user-password-help"
            value={form.password}
            onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <span id="new-user-password-help" class="help">{i18n.t('users.passwordHelp', { count: 12 })}</span>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {i18n.t('users.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
