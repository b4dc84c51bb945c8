// Reading conversations and their entries the way the workspace needs them.
import { enc, get, query } from './api.js';

export const PAGE = 50;
/** The most the API gives in one page; the assignee filters look this far back. */
export const MAX_PAGE = 500;
export const STATUSES = ['OPEN', 'PENDING', 'SNOOZED', 'RESOLVED'];
export const CHANNELS = ['api', 'email', 'sms', 'whatsapp', 'voice'];

/**
 * A page of the inbox. The API filters by status and channel; it has no assignee filter yet, so "mine" and
 * "unassigned" are picked from its newest MAX_PAGE conversations here (the screen says so).
 */
export async function inbox({ who, status, channel, username, limit }) {
  const byAssignee = who !== 'all';
  const page = await get(`/conversations${query({ status: status.toLowerCase(), channel, offset: 0, limit: byAssignee ? MAX_PAGE : limit })}`);
  let items = page.items;
  if (who === 'mine') {
    items = items.filter((c) => c.assignee === username);
  } else if (who === 'unassigned') {
    items = items.filter((c) => !c.assignee);
  }
  return { items: sortByActivity(items), total: byAssignee ? items.length : page.total, capped: byAssignee && page.total > MAX_PAGE };
}

export function sortByActivity(items) {
  return [...items].sort((a, b) => (b.lastMessageAt ?? b.openedAt).localeCompare(a.lastMessageAt ?? a.openedAt));
}

/** Whether a conversation belongs in the inbox under these filters. */
export function matches(conversation, { who, status, channel, username }) {
  return (!status || conversation.status === status)
    && (!channel || conversation.channel === channel)
    && (who !== 'mine' || conversation.assignee === username)
    && (who !== 'unassigned' || !conversation.assignee);
}

/** The newest entries of a conversation (the API lists oldest first). */
export async function latestEntries(id, count = 200) {
  const first = await get(`/conversations/${enc(id)}/messages${query({ offset: 0, limit: count })}`);
  if (first.total <= count) {
    return first.items;
  }
  const last = await get(`/conversations/${enc(id)}/messages${query({ offset: first.total - count, limit: count })}`);
  return last.items;
}

/** The download path of a stored file (its URL is seamline:attachment:<id>); other URLs are shown as text. */
export function attachmentHref(url) {
  const match = /^seamline:attachment:(.+)$/.exec(url ?? '');
  return match ? `/api/v1/attachments/${enc(match[1])}` : null;
}

/** A random key per draft: sending the same draft again (after a network error) can never queue it twice. */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
