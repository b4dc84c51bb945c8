import { useEffect, useRef } from 'preact/hooks';
import { get, query } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { useLive } from '../live.js';
import { ErrorBox, Loading, useLoad } from '../ui.jsx';
import { MinuteChart, perChannel } from './MinuteChart.jsx';

const REFRESH_MILLIS = 10000;
/** Live events can come in bursts; the figures are fetched at most this often because of them. */
const MIN_GAP_MILLIS = 2000;
const MESSAGE_EVENTS = new Set(['message.received', 'message.queued']);

/** GET /figures for the browser's time zone ("today" starts at its midnight), refreshed every 10 s and on messages. */
export function Figures() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const figures = useLoad(() => get(`/figures${query({ zone })}`), [zone]);
  const last = useRef(0);
  const pending = useRef(null);
  const refresh = () => {
    clearTimeout(pending.current);
    pending.current = null;
    last.current = Date.now();
    figures.reload();
  };
  useEffect(() => {
    last.current = Date.now();
    const timer = setInterval(refresh, REFRESH_MILLIS);
    return () => {
      clearInterval(timer);
      clearTimeout(pending.current);
    };
  }, [figures.reload]);
  useLive((type) => {
    if (!MESSAGE_EVENTS.has(type) || pending.current) {
      return;
    }
    pending.current = setTimeout(refresh, Math.max(0, last.current + MIN_GAP_MILLIS - Date.now()));
  }, [figures.reload]);

  const value = figures.value;
  return (
    <section class="pane wide" aria-labelledby="figures-title">
      <h1 id="figures-title">{t('figures.title')}</h1>
      <ErrorBox error={figures.error} />
      <Loading when={!value && figures.loading} />
      {value && (
        <>
          <p class="muted small" aria-live="off">{t('figures.at', { at: formatTime(value.at), zone })}</p>
          <dl class="figures">
            <Figure name="open" label={t('figures.open')} value={value.openConversations} />
            <Figure name="unassigned" label={t('figures.unassigned')} value={value.unassignedConversations} />
            <Figure name="failed" label={t('figures.failedToday')} value={value.repliesFailedToday} />
            <Figure name="first-response" label={t('figures.medianFirstResponse', { n: value.firstResponsesToday })}
              value={duration(value.medianFirstResponseSeconds)} />
          </dl>
          <h2>{t('figures.perMinute')}</h2>
          {perChannel(value).length === 0 && <p class="muted">{t('figures.noMessages')}</p>}
          {perChannel(value).map((series) => <MinuteChart key={series.channel} series={series} at={value.at} />)}
        </>
      )}
    </section>
  );
}

function Figure({ name, label, value }) {
  return (
    <div class="figure" data-figure={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? t('figures.minutes', { m: minutes, s: whole % 60 }) : t('figures.seconds', { s: whole });
}
