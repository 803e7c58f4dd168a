import { useState } from 'react';
import type { Outcome, OutcomeInput, PlanItemKind } from '@footprint/engage';
import { api, ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';

interface PlanItemChoice {
  kind: PlanItemKind;
  id: string;
  title: string;
}

const KIND_WORDS: Record<PlanItemKind, string> = { priority: 'Priorities', ambition: 'Ambitions', programme: 'Programmes', decision: 'Decisions' };
const empty = (): OutcomeInput => ({ weAsked: '', youSaid: '', weDid: '', planItems: [] });

function Area({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(v: string): void }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <textarea className="nhsuk-textarea" id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** "We asked, you said, we did": edit the consultation's outcomes and the plan items each changed, saved all together. */
export function OutcomesEditor({ consultationId, outcomes, onSaved }: { consultationId: string; outcomes: Outcome[]; onSaved(): void }) {
  const [rows, setRows] = useState<OutcomeInput[]>(outcomes.length ? outcomes.map((o) => ({ weAsked: o.weAsked, youSaid: o.youSaid, weDid: o.weDid, planItems: o.planItems })) : [empty()]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const choices = useApi<{ items: PlanItemChoice[] }>('/engage/plan-items');
  const items = choices.status === 'ready' ? choices.data.items : [];
  const change = (i: number, patch: Partial<OutcomeInput>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    try {
      await api(`/engage/consultations/${encodeURIComponent(consultationId)}/outcomes`, { method: 'PUT', body: rows });
      setMessage({ ok: true, text: 'Saved. They show on the results page and the plan’s pages.' });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  }

  return (
    <div data-testid="outcomes-editor">
      {rows.map((row, i) => (
        <fieldset key={i} className="nhsuk-fieldset nhsuk-card nhsuk-u-padding-3">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Outcome {i + 1}</legend>
          <Area id={`outcome-${i}-asked`} label="We asked" value={row.weAsked} onChange={(v) => change(i, { weAsked: v })} />
          <Area id={`outcome-${i}-said`} label="You said" value={row.youSaid} onChange={(v) => change(i, { youSaid: v })} />
          <Area id={`outcome-${i}-did`} label="We did" value={row.weDid} onChange={(v) => change(i, { weDid: v })} />
          <div className="nhsuk-form-group">
            <label className="nhsuk-label nhsuk-label--s" htmlFor={`outcome-${i}-items`}>
              What it changed in the plan
            </label>
            <div className="nhsuk-hint" id={`outcome-${i}-items-hint`}>
              Choose one or more (hold Ctrl or Cmd to choose several)
            </div>
            <select
              className="nhsuk-select fp-outcome-items"
              id={`outcome-${i}-items`}
              aria-describedby={`outcome-${i}-items-hint`}
              multiple
              size={8}
              value={row.planItems.map((p) => `${p.kind}/${p.id}`)}
              onChange={(e) => change(i, { planItems: [...e.target.selectedOptions].map((o) => ({ kind: o.value.split('/')[0] as PlanItemKind, id: o.value.slice(o.value.indexOf('/') + 1) })) })}
            >
              {(Object.keys(KIND_WORDS) as PlanItemKind[]).map((kind) => (
                <optgroup key={kind} label={KIND_WORDS[kind]}>
                  {items
                    .filter((c) => c.kind === kind)
                    .map((c) => (
                      <option key={c.id} value={`${c.kind}/${c.id}`}>
                        {c.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove outcome {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setRows([...rows, empty()])}>
          Add an outcome
        </button>
        <button type="button" className="nhsuk-button" onClick={() => void save()}>
          Save outcomes
        </button>
      </div>
      {message && (
        <p role="status" className={message.ok ? 'nhsuk-body' : 'nhsuk-error-message'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
