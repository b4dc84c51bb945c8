// Hash routes (#/inbox/<id>, #/admin/plugins, …): the server serves one page, so every screen has a link of its own.
import { useEffect, useState } from 'preact/hooks';

function current() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

export function useRoute() {
  const [route, setRoute] = useState(current());
  useEffect(() => {
    const changed = () => setRoute(current());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function href(...parts) {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function go(...parts) {
  location.hash = href(...parts);
}
