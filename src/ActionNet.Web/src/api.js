import { session } from './session.js';

// The REST API (/api/v1), the console's only way to the cluster. Every call sends the key as a bearer
// token; a refusal becomes an ApiError carrying the API's one-line problem detail.
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

let onUnauthorized = () => {};

// Called when a signed-in request gets 401 (the key was revoked or expired).
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export function queryString(query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== '') {
        params.append(name, String(item));
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function send(method, path, { query, body, signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, Authorization: `Bearer ${session.key}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/api/v1${path}${queryString(query)}`, {
    method, headers, signal, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = await problem(response);
    if (response.status === 401 && session.me) {
      onUnauthorized(error);
    }
    throw error;
  }
  return response;
}

async function problem(response) {
  let detail = null;
  try {
    const body = await response.json();
    detail = body.detail || body.title;
  } catch {
    // Not a problem document (a proxy's page, an empty 401): fall back to the status line.
  }
  return new ApiError(response.status, detail ?? `${response.status} ${response.statusText || 'request failed'}`);
}

export async function getJson(path, query, signal) {
  return (await send('GET', path, { query, signal })).json();
}

export async function putJson(path, body) {
  return (await send('PUT', path, { body })).json();
}

export async function postJson(path, body) {
  const response = await send('POST', path, { body });
  return response.status === 204 ? null : response.json();
}

export async function remove(path) {
  await send('DELETE', path);
}

// Every page of a Page<T> route, following `next` until it is null or `max` items are read.
export async function allPages(path, query, { max = 20000, signal } = {}) {
  const items = [];
  let after = null;
  do {
    const page = await getJson(path, { ...query, after }, signal);
    items.push(...page.items);
    after = page.next;
  } while (after && items.length < max);
  return { items, truncated: Boolean(after) };
}

export function cameraPath(id) {
  return `/cameras/${encodeURIComponent(id)}`;
}
