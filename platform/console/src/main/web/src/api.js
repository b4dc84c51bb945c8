// The one way the console talks to the server: /api/v1 with the session cookie. Changes carry the session's CSRF
// token; every failure becomes an ApiError holding the API's own {"error", "message"} so screens can show it.

const BASE = '/api/v1';
let csrfToken = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, code, message, retryAfter, body = null) {
    super(message);
    /** The whole error answer, for the fields some carry (422 invalid_settings: setting → message). */
    this.body = body;
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called when the server no longer knows the session (401), so the app can show the sign-in again. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function api(method, path, body, { signIn = false, headers: extra = {}, keepalive = false } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body instanceof Blob) {
    // A file as it is (POST /attachments): its own type, never parsed as JSON.
    headers['Content-Type'] = body.type || 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store', keepalive });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    const error = new ApiError(response.status, json?.error ?? `http_${response.status}`, json?.message ?? null, retryAfter, json);
    if (response.status === 401 && !signIn) {
      onSignedOut();
    }
    throw error;
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** A query string from the non-empty values of an object. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;

/** /health answers 503 with the same body when a part is down: both are answers to show. */
export async function health() {
  const response = await fetch('/health', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  return { status: response.status, body: await response.json().catch(() => null) };
}
