import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import type { Loadable } from '../../api/useApi';
import { patientApi } from './patient-api';

/** Loads one /api/patient resource for a citizen page, cancelling when the page changes. */
export function usePatientApi<T>(path: string): Loadable<T> & { reload(): void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    patientApi<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'Something went wrong', String(error)) });
      });
    return () => controller.abort();
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
