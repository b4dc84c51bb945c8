import { useState } from 'preact/hooks';
import { enc, get, post, del } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { ErrorBox, Loading, useAction, useLoad } from '../ui.jsx';
import { ROLES } from './Users.jsx';

/** API tokens: created here and shown once (kept only in this screen's memory), listed without the secret, revoked. */
export function Tokens() {
  const tokens = useLoad(() => get('/tokens'), []);
  const action = useAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState('agent');
  const [issued, setIssued] = useState(null);
  const create = (event) => {
    event.preventDefault();
    setIssued(null);
    action.run(async () => {
      const created = await post('/tokens', { name, role });
      setIssued(created);
      setName('');
      tokens.reload();
    });
  };
  const revoke = (token) => window.confirm(t('tokens.confirmRevoke', { name: token.name })) && action.run(async () => {
    await del(`/tokens/${enc(token.id)}`);
    tokens.reload();
  });
  return (
    <section class="pane wide" aria-labelledby="tokens-title">
      <h1 id="tokens-title">{t('tokens.title')}</h1>
      <form class="card grid-form" onSubmit={create} aria-label={t('tokens.create')}>
        <label for="token-name">{t('tokens.name')}</label>
        <input id="token-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="token-role">{t('tokens.role')}</label>
        <select id="token-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
        <button type="submit" class="primary" disabled={action.busy}>{t('tokens.create')}</button>
      </form>
      {issued && (
        <div class="card issued" role="status">
          <p>{t('tokens.once')}</p>
          <label for="issued-token" class="sr-only">{issued.name}</label>
          <input id="issued-token" readOnly value={issued.token} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => setIssued(null)}>{t('close')}</button>
        </div>
      )}
      <ErrorBox error={action.error || tokens.error} />
      <Loading when={!tokens.value && tokens.loading} />
      {tokens.value && (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th><th scope="col">{t('tokens.role')}</th><th scope="col">{t('tokens.createdBy')}</th>
              <th scope="col">{t('tokens.created')}</th><th scope="col">{t('tokens.lastUsed')}</th><th scope="col" />
            </tr>
          </thead>
          <tbody>
            {tokens.value.items.map((token) => (
              <tr key={token.id} data-token={token.id}>
                <th scope="row">{token.name}</th><td>{t(`role.${token.role}`)}</td><td>{token.createdBy}</td>
                <td>{formatTime(token.createdAt)}</td><td>{formatTime(token.lastUsedAt)}</td>
                <td><button type="button" class="danger" disabled={action.busy} onClick={() => revoke(token)}>{t('tokens.revoke')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
