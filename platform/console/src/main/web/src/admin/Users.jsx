import { useState } from 'preact/hooks';
import { enc, get, patch, post, del } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';

export const ROLES = ['admin', 'supervisor', 'agent', 'viewer'];

const teamsOf = (text) => text.split(',').map((team) => team.trim()).filter(Boolean);

/** Users, their roles and teams. Supervisors read; admins change (the API decides, the screen shows its answer). */
export function Users() {
  const users = useLoad(() => get('/users?limit=500'), []);
  const action = useAction();
  const act = (fn, done) => action.run(async () => {
    await fn();
    users.reload();
  }, done);
  return (
    <section class="pane wide" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <NewUser act={act} busy={action.busy} />
      <ErrorBox error={action.error || users.error} />
      <Notice text={action.done} />
      <Loading when={!users.value && users.loading} />
      {users.value && (
        <table class="grid users">
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th><th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.teams')}</th><th scope="col">{t('users.disabled')}</th><th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.value.items.map((u) => <UserRow key={u.username} user={u} act={act} busy={action.busy} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ user, act, busy }) {
  const [role, setRole] = useState(user.role);
  const [teams, setTeams] = useState(user.teams.join(', '));
  const path = `/users/${enc(user.username)}`;
  return (
    <tr data-user={user.username}>
      <th scope="row">{user.username}<div class="muted small">{formatTime(user.createdAt)}</div></th>
      <td>
        <label class="sr-only" for={`role-${user.username}`}>{t('users.role')}</label>
        <select id={`role-${user.username}`} value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </td>
      <td>
        <label class="sr-only" for={`teams-${user.username}`}>{t('users.teams')}</label>
        <input id={`teams-${user.username}`} value={teams} onInput={(e) => setTeams(e.currentTarget.value)} />
      </td>
      <td>{user.disabled ? '✓' : ''}</td>
      <td class="actions">
        <button type="button" disabled={busy} onClick={() => act(() => patch(path, { role, teams: teamsOf(teams) }))}>{t('users.save')}</button>
        <button type="button" disabled={busy} onClick={() => act(() => patch(path, { disabled: !user.disabled }))}>
          {t(user.disabled ? 'users.enable' : 'users.disable')}
        </button>
        <button type="button" class="danger" disabled={busy}
          onClick={() => window.confirm(t('users.confirmDelete', { name: user.username })) && act(() => del(path))}>
          {t('users.delete')}
        </button>
      </td>
    </tr>
  );
}

function NewUser({ act, busy }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('agent');
  const [teams, setTeams] = useState('');
  const submit = (event) => {
    event.preventDefault();
    act(async () => {
      await post('/users', { username, password, role, teams: teamsOf(teams) });
      setUsername('');
      setPassword('');
      setTeams('');
    }, t('users.created', { name: username }));
  };
  return (
    <form class="card grid-form" onSubmit={submit} aria-label={t('users.create')}>
      <label for="new-username">{t('users.username')}</label>
      <input id="new-username" required autocomplete="off" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      <label for="new-password">{t('users.password')}</label>
      <input id="new-password" type="password" required minLength={12} autocomplete="new-password" value={password}
        onInput={(e) => setPassword(e.currentTarget.value)} />
      <label for="new-role">{t('users.role')}</label>
      <select id="new-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
        {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
      </select>
      <label for="new-teams">{t('users.teams')}</label>
      <input id="new-teams" value={teams} onInput={(e) => setTeams(e.currentTarget.value)} />
      <button type="submit" class="primary" disabled={busy}>{t('users.create')}</button>
    </form>
  );
}
