import { enc, get, query } from '../api.js';
import { customerLabel } from '../customers.js';
import { formatTime, t } from '../i18n.js';
import { useLive } from '../live.js';
import { href } from '../router.js';
import { ErrorBox, Loading, useLoad } from '../ui.jsx';

/** The customer beside a conversation: who they are, what they agreed to, their other conversations. */
export function CustomerPanel({ customerId, current }) {
  const customer = useLoad(() => get(`/customers/${enc(customerId)}`), [customerId]);
  useLive((type, data) => {
    if ((type === 'customer.changed' || type === 'customer.merged') && data.customerId === customerId) {
      customer.reload();
    }
  }, [customerId]);
  return (
    <aside class="pane customer" aria-labelledby="customer-title">
      <h2 id="customer-title">{t('customer.title')}</h2>
      <ErrorBox error={customer.error} />
      <Loading when={!customer.value && customer.loading} />
      {customer.value && <CustomerDetails customer={customer.value} current={current} />}
    </aside>
  );
}

export function CustomerDetails({ customer, current }) {
  const conversations = useLoad(() => get(`/conversations${query({ customerId: customer.id, limit: 20 })}`), [customer.id]);
  return (
    <div class="customer-details" data-customer={customer.id}>
      <p class="customer-name"><a href={href('customers', customer.id)}>{customerLabel(customer)}</a></p>
      <h3>{t('customer.identifiers')}</h3>
      <ul class="plain">
        {customer.identifiers.map((i) => (
          <li key={`${i.type}:${i.value}`}>
            <span class="badge">{i.type}</span> {i.value}
            {i.undeliverableSince && <span class="warn"> · {t('customer.undeliverable')}{i.undeliverableReason ? `: ${i.undeliverableReason}` : ''}</span>}
            <span class="muted small"> · {t('customer.source', { source: i.source })}</span>
          </li>
        ))}
      </ul>
      {customer.attributes.length > 0 && (
        <>
          <h3>{t('customer.attributes')}</h3>
          <dl class="attributes">
            {customer.attributes.map((a) => (
              <div key={a.name}>
                <dt>{a.name}</dt>
                <dd>{a.value} <span class="muted small">{t('customer.source', { source: a.source })}</span></dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {customer.tags.length > 0 && (
        <>
          <h3>{t('customer.tags')}</h3>
          <p>{customer.tags.map((tag) => <span key={tag} class="badge tag">{tag}</span>)}</p>
        </>
      )}
      {customer.consents.length > 0 && (
        <>
          <h3>{t('customer.consents')}</h3>
          <ul class="plain">
            {customer.consents.map((c) => (
              <li key={`${c.channel}/${c.purpose}`}>
                {c.channel} · {c.purpose.toLowerCase()}: <strong class={c.granted ? 'ok' : 'warn'}>
                  {t(c.granted ? 'customer.granted' : 'customer.withdrawn')}</strong>
                <span class="muted small"> · {formatTime(c.recordedAt)} · {c.source}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('customer.conversations')}</h3>
      <ErrorBox error={conversations.error} />
      <ul class="plain">
        {(conversations.value?.items ?? []).map((c) => (
          <li key={c.id}>
            {c.id === current
              ? <span>{t(`status.${c.status}`)} · {c.channel} · {formatTime(c.lastMessageAt)}</span>
              : <a href={href('inbox', c.id)}>{t(`status.${c.status}`)} · {c.channel} · {formatTime(c.lastMessageAt)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
