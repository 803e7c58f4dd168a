import { useState, type FormEvent } from 'react';
import { ApiError } from './client';

/**
 * One form's send: `submit` runs `action` once at a time, keeps `busy` while it runs (for the
 * button), and turns a failure into the problem the form shows, or `failure` when the server gave
 * none. What happens after success (go to a page, reload) is the action's own.
 */
export function useSubmit(action: () => Promise<void>, failure: string) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, failure));
    } finally {
      setBusy(false);
    }
  }
  return { submit, busy, problem };
}
