import { useRef, useState } from 'preact/hooks';
import { api, enc, post, query } from '../api.js';
import { latestEntries, newIdempotencyKey } from '../conversations.js';
import { t } from '../i18n.js';
import { ErrorBox, Notice, useAction } from '../ui.jsx';

/** Refusals that say a channel cannot reach this customer now: that channel is then offered disabled, with the reason. */
const CHANNEL_REFUSALS = new Set(['no_consent', 'unreachable', 'template_required']);

/** The channels the customer wrote on, the last one first (the default), and the conversation's own. */
function channelsOf(c, entries) {
  const inbound = entries.filter((e) => e.kind === 'message' && e.direction === 'in' && e.channel).map((e) => e.channel).reverse();
  return [...new Set([...inbound, c.channel])];
}

export function Composer({ c, entries, typed, actors, sent }) {
  const [mode, setMode] = useState('reply');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState(null);
  const [refused, setRefused] = useState({});
  const action = useAction();
  // Where the draft started: a reply someone else queued after this point is "meanwhile".
  const draftBase = useRef(null);
  const key = useRef(null);
  const own = useRef(new Set());
  const files = useRef(null);
  // Files of this draft already stored, by the File itself: sending again after a failure does not upload them twice.
  const uploaded = useRef(new Map());
  const channels = channelsOf(c, entries);
  const usable = channels.filter((ch) => !refused[ch]);
  const channel = chosen && !refused[chosen] ? chosen : usable[0] ?? channels[0];
  const newest = () => entries.reduce((max, e) => Math.max(max, e.sequence), 0);

  const edit = (event) => {
    if (draftBase.current === null) {
      draftBase.current = newest();
    }
    setText(event.currentTarget.value);
    typed();
  };
  const reset = () => {
    setText('');
    draftBase.current = null;
    key.current = null;
    uploaded.current = new Map();
    if (files.current) {
      files.current.value = '';
    }
  };

  const attachmentIds = async () => {
    const ids = [];
    for (const file of files.current?.files ?? []) {
      if (!uploaded.current.has(file)) {
        const stored = await api('POST', `/attachments${query({ name: file.name })}`, file);
        uploaded.current.set(file, stored.id);
      }
      ids.push(uploaded.current.get(file));
    }
    return ids;
  };

  /** Another user's outbound reply newer than the draft, if any, and the newest entry now, so the agent can decide. */
  const answeredMeanwhile = async () => {
    const base = draftBase.current ?? newest();
    const latest = await latestEntries(c.id);
    const other = latest.find((e) => e.kind === 'message' && e.direction === 'out' && e.sequence > base && !own.current.has(e.interactionId));
    return { other, now: latest.reduce((max, e) => Math.max(max, e.sequence), base) };
  };

  const send = (event) => action.run(async () => {
    event.preventDefault();
    if (mode === 'note') {
      await post(`/conversations/${enc(c.id)}/notes`, { text });
      reset();
      sent();
      return;
    }
    const { other, now } = await answeredMeanwhile();
    if (other && !window.confirm(t('conv.newerAnswer', { who: actors.get(other.interactionId) ?? other.actor ?? t('conv.someone') }))) {
      // Declined: the draft now answers what is on screen, so the next Send does not ask about the same reply again.
      draftBase.current = now;
      sent();
      throw Object.assign(new Error(), { status: 409, code: 'answered_meanwhile', message: null });
    }
    const attachments = await attachmentIds();
    key.current = key.current ?? newIdempotencyKey();
    try {
      const body = attachments.length ? { text, channel, attachments } : { text, channel };
      const queued = await api('POST', `/conversations/${enc(c.id)}/messages`, body,
        { headers: { 'Idempotency-Key': key.current } });
      own.current.add(queued.messageId);
    } catch (error) {
      if (CHANNEL_REFUSALS.has(error.code)) {
        setRefused((previous) => ({ ...previous, [channel]: error.message ?? error.code }));
        key.current = null;
      }
      throw error;
    }
    reset();
    sent();
  }, mode === 'note' ? t('conv.noted') : t('conv.sent', { channel }));

  return (
    <form class="composer" onSubmit={send} aria-label={t(mode === 'note' ? 'conv.note' : 'conv.reply')}>
      <div class="tabs" role="group">
        <button type="button" aria-pressed={mode === 'reply'} onClick={() => setMode('reply')}>{t('conv.reply')}</button>
        <button type="button" aria-pressed={mode === 'note'} onClick={() => setMode('note')}>{t('conv.note')}</button>
      </div>
      {mode === 'reply' && (
        <label class="inline">{t('conv.via')}
          <select name="channel" value={channel} onChange={(e) => setChosen(e.currentTarget.value)}>
            {channels.map((ch) => (
              <option key={ch} value={ch} disabled={!!refused[ch]}>
                {refused[ch] ? `${ch} — ${t('conv.cannot', { reason: refused[ch] })}` : ch}
              </option>
            ))}
          </select>
        </label>
      )}
      <label for="composer-text" class="sr-only">{t(mode === 'note' ? 'conv.noteText' : 'conv.replyText')}</label>
      <textarea id="composer-text" name="text" rows={3} required value={text} onInput={edit}
        class={mode === 'note' ? 'note' : ''} placeholder={t(mode === 'note' ? 'conv.noteText' : 'conv.replyText')} />
      {mode === 'reply' && (
        <label class="inline">{t('conv.files')}
          <input ref={files} type="file" name="files" multiple onChange={() => { key.current = null; }} />
        </label>
      )}
      <ErrorBox error={action.error?.code === 'answered_meanwhile' ? null : action.error} />
      <Notice text={action.done} />
      <button type="submit" class="primary" disabled={action.busy || !text.trim() || (mode === 'reply' && !!refused[channel])}>
        {t(mode === 'note' ? 'conv.addNote' : 'conv.send')}
      </button>
    </form>
  );
}
