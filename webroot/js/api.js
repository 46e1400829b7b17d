// The REST calls the page makes. Errors carry the server's {"error","detail"} body so the page can say what went
// wrong instead of "failed to fetch".

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(`${status} ${code}: ${detail}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

const READ_TOKEN_KEY = 'tickwire.read-token';

/**
 * The node's read token (web.read_token), when the page was opened as /#read_token=...: a fragment never reaches the
 * server or its logs. Kept in this tab only, and taken off the address bar so it is not shown or bookmarked.
 */
export function readToken() {
  const given = new URLSearchParams(location.hash.slice(1)).get('read_token');
  if (given) {
    sessionStorage.setItem(READ_TOKEN_KEY, given);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(READ_TOKEN_KEY);
}

async function call(method, path, {body, token} = {}) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const bearer = token ?? (method === 'GET' ? readToken() : null);
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, 'unreachable', `${method} ${path}: ${e.message}`);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, 'bad_response', `${method} ${path} answered non-JSON`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? 'http_error', json?.detail ?? response.statusText);
  }
  return json;
}

const query = (params) => new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();

export const api = {
  catalog: () => call('GET', '/api/catalog'),
  /** Newest first, as the server answers. */
  bars: (symbol, interval, limit) => call('GET', `/api/bars?${query({symbol, interval, limit})}`),
  /** An information-bar series (volume:5), newest first. */
  seriesBars: (symbol, series, limit) => call('GET', `/api/bars?${query({symbol, series, limit})}`),
  signals: (limit) => call('GET', `/api/signals?${query({limit})}`),
  /** An asset's consolidated mids, newest first. */
  mids: (asset, limit) => call('GET', `/api/mid?${query({asset, limit})}`),
  /** An underlying's smiles at its newest snapshot, one per (venue, expiry). */
  surfaces: (underlying) => call('GET', `/api/iv_surface?${query({underlying})}`),
  /** The completeness ledger of a symbol's channel: covered spans and holes per venue. */
  coverage: (symbol, channel) => call('GET', `/api/coverage?${query({symbol, channel})}`),
  incidents: (limit) => call('GET', `/api/incidents?${query({limit})}`),
  incident: (id) => call('GET', `/api/incidents/${encodeURIComponent(id)}`),
  rules: () => call('GET', '/api/rules'),
  createRule: (rule, token) => call('POST', '/api/rules', {body: rule, token}),
  replaceRule: (rule, token) => call('PUT', `/api/rules/${encodeURIComponent(rule.name)}`, {body: rule, token}),
};
