import { enc, get, post } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';

/** Inbound messages set aside and replies that failed for good, with their reasons; supervisors replay or discard them. */
export function DeadLetters() {
  const letters = useLoad(() => get('/dead-letters?limit=200'), []);
  const action = useAction();
  const retry = (path) => action.run(async () => {
    await post(path);
    letters.reload();
  }, t('dead.retried'));
  const discard = (path) => {
    if (!window.confirm(t('dead.discardConfirm'))) {
      return;
    }
    action.run(async () => {
      await post(path);
      letters.reload();
    }, t('dead.discarded'));
  };
  return (
    <section class="pane wide" aria-labelledby="dead-title">
      <h1 id="dead-title">{t('dead.title')}</h1>
      <button type="button" onClick={letters.reload}>{t('refresh')}</button>
      <ErrorBox error={action.error || letters.error} />
      <Notice text={action.done} />
      <Loading when={!letters.value && letters.loading} />
      {letters.value && (
        <>
          <h2>{t('dead.messages')}</h2>
          {letters.value.messages.length === 0 && <p class="muted">{t('empty')}</p>}
          <ul class="plain letters">
            {letters.value.messages.map((m) => (
              <li key={m.interactionId} data-interaction={m.interactionId}>
                <strong>{m.interaction?.channel ?? ''}</strong> {m.interaction ? formatTime(m.interaction.receivedAt) : m.interactionId}
                {' · '}{t('dead.reason')}: <code>{m.reason}</code>{' '}
                <button type="button" disabled={action.busy} onClick={() => retry(`/dead-letters/messages/${enc(m.interactionId)}/retry`)}>{t('dead.retry')}</button>{' '}
                <button type="button" class="danger" disabled={action.busy} onClick={() => discard(`/dead-letters/messages/${enc(m.interactionId)}/discard`)}>{t('dead.discard')}</button>
                {m.interaction && (
                  <details>
                    <summary>{t('dead.inspect')}</summary>
                    <pre>{JSON.stringify(m.interaction, null, 2)}</pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
          <h2>{t('dead.replies')}</h2>
          {letters.value.replies.length === 0 && <p class="muted">{t('empty')}</p>}
          <ul class="plain letters">
            {letters.value.replies.map((r) => (
              <li key={r.messageId} data-reply={r.messageId}>
                <strong>{r.channel}/{r.instance}</strong> {formatTime(r.createdAt)} · {t('dead.attempts')}: {r.attempts}
                {r.lastError ? <> · <code>{r.lastError}</code></> : ''}{' '}
                <a href={`#/inbox/${enc(r.conversationId)}`}>{t('nav.inbox')}</a>{' '}
                <button type="button" disabled={action.busy} onClick={() => retry(`/dead-letters/replies/${enc(r.messageId)}/retry`)}>{t('dead.retry')}</button>{' '}
                <button type="button" class="danger" disabled={action.busy} onClick={() => discard(`/dead-letters/replies/${enc(r.messageId)}/discard`)}>{t('dead.discard')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
