import { enc, get, post } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';

/** The CRMs kept in step: each connector's health, waiting and failed work and pause; failed work to replay or discard. */
export function Crm() {
  const connectors = useLoad(() => get('/crm'), []);
  const failed = useLoad(() => get('/crm/dead-letters?limit=200'), []);
  const action = useAction();
  const reload = () => {
    connectors.reload();
    failed.reload();
  };
  const settle = (task, verb, done) => action.run(async () => {
    await post(`/crm/dead-letters/${enc(task.id)}/${verb}`);
    reload();
  }, t(done));
  const discard = (task) => {
    if (window.confirm(t('crm.discardConfirm'))) {
      settle(task, 'discard', 'dead.discarded');
    }
  };
  return (
    <section class="pane wide" aria-labelledby="crm-title">
      <h1 id="crm-title">{t('crm.title')}</h1>
      <button type="button" onClick={reload}>{t('refresh')}</button>
      <ErrorBox error={action.error || connectors.error || failed.error} />
      <Notice text={action.done} />
      <Loading when={!connectors.value && connectors.loading} />
      {connectors.value && (
        <>
          {connectors.value.connectors.length === 0 && <p class="muted">{t('crm.none')}</p>}
          <table>
            <thead>
              <tr><th>{t('crm.connector')}</th><th>{t('crm.health')}</th><th>{t('crm.due')}</th><th>{t('crm.failed')}</th><th>{t('crm.paused')}</th></tr>
            </thead>
            <tbody>
              {connectors.value.connectors.map((c) => (
                <tr key={`${c.crm}/${c.instance}`} data-connector={`${c.crm}/${c.instance}`}>
                  <td>{c.crm}/{c.instance}</td>
                  <td>{c.health.state}{c.health.detail ? ` · ${c.health.detail}` : ''}</td>
                  <td>{c.due}</td>
                  <td>{c.failed}</td>
                  <td>{c.pausedUntil ? formatTime(c.pausedUntil) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('crm.deadLetters')}</h2>
      {failed.value && failed.value.items.length === 0 && <p class="muted">{t('empty')}</p>}
      {failed.value && (
        <ul class="plain letters">
          {failed.value.items.map((task) => (
            <li key={task.id} data-task={task.id}>
              <strong>{task.crm}/{task.instance}</strong> {t(`crm.kind.${task.kind}`)} {task.subject} · {formatTime(task.updatedAt)}
              {' · '}{t('dead.attempts')}: {task.attempts}
              {task.lastError ? <> · <code>{task.lastError}</code></> : ''}{' '}
              <button type="button" disabled={action.busy} onClick={() => settle(task, 'retry', 'dead.retried')}>{t('dead.retry')}</button>{' '}
              <button type="button" class="danger" disabled={action.busy} onClick={() => discard(task)}>{t('dead.discard')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
