// Customer names for inbox rows, fetched once per customer while the page is open.
import { useEffect, useState } from 'preact/hooks';
import { enc, get } from './api.js';

const names = new Map();

export function customerLabel(customer) {
  if (!customer) {
    return null;
  }
  return customer.displayName || customer.identifiers?.[0]?.value || customer.id;
}

export function useCustomerName(id) {
  const [name, setName] = useState(names.get(id) ?? null);
  useEffect(() => {
    if (names.has(id)) {
      setName(names.get(id));
      return;
    }
    let current = true;
    get(`/customers/${enc(id)}`).then(
      (customer) => {
        names.set(id, customerLabel(customer));
        if (current) {
          setName(names.get(id));
        }
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [id]);
  return name;
}

/** After a merge or a profile change the cached name may be wrong. */
export function forgetCustomer(id) {
  names.delete(id);
}
