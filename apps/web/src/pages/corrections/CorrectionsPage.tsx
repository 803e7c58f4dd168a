import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { StaffCorrectionView, StaffCorrectionsAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { formatDate, formatNhsNumber } from '../../components/format';
import { Load, ProblemMessage } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';

const OUTCOMES = [
  { value: 'completed', label: 'Corrected: the entry has been changed' },
  { value: 'rejected', label: 'Not changed: explain why' },
] as const;

function AnswerForm({ request, onAnswered }: { request: StaffCorrectionView; onAnswered(): void }) {
  const [outcome, setOutcome] = useState<'completed' | 'rejected' | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api(`/corrections/${encodeURIComponent(request.id)}/answer`, { method: 'POST', body: { outcome, note } });
      onAnswered();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'The answer was not saved'));
    } finally {
      setBusy(false);
    }
  }
  const id = `answer-${request.id}`;
  return (
    <form onSubmit={submit} noValidate>
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Your answer</legend>
          <div className="nhsuk-radios">
            {OUTCOMES.map((o) => (
              <div className="nhsuk-radios__item" key={o.value}>
                <input className="nhsuk-radios__input" id={`${id}-${o.value}`} name={`${id}-outcome`} type="radio" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${o.value}`}>
                  {o.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-note`}>
          Note to the person
        </label>
        <textarea className="nhsuk-textarea" id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Send answer
      </button>
    </form>
  );
}

function RequestCard({ request, children }: { request: StaffCorrectionView; children?: ReactNode }) {
  return (
    <li className="nhsuk-card" data-testid="correction-request">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          {request.entry.kind ?? 'Entry'}: {request.entry.display ?? `${request.entry.reference} (not visible to you)`}
          {request.entry.date && <span className="nhsuk-body-s"> — recorded {formatDate(request.entry.date)}</span>}
        </h3>
        <p className="nhsuk-body-s">
          Asked {formatDate(request.asked)} by{' '}
          {request.person.nhsNumber ? <Link to={`/care-record/patients/${encodeURIComponent(request.person.id)}`}>{request.person.name}</Link> : request.person.name}
          {request.person.nhsNumber && ` (NHS number ${formatNhsNumber(request.person.nhsNumber)})`}
        </p>
        <p>
          <strong>What they say is wrong:</strong> {request.description}
        </p>
        {request.answer && (
          <div className="nhsuk-inset-text">
            <p>
              {request.status === 'completed' ? 'Corrected' : 'Not changed'}: {request.answer.text}
            </p>
            {request.answer.by && <p className="nhsuk-body-s">{request.answer.by}</p>}
          </div>
        )}
        {children}
      </div>
    </li>
  );
}

/** Requests from people to correct entries their organisation recorded: open ones to answer, and the answered. */
export function CorrectionsPage() {
  usePageTitle('Correction requests');
  const state = useApi<StaffCorrectionsAnswer>('/corrections');
  return (
    <Load state={state} what="correction requests">
      {(data) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">{data.organisation}</span>
            Correction requests
          </h1>
          <p className="nhsuk-lede-text">People have asked your organisation to correct entries it recorded. Check the entry, correct it in your system if it is wrong, and answer them.</p>
          <h2>Waiting for an answer ({data.open.length})</h2>
          {data.open.length === 0 ? (
            <p>There are no open requests.</p>
          ) : (
            <ul className="nhsuk-list" data-testid="open-corrections">
              {data.open.map((r) => (
                <RequestCard key={r.id} request={r}>
                  <AnswerForm request={r} onAnswered={() => state.reload()} />
                </RequestCard>
              ))}
            </ul>
          )}
          <h2>Answered ({data.answered.length})</h2>
          {data.answered.length === 0 ? (
            <p>None answered yet.</p>
          ) : (
            <ul className="nhsuk-list" data-testid="answered-corrections">
              {data.answered.map((r) => (
                <RequestCard key={r.id} request={r} />
              ))}
            </ul>
          )}
        </>
      )}
    </Load>
  );
}
