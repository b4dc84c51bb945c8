import { attachmentHref } from '../conversations.js';
import { formatTime, t } from '../i18n.js';

/** A conversation's entries: messages with their delivery status, calls with their steps, notes and changes. */
export function Timeline({ entries }) {
  const statuses = new Map();
  const messageIds = new Set(entries.filter((e) => e.kind === 'message').map((e) => e.interactionId));
  entries.filter((e) => e.kind.startsWith('status:')).forEach((e) => {
    statuses.set(e.interactionId, [...(statuses.get(e.interactionId) ?? []), e]);
  });
  const shown = entries.filter((e) => !e.kind.startsWith('status:') || !messageIds.has(e.interactionId));
  if (shown.length === 0) {
    return <p class="muted">{t('empty')}</p>;
  }
  return (
    <ol class="timeline">
      {shown.map((entry) => <Entry key={entry.sequence} entry={entry} statuses={statuses.get(entry.interactionId)} />)}
    </ol>
  );
}

function Entry({ entry, statuses }) {
  const when = <time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time>;
  if (entry.kind === 'message') {
    const last = statuses?.[statuses.length - 1];
    return (
      <li class={`entry message ${entry.direction}`} data-sequence={entry.sequence} data-kind="message" data-direction={entry.direction}>
        <div class="entry-head">
          <span class="badge">{entry.channel}</span> {t(entry.direction === 'in' ? 'entry.in' : 'entry.out')}
          {entry.actor ? ` · ${entry.actor}` : ''} · {when}
        </div>
        {entry.text && <p class="text">{entry.text}</p>}
        <Files attachments={entry.attachments} />
        {last && (
          <p class={`delivery ${last.kind.slice(7).toLowerCase()}`} title={statuses.map((s) => `${s.kind.slice(7)} ${formatTime(s.occurredAt)}`).join('\n')}>
            {last.kind.slice(7)}{last.text ? ` — ${last.text}` : ''}
          </p>
        )}
      </li>
    );
  }
  if (entry.kind === 'call') {
    return (
      <li class="entry call in" data-sequence={entry.sequence} data-kind="call">
        <div class="entry-head"><span class="badge">{entry.channel}</span> {t('entry.call')} · {when}</div>
        {entry.text && <p class="text">{entry.text}</p>}
        <ul class="steps">
          {(entry.events ?? []).map((step) => (
            <li key={step.key}>
              <strong>{step.kind === 'transcription' ? t('entry.transcript') : step.kind}</strong>{' '}
              {Object.entries(step.details ?? {}).map(([k, v]) => (step.kind === 'transcription' ? v : `${k}: ${v}`)).join(' · ')}
              <Files attachments={step.attachments} />
            </li>
          ))}
        </ul>
      </li>
    );
  }
  if (entry.kind === 'note') {
    return (
      <li class="entry note" data-sequence={entry.sequence} data-kind="note">
        <div class="entry-head">{t('entry.note')}{entry.actor ? ` · ${entry.actor}` : ''} · {when}</div>
        <p class="text">{entry.text}</p>
      </li>
    );
  }
  return (
    <li class="entry event" data-sequence={entry.sequence} data-kind={entry.kind}>
      <span>{entry.kind.replace(/^conversation:/, '').replace(/^status:/, '')}</span>
      {entry.text ? ` — ${entry.text}` : ''} · {when}
    </li>
  );
}

function Files({ attachments }) {
  if (!attachments?.length) {
    return null;
  }
  return (
    <ul class="files" aria-label={t('entry.files')}>
      {attachments.map((file) => {
        const link = attachmentHref(file.url);
        const label = `${file.name ?? file.url}${file.size ? ` (${Math.ceil(file.size / 1024)} KiB)` : ''}`;
        return <li key={file.url}>{link ? <a href={link} download>{label}</a> : label}</li>;
      })}
    </ul>
  );
}
