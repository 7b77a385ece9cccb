/**
 * The dashboard's only way to the server: JSON over `/api/v1`, signed in by the session cookie the
 * server set at login (HttpOnly, so the page never sees it). Every failure is an `ApiError` carrying
 * the server's `{code, message, details}`.
 */

/** Where the API lives, as the server mounts it. */
export const apiBase = '/api/v1';

/** Query values; `undefined` leaves the parameter out. */
export type Query = Record<string, string | number | boolean | undefined>;

/**
 * A refused or failed request, as the API's error body says it: a stable `code`, a `message` naming the
 * field and the problem, and `details` (`problems` [{path, problem}] for invalid input, `reasons` for
 * refusals). Status 0 means the server could not be reached.
 *
 * @example
 * try { await apiPost('/shipments', body); }
 * catch (e) { if (e instanceof ApiError && e.status === 422) showReasons(e.details); }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/**
 * Called whenever the server answers 401 (session ended or expired), so the session can show the login.
 * Returns the function that stops listening.
 */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** `/lots` + `{status: 'released', limit: 50}` → `/api/v1/lots?status=released&limit=50`. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${apiBase}${path.startsWith('/') ? path : `/${path}`}${search === '' ? '' : `?${search}`}`;
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (cause) {
    throw new ApiError(0, 'network.unreachable', `the server could not be reached (${String(cause)})`);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401) for (const listener of signedOutListeners) listener();
    const error = parsed as { code?: unknown; message?: unknown; details?: unknown } | undefined;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http.${response.status}`,
      typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
      typeof error?.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : {},
    );
  }
  return parsed as T;
}

/**
 * GET a JSON answer from the API.
 *
 * @example
 * const page = await apiGet<{ items: KpiRow[] }>('/kpi', { by: 'day', from: '2026-01-05' });
 */
export function apiGet<T>(path: string, query?: Query): Promise<T> {
  return call<T>('GET', apiUrl(path, query));
}

/**
 * POST a JSON body (or none) to the API.
 *
 * @example
 * const order = await apiPost<Order>('/orders', { productId: 'P-556', quantity: 100000, dueDate });
 */
export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return call<T>('POST', apiUrl(path), body);
}
