import { useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { customerLabel } from '../customers.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { ErrorBox, Loading, useLoad } from '../ui.jsx';

const IDENTIFIER = /^(email|phone|whatsapp|whatsappUserId|userId):.+/;

/** Search by name or any identifier; "type:value" asks for the identifier's owner exactly. */
function search(q) {
  if (!q) {
    return Promise.resolve(null);
  }
  return get(`/customers${query(IDENTIFIER.test(q) ? { identifier: q } : { q, limit: 50 })}`);
}

export function Customers({ q }) {
  const [text, setText] = useState(q);
  const result = useLoad(() => search(q), [q]);
  const submit = (event) => {
    event.preventDefault();
    location.hash = `${href('customers')}?${new URLSearchParams({ q: text.trim() })}`;
  };
  const items = result.value?.items ?? [];
  return (
    <section class="pane wide" aria-labelledby="customers-title">
      <h1 id="customers-title">{t('customers.search')}</h1>
      <form class="row" role="search" onSubmit={submit}>
        <label for="customer-query" class="sr-only">{t('customers.query')}</label>
        <input id="customer-query" type="search" name="q" value={text} placeholder={t('customers.query')}
          onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="primary">{t('customers.find')}</button>
      </form>
      <ErrorBox error={result.error} />
      <Loading when={result.loading && q} />
      {result.value && items.length === 0 && <p class="muted">{t('customers.none')}</p>}
      <ul class="rows">
        {items.map((customer) => (
          <li key={customer.id} data-customer={customer.id}>
            <a href={href('customers', customer.id)}>
              <span class="name">{customer.displayName ?? t('customers.unnamed')}</span>
              <span class="meta">{customer.identifiers.map((i) => `${i.type}: ${i.value}`).join(' · ') || customerLabel(customer)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
