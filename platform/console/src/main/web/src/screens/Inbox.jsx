import { useState } from 'preact/hooks';
import { enc, get } from '../api.js';
import { CHANNELS, PAGE, STATUSES, inbox, matches, sortByActivity, teamOf, whoOptions } from '../conversations.js';
import { useCustomerName } from '../customers.js';
import { formatTime, t } from '../i18n.js';
import { useLive } from '../live.js';
import { href } from '../router.js';
import { ErrorBox, Loading, useLoad } from '../ui.jsx';

const CONVERSATION_EVENTS = new Set(['message.received', 'message.queued', 'message.status', 'conversation.opened',
  'conversation.reopened', 'conversation.changed']);

export function Inbox({ me, selected }) {
  const [who, setWho] = useState('all');
  const [status, setStatus] = useState('OPEN');
  const [channel, setChannel] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const filters = { who, status, channel, username: me.username };
  const list = useLoad(() => inbox({ ...filters, limit }), [who, status, channel, limit, me.username]);
  const [rows, setRows] = useState(null);
  const items = rows ?? list.value?.items ?? [];

  // A live event names a conversation: fetch just that one and put it where the filters say, newest first.
  useLive((type, data) => {
    // Whether a conversation is the team's depends on who is in the team: the server decides, so ask it again.
    if (type === 'customer.merged' || (teamOf(who) && CONVERSATION_EVENTS.has(type))) {
      setRows(null);
      list.reload();
      return;
    }
    if (!CONVERSATION_EVENTS.has(type) || !data.conversationId) {
      return;
    }
    get(`/conversations/${enc(data.conversationId)}`).then((conversation) => {
      setRows((previous) => {
        const others = (previous ?? list.value?.items ?? []).filter((c) => c.id !== conversation.id);
        return sortByActivity(matches(conversation, filters) ? [conversation, ...others] : others);
      });
    }, () => {});
  }, [who, status, channel, list.value]);

  const change = (setter) => (event) => {
    setRows(null);
    setLimit(PAGE);
    setter(event.currentTarget.value);
  };
  return (
    <section class="pane inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('nav.inbox')}</h1>
      <div class="filters">
        <fieldset class="segmented">
          <legend class="sr-only">{t('inbox.who')}</legend>
          {whoOptions(me.teams).map((option) => (
            <label key={option} class={who === option ? 'on' : ''}>
              <input type="radio" name="who" value={option} checked={who === option} onChange={change(setWho)} />
              {teamOf(option) ? t('inbox.team', { team: teamOf(option) }) : t(`inbox.${option}`)}
            </label>
          ))}
        </fieldset>
        <label>{t('inbox.status')}
          <select value={status} onChange={change(setStatus)}>
            <option value="">{t('inbox.any')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('inbox.channel')}
          <select value={channel} onChange={change(setChannel)}>
            <option value="">{t('inbox.any')}</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      </div>
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !list.value} />
      {list.value && (
        <p class="muted count" aria-live="polite">
          {t('inbox.count', { shown: items.length, total: Math.max(list.value.total, items.length) })}
        </p>
      )}
      {list.value && items.length === 0 && <p class="muted">{t('inbox.none')}</p>}
      <ul class="rows" aria-label={t('nav.inbox')}>
        {items.map((conversation) => (
          <InboxRow key={conversation.id} conversation={conversation} selected={conversation.id === selected} />
        ))}
      </ul>
      {list.value && items.length < list.value.total && (
        <button type="button" onClick={() => { setRows(null); setLimit(limit + PAGE); }}>{t('more')}</button>
      )}
    </section>
  );
}

function InboxRow({ conversation, selected }) {
  const name = useCustomerName(conversation.customerId);
  return (
    <li class={selected ? 'selected' : ''} data-conversation={conversation.id}>
      <a href={href('inbox', conversation.id)} aria-current={selected ? 'true' : undefined}>
        <span class="name">{name ?? '…'}</span>
        <span class="meta">
          <span class={`badge status-${conversation.status}`}>{t(`status.${conversation.status}`)}</span>
          <span class="badge">{conversation.channel}</span>
          {conversation.assignee && <span class="assignee">{conversation.assignee}</span>}
          <time dateTime={conversation.lastMessageAt}>{formatTime(conversation.lastMessageAt)}</time>
        </span>
      </a>
    </li>
  );
}
