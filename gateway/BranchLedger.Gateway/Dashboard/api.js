// Every call to the gateway goes through api(): the one place that builds credentials and headers.
const TOKEN_KEY = 'branchledger.token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token.trim()),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refused call: the HTTP status, the gRPC status code and the gateway's message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function request(path, { tenant, method = 'GET', body, query } = {}) {
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  // A supervisor reaches every tenant: tenant-scoped reads name the tenant of the branch they concern.
  if (tenant) headers['x-branchledger-tenant'] = tenant;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function failure(response) {
  let detail = {};
  try {
    detail = await response.json();
  } catch {
    // Not a JSON error body (e.g. a bare 401 from authentication).
  }
  // JSON routes answer a google.rpc.Status ({ code, message }); downloads a problem document ({ code, detail }).
  return new ApiError(response.status, detail.code, detail.message || detail.detail || response.statusText);
}

/** A JSON route of the gateway (see the google.api.http annotations of the protos). */
export async function api(path, options) {
  const response = await request(path, options);
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** The file name of a Content-Disposition header: filename* (UTF-8) first, then filename. */
function fileNameOf(disposition) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) return decodeURIComponent(utf8.trim());
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? 'export';
}

/**
 * A download route (/v1/downloads/…): fetched with the credential like any call, then saved under the
 * name the gateway gives it. Returns that name.
 */
export async function download(path, options) {
  const response = await request(path, options);
  if (!response.ok) throw await failure(response);
  const name = fileNameOf(response.headers.get('Content-Disposition'));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  // Revoked later: revoking at once can cancel a download the browser has not started yet.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}
