import { ApiError } from '../../api/client';

/**
 * The citizen pages' way to talk to the server: JSON over /api/patient with the citizen's own
 * session cookie, and that session's CSRF token on every state-changing request. Kept apart
 * from the staff client so the two sessions never share a token.
 */
let csrfToken: string | undefined;

export function setPatientCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function patientApi<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/patient${path}`, {
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
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const problem = (body ?? {}) as { title?: string; detail?: string };
    throw new ApiError(response.status, problem.title ?? `The server answered ${response.status}`, problem.detail);
  }
  return body as T;
}
