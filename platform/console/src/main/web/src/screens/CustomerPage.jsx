import { useState } from 'preact/hooks';
import { enc, get, post } from '../api.js';
import { forgetCustomer } from '../customers.js';
import { formatTime, t } from '../i18n.js';
import { useLive } from '../live.js';
import { hasRole } from '../session.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';
import { CustomerDetails } from './CustomerPanel.jsx';

/** One customer in full, with the merges they took part in; supervisors merge and undo merges here. */
export function CustomerPage({ me, id }) {
  const customer = useLoad(() => get(`/customers/${enc(id)}`), [id]);
  const merges = useLoad(() => get(`/customers/${enc(id)}/merges`), [id]);
  const action = useAction();
  const reload = () => {
    forgetCustomer(id);
    customer.reload();
    merges.reload();
  };
  useLive((type, data) => {
    if ((type === 'customer.changed' || type === 'customer.merged') && data.customerId === id) {
      reload();
    }
  }, [id]);
  const unmerge = (mergeId) => action.run(async () => {
    await post(`/customers/${enc(id)}/unmerge`, { mergeId });
    reload();
  });
  return (
    <section class="pane wide" aria-labelledby="customer-page-title">
      <h1 id="customer-page-title">{t('customer.title')}</h1>
      <ErrorBox error={customer.error} />
      <Loading when={!customer.value && customer.loading} />
      {customer.value && <CustomerDetails customer={customer.value} />}
      <h2>{t('customer.merges')}</h2>
      <ErrorBox error={merges.error || action.error} />
      <Notice text={action.done} />
      <ul class="plain merges">
        {(merges.value?.items ?? []).map((m) => (
          <li key={m.id} data-merge={m.id}>
            {t('customer.merged', { merged: m.mergedId, survivor: m.survivorId, actor: m.actor })} · {formatTime(m.mergedAt)}
            {m.reason ? ` · ${m.reason}` : ''}
            {m.undoneAt
              ? <span class="muted"> · {t('customer.undone', { who: m.undoneBy ?? '' })} {formatTime(m.undoneAt)}</span>
              : hasRole(me, 'supervisor') && <> <button type="button" disabled={action.busy} onClick={() => unmerge(m.id)}>{t('customer.unmerge')}</button></>}
          </li>
        ))}
      </ul>
      {hasRole(me, 'supervisor') && <MergeForm id={id} merged={reload} />}
    </section>
  );
}

function MergeForm({ id, merged }) {
  const [from, setFrom] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = (event) => {
    event.preventDefault();
    action.run(async () => {
      await post(`/customers/${enc(id)}/merge`, reason ? { from: from.trim(), reason } : { from: from.trim() });
      setFrom('');
      setReason('');
      merged();
    });
  };
  return (
    <form class="card" onSubmit={submit}>
      <label for="merge-from">{t('customer.mergeFrom')}</label>
      <input id="merge-from" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      <label for="merge-reason">{t('customer.mergeReason')}</label>
      <input id="merge-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <ErrorBox error={action.error} />
      <button type="submit" disabled={action.busy}>{t('customer.merge')}</button>
    </form>
  );
}
