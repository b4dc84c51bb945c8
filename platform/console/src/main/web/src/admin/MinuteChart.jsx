import { t } from '../i18n.js';

const MINUTES = 60;
const WIDTH = 600;
const HALF = 40;
const BAR = WIDTH / MINUTES;

/** The per-minute counts grouped by channel: { channel, in: [60], out: [60], totalIn, totalOut }, oldest minute first. */
export function perChannel(figures) {
  const end = Math.floor(Date.parse(figures.at) / 60000);
  const byChannel = new Map();
  (figures.perMinute ?? []).forEach(({ minute, channel, direction, count }) => {
    const index = MINUTES - 1 - (end - Math.floor(Date.parse(minute) / 60000));
    if (index < 0 || index >= MINUTES || (direction !== 'in' && direction !== 'out')) {
      return;
    }
    if (!byChannel.has(channel)) {
      byChannel.set(channel, { channel, in: new Array(MINUTES).fill(0), out: new Array(MINUTES).fill(0), totalIn: 0, totalOut: 0 });
    }
    const series = byChannel.get(channel);
    series[direction][index] += count;
    series[direction === 'in' ? 'totalIn' : 'totalOut'] += count;
  });
  return [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

/** Messages in (up, from the middle line) and out (down) per minute over the hour: one hand-drawn SVG per channel. */
export function MinuteChart({ series }) {
  const highest = Math.max(1, ...series.in, ...series.out);
  const height = (count) => (count / highest) * (HALF - 2);
  const summary = t('figures.channelSummary', { channel: series.channel, in: series.totalIn, out: series.totalOut });
  return (
    <figure class="minute-chart" data-channel={series.channel} data-in={series.totalIn} data-out={series.totalOut}>
      <figcaption><strong>{series.channel}</strong> — {t('figures.totals', { in: series.totalIn, out: series.totalOut })}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HALF * 2}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {series.in.map((count, i) => count > 0 && (
          <rect key={`in-${i}`} class="in" x={i * BAR + 1} y={HALF - height(count)} width={BAR - 2} height={height(count)}>
            <title>{t('figures.barIn', { count, ago: MINUTES - 1 - i })}</title>
          </rect>
        ))}
        {series.out.map((count, i) => count > 0 && (
          <rect key={`out-${i}`} class="out" x={i * BAR + 1} y={HALF} width={BAR - 2} height={height(count)}>
            <title>{t('figures.barOut', { count, ago: MINUTES - 1 - i })}</title>
          </rect>
        ))}
        <line x1="0" y1={HALF} x2={WIDTH} y2={HALF} class="axis" />
      </svg>
      <p class="muted small legend"><span class="key in" /> {t('figures.in')} <span class="key out" /> {t('figures.out')} · {t('figures.hourAgo')} → {t('figures.now')}</p>
    </figure>
  );
}
