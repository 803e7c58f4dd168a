/**
 * The web app's only way to talk to the server: JSON over /api with the session cookie, and the
 * session's CSRF token on every state-changing request. Errors arrive as problem details and are
 * raised as ApiError so pages can show what went wrong.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}. ${detail}` : title);
  }
}

let csrfToken: string | undefined;

/** Called when a session starts or is resumed, and cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const listeners = new Set<() => void>();

/** Notified when the server says the session has ended (401), so the app can send the user to sign in. */
export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'Footprint could not be reached', 'Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body ?? {}) as { title?: string; detail?: string };
    if (response.status === 401 && path !== '/session') for (const listener of listeners) listener();
    throw new ApiError(response.status, problem.title ?? `The server answered ${response.status}`, problem.detail);
  }
  return body as T;
}
