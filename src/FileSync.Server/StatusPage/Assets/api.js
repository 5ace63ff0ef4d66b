// The page's calls to the node's HTTP API. Every call answers { ok, status, data, message } and never throws, so a
// missing route or a stopped node shows as a sentence on the page instead of breaking it.

const KEY_STORAGE = 'filesync.apiKey';
const ROUTE_NOT_FOUND = 'urn:filesync:route-not-found';
const STORAGE_ROUTE_NOT_FOUND = 'route_not_found';

/** The API key the user gave in this tab (kept for the tab's session only). */
export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE) || '',
  set: (value) => sessionStorage.setItem(KEY_STORAGE, value),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

let authNeeded = () => {};

/** Called with (rejected: boolean) when the node answers 401 (no key) or 403 (wrong key). */
export function onAuthNeeded(callback) {
  authNeeded = callback;
}

export async function call(method, path) {
  const headers = { Accept: 'application/json' };
  const key = apiKey.get();
  if (key) headers.Authorization = `ApiKey ${key}`;
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store' });
  } catch (error) {
    return { ok: false, status: 0, data: null, message: `The node did not answer (${error.message}).` };
  }
  const data = await readJson(response);
  if (response.status === 401 || response.status === 403) authNeeded(response.status === 403);
  return { ok: response.ok, status: response.status, data, message: response.ok ? '' : describeError(response, data) };
}

/** True when the node has no such route at all (a feature this node does not have yet). Under /storage the
 *  node says so in the PLM envelope (error_code), elsewhere in a problem document (type). */
export function isMissingRoute(answer) {
  return answer.status === 404
    && (answer.data?.type === ROUTE_NOT_FOUND || answer.data?.error_code === STORAGE_ROUTE_NOT_FOUND);
}

/** A route path segment per file name segment: the name's leading '/' is optional for the node. */
export function encodeFileName(name) {
  return name.split('/').filter((s) => s.length > 0).map(encodeURIComponent).join('/');
}

async function readJson(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

function describeError(response, data) {
  // RavenFS-style routes answer problem details; the PLM-style /storage routes answer error_message.
  const sentence = data?.detail || data?.error_message || data?.title;
  return sentence ? `${sentence} (HTTP ${response.status})` : `HTTP ${response.status} ${response.statusText}`;
}
