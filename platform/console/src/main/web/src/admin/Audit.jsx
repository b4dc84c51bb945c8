import { useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { ErrorBox, Loading, useAction, useLoad } from '../ui.jsx';

const FAMILIES = ['plugin.', 'instance.', 'user.', 'token.', 'customer.'];
const PAGE = 50;

/** Admin actions, newest first (GET /audit), filtered by who and what, paged with the server's cursor. */
export function Audit() {
  const [filters, setFilters] = useState({ actor: '', action: '' });
  const [draft, setDraft] = useState(filters);
  const first = useLoad(() => get(`/audit${query({ ...filters, limit: PAGE })}`), [filters.actor, filters.action]);
  const [more, setMore] = useState({ entries: [], next: undefined, of: null });
  const loading = useAction();
  // Pages fetched with "more" belong to the first page they continue; a new first page drops them.
  const extra = more.of === first.value ? more : { entries: [], next: undefined };
  const entries = [...(first.value?.entries ?? []), ...extra.entries];
  const next = extra.next !== undefined ? extra.next : first.value?.next;
  const apply = (event) => {
    event.preventDefault();
    setFilters({ actor: draft.actor.trim(), action: draft.action });
  };
  const loadMore = () => loading.run(async () => {
    const page = await get(`/audit${query({ ...filters, after: next, limit: PAGE })}`);
    setMore({ entries: [...extra.entries, ...page.entries], next: page.next ?? null, of: first.value });
  });
  return (
    <section class="pane wide" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form class="filters" role="search" aria-label={t('audit.filters')} onSubmit={apply}>
        <label>{t('audit.actor')}
          <input name="actor" value={draft.actor} onInput={(e) => { const actor = e.currentTarget.value; setDraft((previous) => ({ ...previous, actor })); }} />
        </label>
        <label>{t('audit.action')}
          <select name="action" value={draft.action} onChange={(e) => { const action = e.currentTarget.value; setDraft((previous) => ({ ...previous, action })); }}>
            <option value="">{t('audit.anyAction')}</option>
            {FAMILIES.map((family) => <option key={family} value={family}>{t(`audit.family.${family}`)}</option>)}
          </select>
        </label>
        <button type="submit">{t('audit.apply')}</button>
        <button type="button" onClick={first.reload}>{t('refresh')}</button>
      </form>
      <ErrorBox error={first.error || loading.error} />
      <Loading when={!first.value && first.loading} />
      {first.value && entries.length === 0 && <p class="muted">{t('audit.none')}</p>}
      {entries.length > 0 && (
        <table class="grid audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td><time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time></td>
                <td>{entry.actor}</td>
                <td><code>{entry.action}</code></td>
                <td>{entry.subject}</td>
                <td>{entry.details ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <button type="button" disabled={loading.busy} onClick={loadMore}>{t('more')}</button>}
    </section>
  );
}
