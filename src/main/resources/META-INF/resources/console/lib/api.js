// The console's only way to the service: calls with the session's key, errors as ApiError, the signed-in key's
// identity, and the service's vocabularies (reason codes, attributes, event types, actions) read from the API, so
// the console never keeps copies of them.

import { toast } from './dom.js';

const KEY_STORE = 'commentguard.apiKey';

/** Who is signed in: GET /api/v1/me of the session's key, or null. */
export const session = { me: null };

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORE);
}

export function keepKey(key, me) {
  sessionStorage.setItem(KEY_STORE, key);
  session.me = me;
}

/** Drops the key and everything read with it. */
export function forgetKey() {
  sessionStorage.removeItem(KEY_STORE);
  session.me = null;
  vocabularyRequest = null;
}

let unauthorized = () => {};
/** What to do when the session's key stops working (the main module signs out). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** Calls the API with the session's key in the X-Api-Key header (never in the URL). */
export async function api(method, path, body, key = apiKey()) {
  const headers = { 'Accept': 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit', cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    if (response.status === 401 && key === apiKey()) unauthorized('Your key is no longer valid; sign in again.');
    throw new ApiError(response.status, json);
  }
  return json;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function errorText(e) {
  return e instanceof ApiError ? `${e.message}${e.code ? ` (${e.code})` : ''}` : String(e.message || e);
}

/** Runs an API call for a button: a failure becomes a toast and the answer null. */
export async function act(fn) {
  try {
    return await fn();
  } catch (e) {
    toast(errorText(e));
    return null;
  }
}

let vocabularyRequest = null;
/**
 * GET /api/v1/vocabulary, read once per sign-in: attributes, thresholdAttributes, reasonCodes, approvalReasonCodes,
 * escalationReasonCode, decisionActions, sanctionActions, eventTypes, keyRoles, moderationModes, policyActions,
 * failureActions, queueStatuses and queueSorts, each in the service's order.
 */
export function vocabulary() {
  vocabularyRequest ||= api('GET', '/api/v1/vocabulary').catch((e) => {
    vocabularyRequest = null; // try again on the next page
    throw e;
  });
  return vocabularyRequest;
}
