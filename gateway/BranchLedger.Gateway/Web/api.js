// Every call to the gateway goes through api(): the one place that sends the session and reads refusals.
// The session is an HttpOnly cookie the page never sees; writes carry the session's anti-forgery value.
let csrf = '';

export const session = {
  /** { signedIn, subject } or { signedIn: false, devSignIn, oidc }: read once per page load and after sign-in. */
  async load() {
    const response = await fetch('/app/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const state = await response.json();
    csrf = state.csrf ?? '';
    return state;
  },
  async signInDev(form) {
    const response = await fetch('/app/sign-in/dev', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'x-branchledger-csrf': '1' }, body: JSON.stringify(form),
    });
    if (!response.ok) throw await failure(response);
  },
  async signOut() {
    await fetch('/app/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'x-branchledger-csrf': csrf } });
    csrf = '';
  },
};

/** A refused call: the HTTP status, the gRPC status code, the message and the field violations ({ field, message }). */
export class ApiError extends Error {
  constructor(status, code, message, violations = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.violations = violations;
  }
}

function request(path, { tenant, method = 'GET', body, query, accept = 'application/json', signal } = {}) {
  const headers = { Accept: accept };
  // A credential reaching several tenants (a supervisor) names the tenant a tenant-scoped read concerns.
  if (tenant) headers['x-branchledger-tenant'] = tenant;
  if (method !== 'GET') headers['x-branchledger-csrf'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return fetch(url, { method, headers, credentials: 'same-origin', signal, body: body === undefined ? undefined : JSON.stringify(body) });
}

// google.rpc.BadRequest travels in details as { '@type': '…BadRequest', fieldViolations: [{ field, description, localizedMessage }] }.
function violationsOf(detail) {
  return (detail.details ?? []).flatMap((d) => d.fieldViolations ?? []).map((v) => ({
    field: v.field,
    message: v.localizedMessage?.message || v.description,
  })).concat((detail.violations ?? []).map((v) => ({ field: v.field, message: v.description })));
}

// What a refusal means, for people: the gateway's own message when it is Chinese, else by its gRPC code.
const BY_CODE = {
  3: '填写有误，请按提示修改。',
  5: '找不到要查看或操作的内容。',
  6: '这项内容已经存在。',
  7: '您没有这项操作的权限。',
  8: '操作过于频繁，请稍后再试。',
  9: '当前状态下不能进行这项操作。',
  13: '系统出现问题，请稍后再试。',
  14: '服务暂时不可用，请稍后再试。',
  16: '登录已过期，请重新登录。',
};
const isChinese = (text) => /[\u4e00-\u9fff]/.test(text ?? '');

function peopleMessage(status, code, message) {
  if (isChinese(message)) return message;
  const byStatus = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 412: 9, 413: 3, 415: 3, 429: 8, 503: 14 }[status];
  return BY_CODE[code ?? byStatus] ?? BY_CODE[byStatus] ?? '操作未成功，请稍后再试。';
}

async function failure(response) {
  let detail = {};
  try {
    detail = await response.json();
  } catch {
    // Not a JSON error body (e.g. a bare 401 from authentication).
  }
  // JSON routes answer a google.rpc.Status ({ code, message, details }); downloads a problem document ({ code, detail }).
  return new ApiError(response.status, detail.code, peopleMessage(response.status, detail.code, detail.message || detail.detail), violationsOf(detail));
}

/** A JSON route of the gateway (see the google.api.http annotations of the protos). */
export async function api(path, options) {
  const response = await request(path, options);
  if (response.status === 401) window.dispatchEvent(new Event('branchledger:signed-out'));
  if (!response.ok) throw await failure(response);
  return response.json();
}

// The JSON of each "data:" event in a text/event-stream body, as it arrives.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
      buffer = buffer.slice(end + 2);
      if (data) onEvent(JSON.parse(data));
    }
  }
}

/**
 * A server-sent event route of the gateway (…/events): onEvent gets each event's JSON as the gateway
 * pushes it. Read with fetch (the session cookie, the tenant header), not EventSource. A dropped
 * stream reconnects after 2 s (doubling to 30 s); a refusal (400, 403, 404) stops it, and onError
 * hears of every failure. Returns the function that stops it.
 */
export function subscribe(path, options, onEvent, onError = () => {}) {
  let stopped = false;
  let controller;
  let wait = 2000;
  (async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await request(path, { ...options, accept: 'text/event-stream', signal: controller.signal });
        if (response.status === 401) window.dispatchEvent(new Event('branchledger:signed-out'));
        if (!response.ok) throw await failure(response);
        wait = 2000;
        await readEvents(response.body, onEvent);
      } catch (error) {
        if (stopped) return;
        onError(error);
        if ([400, 401, 403, 404].includes(error.status)) return;
      }
      await new Promise((resolve) => { setTimeout(resolve, wait); });
      wait = Math.min(wait * 2, 30_000);
    }
  })();
  return () => { stopped = true; controller?.abort(); };
}

/** The file name of a Content-Disposition header: filename* (UTF-8) first, then filename. */
function fileNameOf(disposition) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) return decodeURIComponent(utf8.trim());
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? 'export';
}

/**
 * A download route (/v1/downloads/…): fetched with the session like any call, then saved under the
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

/** A fresh client request id: made when a form opens, so every retry of that form records once. */
export const requestId = () => `web-${crypto.randomUUID()}`;

/**
 * An upload route (/v1/uploads/…): the file is the request body, sent with the session (and its
 * anti-forgery value) like any write; answers JSON or throws an ApiError.
 */
export async function upload(path, file, contentType) {
  const response = await fetch(new URL(path, location.origin), {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { Accept: 'application/json', 'Content-Type': contentType, 'x-branchledger-csrf': csrf },
  });
  if (response.status === 401) window.dispatchEvent(new Event('branchledger:signed-out'));
  if (!response.ok) throw await failure(response);
  return response.json();
}
