// The API client: JSON over fetch with the user's bearer token, problems as ApiError, and whether the platform can
// be reached (a network error or 502/503 marks it unreachable; any other answer reachable).
import { state, emit } from './state.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status; // 0: not reached
    this.problem = problem || {};
  }
}

/** Calls the gateway; a 401 with the session's own token publishes 'unauthorized' (the sign-in module acts). */
export async function api(method, path, body, token = state.session?.token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  } catch (e) {
    markUnreachable();
    throw new ApiError(0, { detail: String(e), code: 'UNREACHABLE' });
  }
  if (res.status === 503 || res.status === 502) markUnreachable(); else markReachable();
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (res.status === 401 && path.startsWith('/api/') && token && token === state.session?.token) emit('unauthorized');
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export function markUnreachable() {
  if (!state.unreachableSince) state.unreachableSince = new Date().toISOString();
  emit('tick');
}

export function markReachable() {
  state.unreachableSince = null;
  state.lastOkAt = new Date().toISOString();
}
