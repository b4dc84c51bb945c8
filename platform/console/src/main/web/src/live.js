// The live stream (GET /api/v1/events, server-sent events carrying ids only). Screens subscribe and refetch what
// an event names. EventSource resumes by itself with Last-Event-ID; when the server refuses the stream outright
// (an error status closes it) it is tried again after a pause.
import { useEffect } from 'preact/hooks';
import { signal } from './state.js';

export const EVENT_TYPES = ['message.received', 'message.queued', 'message.status', 'conversation.opened',
  'conversation.reopened', 'conversation.changed', 'customer.merged', 'customer.changed', 'presence'];
const RETRY_MILLIS = 15000;

export const liveState = signal('off');
const listeners = new Set();
let source = null;
let retry = null;

function dispatch(type, message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  listeners.forEach((listener) => listener(type, data));
}

export function connectLive() {
  disconnectLive();
  source = new EventSource('/api/v1/events', { withCredentials: true });
  source.onopen = () => liveState.set('on');
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      liveState.set('off');
      source = null;
      retry = setTimeout(connectLive, RETRY_MILLIS);
    }
  };
  EVENT_TYPES.forEach((type) => source.addEventListener(type, (message) => dispatch(type, message)));
}

export function disconnectLive() {
  clearTimeout(retry);
  if (source) {
    source.close();
    source = null;
  }
  liveState.set('off');
}

/** Calls listener(type, data) for every live event while the component is mounted. */
export function useLive(listener, deps) {
  useEffect(() => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, deps);
}
