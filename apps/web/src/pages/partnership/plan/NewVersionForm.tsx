import { useRef, useState, type FormEvent } from 'react';
import type { Item, PlanData } from '@footprint/partnership';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';

/**
 * Starts a new version of the plan from this one (the server copies the whole tree and marks this
 * version superseded), then shows the new version. Sends the version it was opened at.
 */
export function NewVersionForm({ plan, onStarted }: { plan: Item<PlanData>; onStarted(planId: string): void }) {
  const [version, setVersion] = useState('');
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = version.trim() ? [] : [{ field: 'new-version', message: 'Enter what the new version is called, for example 2025 refresh' }];
    setErrors(found);
    setProblem(null);
    if (found.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const created = await api<Item<PlanData>>(`/partnership/plans/${encodeURIComponent(plan.id)}/versions`, { method: 'POST', body: { version: version.trim(), ifVersion: plan.version } });
      onStarted(created.id);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'The new version was not started');
      setProblem(e.detail ? `${e.title}: ${e.detail}` : e.title);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }
  const error = errors[0]?.message;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Start a new version of the plan</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate data-testid="new-version-form">
          <ErrorSummary id="new-version-error" errors={errors} problem={problem} ref={summary} />
          <p>The new version starts as a copy of this one (its ambitions, priorities, programmes, milestones and risks); this version is then marked superseded and kept as it is.</p>
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor="new-version">
              Name of the new version
            </label>
            {error && (
              <span className="nhsuk-error-message" id="new-version-message">
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            )}
            <input className={`nhsuk-input nhsuk-input--width-20${error ? ' nhsuk-input--error' : ''}`} id="new-version" value={version} maxLength={100} onChange={(e) => setVersion(e.target.value)} {...(error ? { 'aria-describedby': 'new-version-message' } : {})} />
          </div>
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Start the new version
          </button>
        </form>
      </div>
    </details>
  );
}
