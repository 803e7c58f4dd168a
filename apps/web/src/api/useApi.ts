import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/**
 * Loads one API resource for a page, cancelling when the page changes. `path` null means "not yet".
 * `reload()` starts again from "loading"; `refresh()` fetches again while the page keeps showing what
 * it has (so a form that has just saved keeps its confirmation on screen).
 */
export function useApi<T>(path: string | null): Loadable<T> & { reload(): void; refresh(): void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    if (!attempt.quiet || shown.current !== path) setState({ status: 'loading' });
    shown.current = path;
    api<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'Something went wrong', String(error)),
        });
      });
    return () => controller.abort();
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: false })), []);
  const refresh = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: true })), []);
  return { ...state, reload, refresh };
}
