import { useRef, useState } from 'preact/hooks';
import { enc, get, patch } from '../api.js';
import { latestEntries } from '../conversations.js';
import { useCustomerName } from '../customers.js';
import { t } from '../i18n.js';
import { useLive } from '../live.js';
import { usePresence } from '../presence.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';
import { Composer } from './Composer.jsx';
import { CustomerPanel } from './CustomerPanel.jsx';
import { Timeline } from './Timeline.jsx';

const REFETCH_ON = new Set(['message.received', 'message.queued', 'message.status', 'conversation.opened',
  'conversation.reopened', 'conversation.changed', 'customer.merged']);

export function Conversation({ me, id }) {
  const conversation = useLoad(() => get(`/conversations/${enc(id)}`), [id]);
  const entries = useLoad(() => latestEntries(id), [id]);
  const action = useAction();
  const { others, typed } = usePresence(id, me.username);
  // Who queued which reply, as the live stream tells it: names the colleague in the "answered meanwhile" warning.
  const actors = useRef(new Map());
  const ids = new Set([id, ...(conversation.value?.mergedConversations ?? [])]);

  useLive((type, data) => {
    if (type === 'message.queued' && data.messageId && data.actor) {
      actors.current.set(data.messageId, data.actor);
    }
    if (REFETCH_ON.has(type) && (ids.has(data.conversationId) || (type === 'customer.merged' && data.customerId === conversation.value?.customerId))) {
      conversation.reload();
      entries.reload();
    }
  }, [id, conversation.value]);

  const change = (body) => action.run(async () => {
    await patch(`/conversations/${enc(id)}`, body);
    conversation.reload();
    entries.reload();
  });
  const c = conversation.value;
  return (
    <div class="conversation-layout">
      <section class="pane conversation" aria-labelledby="conversation-title">
        <ErrorBox error={conversation.error} />
        <Loading when={!c && conversation.loading} />
        {c && (
          <>
            <Header me={me} c={c} busy={action.busy} change={change} />
            <Presence others={others} />
            <ErrorBox error={action.error} />
            <Notice text={action.done} />
            <h2 class="sr-only">{t('conv.timeline')}</h2>
            <ErrorBox error={entries.error} />
            <div class="scroll" tabIndex={0} aria-label={t('conv.timeline')}>
              {entries.value ? <Timeline entries={entries.value} /> : <Loading when />}
            </div>
            <Composer c={c} entries={entries.value ?? []} typed={typed} actors={actors.current}
              sent={() => { entries.reload(); conversation.reload(); }} />
          </>
        )}
      </section>
      {c && <CustomerPanel me={me} customerId={c.customerId} current={c.id} />}
    </div>
  );
}

function Header({ me, c, busy, change }) {
  const name = useCustomerName(c.customerId);
  return (
    <header class="conversation-head">
      <h1 id="conversation-title">{name ?? '…'}</h1>
      <p>
        <span class={`badge status-${c.status}`} data-status={c.status}>{t(`status.${c.status}`)}</span>{' '}
        <span class="badge">{c.channel}</span>{' '}
        <span data-assignee={c.assignee ?? ''}>{t('conv.assignee', { who: c.assignee ?? t('conv.nobody') })}</span>
      </p>
      <div class="actions">
        {c.assignee !== me.username
          ? <button type="button" disabled={busy} onClick={() => change({ assignee: me.username })}>{t('conv.assignMe')}</button>
          : <button type="button" disabled={busy} onClick={() => change({ assignee: '' })}>{t('conv.unassign')}</button>}
        {c.status === 'RESOLVED'
          ? <button type="button" disabled={busy} onClick={() => change({ status: 'open' })}>{t('conv.reopen')}</button>
          : <button type="button" disabled={busy} onClick={() => change({ status: 'resolved' })}>{t('conv.resolve')}</button>}
        {c.status !== 'SNOOZED' && c.status !== 'RESOLVED' && (
          <button type="button" disabled={busy} onClick={() => change({ status: 'snoozed' })}>{t('conv.snooze')}</button>
        )}
      </div>
    </header>
  );
}

function Presence({ others }) {
  const list = Object.entries(others);
  if (list.length === 0) {
    return null;
  }
  return (
    <p class="presence" aria-live="polite">
      {list.map(([user, o]) => t(o.state === 'typing' ? 'conv.typing' : 'conv.viewing', { user })).join(' · ')}
    </p>
  );
}
