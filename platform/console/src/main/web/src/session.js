// Who is signed in. The CSRF token of the session goes to the API module for every change.
import { api, setCsrfToken, whenSignedOut } from './api.js';
import { connectLive, disconnectLive } from './live.js';
import { signal } from './state.js';

export const session = signal(undefined);

const RANKS = { viewer: 0, agent: 1, supervisor: 2, admin: 3 };

export function hasRole(me, role) {
  return !!me && RANKS[me.role] >= RANKS[role];
}

function signedOut() {
  setCsrfToken(null);
  disconnectLive();
  session.set(null);
}

whenSignedOut(signedOut);

export async function loadSession() {
  try {
    const me = await api('GET', '/session', undefined, { signIn: true });
    setCsrfToken(me.csrfToken ?? null);
    session.set(me);
    connectLive();
  } catch (error) {
    if (error.status === 401) {
      signedOut();
    } else {
      throw error;
    }
  }
}

export async function signIn(username, password) {
  await api('POST', '/session', { username, password }, { signIn: true });
  await loadSession();
}

export async function signOut() {
  try {
    await api('DELETE', '/session');
  } finally {
    signedOut();
  }
}

