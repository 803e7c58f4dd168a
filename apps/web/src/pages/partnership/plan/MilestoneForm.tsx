import { useRef, useState, type FormEvent } from 'react';
import type { MilestoneStatus, MilestoneView } from '@footprint/partnership';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { MILESTONE_STATUS_LABELS } from './PlanTags';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Changes a milestone's status and due date. Sends the version it was opened at (ifVersion), so a
 * change someone else made meanwhile is refused (409) and shown, never overwritten.
 */
export function MilestoneForm({ planId, milestone, onSaved, onCancel }: { planId: string; milestone: MilestoneView; onSaved(): void; onCancel(): void }) {
  const [status, setStatus] = useState<MilestoneStatus>(milestone.data.status);
  const [due, setDue] = useState(milestone.data.due);
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const prefix = `milestone-${milestone.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = DATE.test(due) ? [] : [{ field: `${prefix}-due`, message: 'Enter the due date' }];
    setErrors(found);
    setProblem(null);
    if (found.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const { completed: _completed, ...rest } = milestone.data;
    const completed = status === 'complete' ? (milestone.data.completed ?? new Date().toISOString().slice(0, 10)) : undefined;
    setBusy(true);
    try {
      await api(`/partnership/plans/${encodeURIComponent(planId)}/milestones/${encodeURIComponent(milestone.id)}`, {
        method: 'PUT',
        body: { ifVersion: milestone.version, data: { ...rest, status, due, ...(completed ? { completed } : {}) } },
      });
      onSaved();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'The milestone was not saved');
      setProblem(e.detail ? `${e.title}: ${e.detail}` : e.title);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }
  const dueError = errors.find((e) => e.field === `${prefix}-due`)?.message;
  return (
    <form onSubmit={submit} noValidate data-testid="milestone-form" className="footprint-plan-form" aria-label={`Change ${milestone.data.name}`}>
      <h3 className="nhsuk-heading-s">Change “{milestone.data.name}”</h3>
      <ErrorSummary id={`${prefix}-error`} errors={errors} problem={problem} ref={summary} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${prefix}-status`}>
          Status
        </label>
        <select className="nhsuk-select" id={`${prefix}-status`} value={status} onChange={(e) => setStatus(e.target.value as MilestoneStatus)}>
          {(Object.keys(MILESTONE_STATUS_LABELS) as MilestoneStatus[]).map((s) => (
            <option key={s} value={s}>
              {MILESTONE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={`nhsuk-form-group${dueError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${prefix}-due`}>
          Due date
        </label>
        {dueError && (
          <span className="nhsuk-error-message" id={`${prefix}-due-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {dueError}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-10${dueError ? ' nhsuk-input--error' : ''}`}
          id={`${prefix}-due`}
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          {...(dueError ? { 'aria-describedby': `${prefix}-due-error` } : {})}
        />
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save milestone
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
