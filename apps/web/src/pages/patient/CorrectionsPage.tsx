import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CorrectionRequestView, MyRecord } from '../../api/types';
import { formatDate } from '../../components/format';
import { Load, ProblemMessage } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmit } from '../../api/useSubmit';
import { patientApi } from './patient-api';
import { usePatientApi } from './usePatientApi';

export const CORRECTION_STATUS_LABELS: Record<CorrectionRequestView['status'], string> = {
  requested: 'Waiting for an answer',
  'in-progress': 'Being looked at',
  completed: 'Corrected',
  rejected: 'Not changed',
  cancelled: 'Cancelled',
};

/** The entries of the person's record they can ask about, as `Type/id` with what the page calls them. */
function choicesOf(record: MyRecord): Array<{ value: string; label: string }> {
  return [
    ...record.problems.map((p) => ({ value: `Condition/${p.id}`, label: `Problem: ${p.display} (${formatDate(p.recorded ?? p.onset)})` })),
    ...record.allergies.map((a) => ({ value: `AllergyIntolerance/${a.id}`, label: `Allergy: ${a.display}` })),
    ...record.results.map((r) => ({ value: `Observation/${r.id}`, label: `Result: ${r.display} ${r.value} (${formatDate(r.date)})` })),
    ...record.encounters.map((e) => ({ value: `Encounter/${e.id}`, label: `Visit: ${e.description} (${formatDate(e.start)})` })),
  ];
}

function AskForm({ record, onAsked }: { record: MyRecord; onAsked(request: CorrectionRequestView): void }) {
  const [params] = useSearchParams();
  const choices = choicesOf(record);
  const [entry, setEntry] = useState(params.get('entry') ?? '');
  const [description, setDescription] = useState('');
  const { submit, busy, problem } = useSubmit(async () => {
    onAsked(await patientApi<CorrectionRequestView>('/corrections', { method: 'POST', body: { entry, description } }));
    setDescription('');
  }, 'Your request was not sent');
  return (
    <form onSubmit={submit} noValidate data-testid="ask-correction">
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="correction-entry">
          The entry that is wrong
        </label>
        <select className="nhsuk-select" id="correction-entry" value={entry} onChange={(e) => setEntry(e.target.value)}>
          <option value="">Choose an entry</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="correction-description">
          What is wrong, and what should it say?
        </label>
        <div className="nhsuk-hint" id="correction-description-hint">
          Your request goes to the organisation that recorded the entry. They will answer here.
        </div>
        <textarea className="nhsuk-textarea" id="correction-description" rows={4} aria-describedby="correction-description-hint" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Ask to correct this
      </button>
    </form>
  );
}

/** The person's correction requests: ask an organisation to correct an entry, and see each answer. */
export function CorrectionsPage() {
  usePageTitle('Corrections you asked for');
  const record = usePatientApi<MyRecord>('/record');
  const requests = usePatientApi<{ requests: CorrectionRequestView[] }>('/corrections');
  return (
    <>
      <h1>Ask to correct your record</h1>
      <p className="nhsuk-lede-text">If something in your record is wrong, ask the organisation that recorded it to correct it.</p>
      <Load state={record} what="your record">
        {(data) => <AskForm record={data} onAsked={() => requests.reload()} />}
      </Load>
      <h2>Your requests</h2>
      <Load state={requests} what="your requests">
        {(data) =>
          data.requests.length === 0 ? (
            <p>You have not asked for any corrections.</p>
          ) : (
            <ul className="nhsuk-list" data-testid="my-corrections">
              {data.requests.map((r) => (
                <li key={r.id} className="nhsuk-card" data-testid="correction">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading nhsuk-heading-s">
                      {r.entry.kind ?? 'Entry'}: {r.entry.display ?? 'no longer in your record'}
                    </h3>
                    <p className="nhsuk-body-s">
                      Asked {formatDate(r.asked)} of {r.organisation.name}. Status: <strong data-testid="correction-status">{CORRECTION_STATUS_LABELS[r.status]}</strong>
                    </p>
                    <p>You said: {r.description}</p>
                    {r.answer && (
                      <div className="nhsuk-inset-text" data-testid="correction-answer">
                        <span className="nhsuk-u-visually-hidden">Answer: </span>
                        <p>{r.answer.text}</p>
                        {r.answer.by && <p className="nhsuk-body-s">{r.answer.by}</p>}
                      </div>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}
