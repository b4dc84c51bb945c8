// Reading conversations and their entries the way the workspace needs them.
import { enc, get, query } from './api.js';

export const PAGE = 50;
export const STATUSES = ['OPEN', 'PENDING', 'SNOOZED', 'RESOLVED'];
export const CHANNELS = ['api', 'email', 'sms', 'whatsapp', 'voice'];

const TEAM = 'team:';

/** The inbox's "who" choices: mine, one per team of the user, unassigned, all. */
export function whoOptions(teams) {
  return ['mine', ...(teams ?? []).map((team) => TEAM + team), 'unassigned', 'all'];
}

/** The team of a "who" choice, or undefined. */
export function teamOf(who) {
  return who.startsWith(TEAM) ? who.slice(TEAM.length) : undefined;
}

/**
 * A page of the inbox: the API filters by status, channel and assignee ("mine"), team (assigned to the team or a
 * member) or none ("unassigned").
 */
export async function inbox({ who, status, channel, username, limit }) {
  const page = await get(`/conversations${query({
    status: status.toLowerCase(),
    channel,
    assignee: who === 'mine' ? username : undefined,
    team: teamOf(who),
    unassigned: who === 'unassigned' ? 'true' : undefined,
    offset: 0,
    limit,
  })}`);
  return { items: sortByActivity(page.items), total: page.total };
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
