// Small building blocks the screens share: the API error as the server said it, and loading a resource.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n.js';

/** The API's {"error", "message"} as it came, in an alert region so screen readers announce it. */
export function ErrorBox({ error }) {
  if (!error) {
    return null;
  }
  if (error.status === 0) {
    return <p class="error" role="alert">{t('error.network')}</p>;
  }
  return (
    <p class="error" role="alert" data-status={error.status} data-code={error.code}>
      <strong>{t('error.title', { status: error.status })}</strong> <code>{error.code}</code>
      {error.message ? ` — ${error.message}` : ''}
    </p>
  );
}

export function Notice({ text }) {
  return text ? <p class="notice" role="status">{text}</p> : null;
}

/**
 * Loads with fn() now and whenever deps change or reload() is called; keeps the last value while reloading. Only the
 * newest request's answer is kept, so quick live reloads cannot let an older answer overwrite a newer one.
 */
export function useLoad(fn, deps) {
  const [state, setState] = useState({ value: null, error: null, loading: true });
  const latest = useRef(0);
  const reload = useCallback(() => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    fn().then(
      (value) => request === latest.current && setState({ value, error: null, loading: false }),
      (error) => request === latest.current && setState((previous) => ({ value: previous.value, error, loading: false })),
    );
  }, deps);
  useEffect(() => {
    // Other deps: another resource, so the previous one's value must not stand in for it.
    setState({ value: null, error: null, loading: true });
    reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);
  return { ...state, reload };
}

/** Runs a change, remembering its error or its success note for the screen to show. */
export function useAction() {
  const [state, setState] = useState({ busy: false, error: null, done: null });
  const run = async (fn, doneText) => {
    setState({ busy: true, error: null, done: null });
    try {
      const value = await fn();
      setState({ busy: false, error: null, done: doneText ?? null });
      return { ok: true, value };
    } catch (error) {
      setState({ busy: false, error, done: null });
      return { ok: false, error };
    }
  };
  return { ...state, run, clear: () => setState({ busy: false, error: null, done: null }) };
}

export function Loading({ when }) {
  return when ? <p class="muted" aria-live="polite">{t('loading')}</p> : null;
}
