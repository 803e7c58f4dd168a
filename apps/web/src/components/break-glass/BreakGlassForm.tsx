import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api/client';
import type { BreakGlassAnswer, BreakGlassReasons } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ProblemMessage } from '../Status';
import { ErrorSummary } from '../ErrorSummary';

/**
 * Break-glass: a clinician refused a record says why they need it now (a reason from the
 * published code system and an explanation in their own words) and gets time-limited access.
 * `path` is the API to post to; `extra` adds fields (the NHS number, from the search).
 */
export function BreakGlassForm({ path, extra, onGranted }: { path: string; extra?: Record<string, string>; onGranted(answer: BreakGlassAnswer): void }) {
  const reasons = useApi<BreakGlassReasons>('/care-record/break-glass-reasons');
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...(reason ? [] : [{ field: 'break-glass-reason', message: 'Choose why you need this record' }]),
      ...(explanation.trim() ? [] : [{ field: 'break-glass-explanation', message: 'Explain why you need this record now' }]),
    ];
    setErrors(found);
    setProblem(null);
    if (found.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      onGranted(await api<BreakGlassAnswer>(path, { method: 'POST', body: { ...extra, reason, explanation: explanation.trim() } }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Break-glass failed'));
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate data-testid="break-glass-form">
      <ErrorSummary id="break-glass-error" errors={errors} ref={summary} />
      {problem && <ProblemMessage error={problem} />}
      <div className={`nhsuk-form-group${errorFor('break-glass-reason') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="break-glass-reason">
          Why do you need this record?
        </label>
        {errorFor('break-glass-reason') && (
          <span className="nhsuk-error-message" id="break-glass-reason-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('break-glass-reason')}
          </span>
        )}
        <select
          className="nhsuk-select"
          id="break-glass-reason"
          name="break-glass-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={errorFor('break-glass-reason') ? 'break-glass-reason-error' : undefined}
        >
          <option value="">Choose a reason</option>
          {reasons.status === 'ready' &&
            reasons.data.reasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
        </select>
      </div>
      <div className={`nhsuk-form-group${errorFor('break-glass-explanation') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="break-glass-explanation">
          Explain why you need it now
        </label>
        <div className="nhsuk-hint" id="break-glass-explanation-hint">
          Your privacy officer will read this. Do not include details of the person’s care.
        </div>
        {errorFor('break-glass-explanation') && (
          <span className="nhsuk-error-message" id="break-glass-explanation-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('break-glass-explanation')}
          </span>
        )}
        <textarea
          className={`nhsuk-textarea${errorFor('break-glass-explanation') ? ' nhsuk-textarea--error' : ''}`}
          id="break-glass-explanation"
          name="break-glass-explanation"
          rows={3}
          maxLength={2000}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          aria-describedby={['break-glass-explanation-hint', errorFor('break-glass-explanation') && 'break-glass-explanation-error'].filter(Boolean).join(' ')}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={busy}>
        Break glass and open the record
      </button>
    </form>
  );
}

/** Why the record is refused, and the way in for clinicians. */
export function RefusedRecord({ detail, canBreakGlass, form }: { detail?: string; canBreakGlass: boolean; form: ReactNode }) {
  return (
    <div data-testid="no-relationship">
      <h1>You cannot see this record</h1>
      <p className="nhsuk-lede-text">{detail ?? 'Your organisation has no care relationship with this person.'}</p>
      {canBreakGlass && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Break glass
            </span>
          </h2>
          <p>Break glass only when you need this person’s record to care for them now. Access lasts a few hours, every look is recorded with your name, and your privacy officer reviews why you did it.</p>
          {form}
        </div>
      )}
    </div>
  );
}

/** "Emergency access until HH:MM" over a record opened by breaking glass. */
export function EmergencyAccessBanner({ expires, overridesDissent }: { expires: string; overridesDissent: boolean }) {
  const until = new Date(expires).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="nhsuk-warning-callout" data-testid="emergency-access" role="status">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Emergency access until {until}
        </span>
      </h2>
      <p>
        You broke glass to see this record. Every look is recorded and your privacy officer will review it.
        {overridesDissent && ' This person chose not to share their record with your organisation: you are overriding their choice.'}
      </p>
    </div>
  );
}
