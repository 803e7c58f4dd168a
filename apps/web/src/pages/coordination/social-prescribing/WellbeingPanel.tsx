import { useState } from 'react';
import type { WellbeingView } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { formatDate } from '../../../components/format';
import { ProblemMessage } from '../../../components/Status';

type Timepoint = 'before' | 'after';

function AskForm({ view, timepoint, taskId, onSaved }: { view: WellbeingView; timepoint: Timepoint; taskId: string; onSaved(v: WellbeingView): void }) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { submit, busy, problem } = useSubmit(async () => {
    const numbers = Object.fromEntries(view.scale.items.filter((i) => answers[i.linkId] !== undefined).map((i) => [i.linkId, Number(answers[i.linkId])]));
    onSaved(await api<WellbeingView>(`/coordination/social-prescribing/referrals/${encodeURIComponent(taskId)}/wellbeing`, { method: 'POST', body: { timepoint, answers: numbers } }));
  }, 'The answers were not saved');
  return (
    <form onSubmit={submit} noValidate data-testid={`wellbeing-${timepoint}`}>
      <h3>{timepoint === 'before' ? 'Ask before the referral' : 'Ask again, after'}</h3>
      {problem && <ProblemMessage error={problem} />}
      {view.scale.items.map((item) => (
        <div className="nhsuk-form-group" key={item.linkId}>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{item.text}</legend>
            <div className="nhsuk-hint">
              {item.min} is “{item.minLabel}”, {item.max} is “{item.maxLabel}”
            </div>
            <div className="nhsuk-radios nhsuk-radios--inline">
              {Array.from({ length: item.max - item.min + 1 }, (_, k) => String(item.min + k)).map((v) => (
                <div className="nhsuk-radios__item" key={v}>
                  <input className="nhsuk-radios__input" id={`${timepoint}-${item.linkId}-${v}`} name={`${timepoint}-${item.linkId}`} type="radio" value={v} checked={answers[item.linkId] === v} onChange={() => setAnswers((a) => ({ ...a, [item.linkId]: v }))} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${timepoint}-${item.linkId}-${v}`}>
                    <span className="nhsuk-u-visually-hidden">{item.linkId} </span>
                    {v}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      ))}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        Save the answers
      </button>
    </form>
  );
}

/**
 * The person's wellbeing before and after a social prescription, on the referral's page for the
 * organisation that made it: the scale's questions, the answers with their published bands, and
 * the change. Other organisations are not shown it (the API refuses them).
 */
export function WellbeingPanel({ taskId }: { taskId: string }) {
  const loaded = useApi<WellbeingView>(`/coordination/social-prescribing/referrals/${encodeURIComponent(taskId)}/wellbeing`);
  const [saved, setSaved] = useState<WellbeingView | null>(null);
  if (loaded.status !== 'ready') return null;
  const view = saved ?? loaded.data;
  const cell = (t: Timepoint, linkId: string) => {
    const a = view[t]?.answers[linkId];
    return a ? `${a.value} (${a.band})` : '—';
  };
  return (
    <section data-testid="wellbeing">
      <h2>Wellbeing, before and after</h2>
      <p className="nhsuk-body-s">
        {view.scale.name}. {view.scale.source} {view.scale.licence}
      </p>
      {(view.before || view.after) && (
        <table className="nhsuk-table" data-testid="wellbeing-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The person’s answers before and after</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Question</th>
              <th scope="col" className="nhsuk-table__header">Before{view.before && `, ${formatDate(view.before.authored)}`}</th>
              <th scope="col" className="nhsuk-table__header">After{view.after && `, ${formatDate(view.after.authored)}`}</th>
              <th scope="col" className="nhsuk-table__header">Change</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {view.scale.items.map((i) => {
              const c = view.change?.[i.linkId];
              return (
                <tr className="nhsuk-table__row" key={i.linkId}>
                  <td className="nhsuk-table__cell">{i.text}</td>
                  <td className="nhsuk-table__cell">{cell('before', i.linkId)}</td>
                  <td className="nhsuk-table__cell">{cell('after', i.linkId)}</td>
                  <td className="nhsuk-table__cell">{c ? `${c.by > 0 ? '+' : ''}${c.by}${c.better === null ? '' : c.better ? ' (better)' : ' (worse)'}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!view.before && <AskForm view={view} timepoint="before" taskId={taskId} onSaved={setSaved} />}
      {view.before && !view.after && <AskForm view={view} timepoint="after" taskId={taskId} onSaved={setSaved} />}
    </section>
  );
}
