// Telling colleagues this user views or types in a conversation (POST /api/v1/presence), and hearing theirs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import { useLive } from './live.js';

const TYPING_EVERY_MILLIS = 3000;
const TYPING_SHOWN_MILLIS = 6000;
let unsupported = false;

function announce(conversationId, state) {
  if (unsupported) {
    return;
  }
  // keepalive: a "left" sent as the tab closes still arrives.
  api('POST', '/presence', { conversationId, state }, { keepalive: state === 'left' }).catch((error) => {
    // A server without the endpoint (or a role it refuses) gets no more of them this session.
    if (error.status === 404 || error.status === 405 || error.status === 403) {
      unsupported = true;
    }
  });
}

/** Announces viewing while mounted; returns typed(), to call on each keystroke, and who else is here. */
export function usePresence(conversationId, username) {
  const [others, setOthers] = useState({});
  const lastTyping = useRef(0);
  useEffect(() => {
    announce(conversationId, 'viewing');
    const leave = () => announce(conversationId, 'left');
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [conversationId]);
  useLive((type, data) => {
    if (type !== 'presence' || data.conversationId !== conversationId || !data.username || data.username === username) {
      return;
    }
    setOthers((previous) => {
      const next = { ...previous };
      if (data.state === 'left') {
        delete next[data.username];
      } else {
        next[data.username] = { state: data.state, at: Date.now() };
      }
      return next;
    });
  }, [conversationId, username]);
  // Typing fades back to viewing when the colleague stops.
  useEffect(() => {
    const typing = Object.values(others).some((o) => o.state === 'typing');
    if (!typing) {
      return undefined;
    }
    const timer = setTimeout(() => setOthers((previous) => Object.fromEntries(Object.entries(previous).map(([user, o]) => [user,
      o.state === 'typing' && Date.now() - o.at >= TYPING_SHOWN_MILLIS ? { ...o, state: 'viewing' } : o]))), TYPING_SHOWN_MILLIS);
    return () => clearTimeout(timer);
  }, [others]);
  const typed = () => {
    if (Date.now() - lastTyping.current > TYPING_EVERY_MILLIS) {
      lastTyping.current = Date.now();
      announce(conversationId, 'typing');
    }
  };
  return { others, typed };
}
