import { useRef, useState, type FormEvent } from 'react';
import type { RiskView } from '@footprint/partnership';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';

const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'];

function ScoreSelect({ id, label, value, names, onChange }: { id: string; label: string; value: number; names: string[]; onChange(value: number): void }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {names.map((name, i) => (
          <option key={name} value={i + 1}>
            {i + 1} {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Rescores a risk (likelihood and impact, 1–5 each) or closes it, sending the version it was opened at (a stale change is refused and shown). */
export function RiskForm({ planId, risk, onSaved, onCancel }: { planId: string; risk: RiskView; onSaved(): void; onCancel(): void }) {
  const [likelihood, setLikelihood] = useState(risk.data.likelihood);
  const [impact, setImpact] = useState(risk.data.impact);
  const [open, setOpen] = useState(risk.data.status !== 'closed');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const prefix = `risk-${risk.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      await api(`/partnership/plans/${encodeURIComponent(planId)}/risks/${encodeURIComponent(risk.id)}`, {
        method: 'PUT',
        body: { ifVersion: risk.version, data: { ...risk.data, likelihood, impact, status: open ? 'open' : 'closed' } },
      });
      onSaved();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'The risk was not saved');
      setProblem(e.detail ? `${e.title}: ${e.detail}` : e.title);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate data-testid="risk-form" className="footprint-plan-form" aria-label={`Change ${risk.data.title}`}>
      <h3 className="nhsuk-heading-s">Change “{risk.data.title}”</h3>
      <ErrorSummary id={`${prefix}-error`} errors={[]} problem={problem} ref={summary} />
      <ScoreSelect id={`${prefix}-likelihood`} label="Likelihood" value={likelihood} names={LIKELIHOOD} onChange={setLikelihood} />
      <ScoreSelect id={`${prefix}-impact`} label="Impact" value={impact} names={IMPACT} onChange={setImpact} />
      <p>
        Score: <strong data-testid="risk-form-score">{likelihood * impact}</strong> (likelihood × impact)
      </p>
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id={`${prefix}-closed`} type="checkbox" checked={!open} onChange={(e) => setOpen(!e.target.checked)} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${prefix}-closed`}>
              The risk is closed
            </label>
          </div>
        </div>
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save risk
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
