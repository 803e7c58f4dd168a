import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { BreakGlassReviewView } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDateTime, formatNhsNumber } from '../../components/format';
import { ProblemMessage, Load } from '../../components/Status';
import { SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { StatusTag } from './StatusTag';

/** The finding: appropriate or not, with a note saying what was found. */
function ReviewForm({ id, onDone }: { id: string; onDone(review: BreakGlassReviewView): void }) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...(outcome ? [] : [{ field: 'outcome-appropriate', message: 'Choose whether the access was appropriate' }]),
      ...(note.trim() ? [] : [{ field: 'review-note', message: 'Write a note saying what you found' }]),
    ];
    setErrors(found);
    setProblem(null);
    if (found.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      onDone(await api<BreakGlassReviewView>(`/privacy/reviews/${encodeURIComponent(id)}/review`, { method: 'POST', body: { outcome, note: note.trim() } }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'The review was not saved'));
    } finally {
      setBusy(false);
    }
  }
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate data-testid="review-form">
      <ErrorSummary id="review-error" errors={errors} ref={summary} />
      {problem && <ProblemMessage error={problem} />}
      <div className={`nhsuk-form-group${errorFor('outcome-appropriate') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Was this access appropriate?</legend>
          {errorFor('outcome-appropriate') && (
            <span className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('outcome-appropriate')}
            </span>
          )}
          <div className="nhsuk-radios">
            {(
              [
                ['appropriate', 'Appropriate'],
                ['inappropriate', 'Inappropriate'],
              ] as const
            ).map(([value, label]) => (
              <div className="nhsuk-radios__item" key={value}>
                <input className="nhsuk-radios__input" id={`outcome-${value}`} name="outcome" type="radio" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`outcome-${value}`}>
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`nhsuk-form-group${errorFor('review-note') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="review-note">
          Note
        </label>
        <div className="nhsuk-hint" id="review-note-hint">
          What you checked and found, for example who confirmed the attendance.
        </div>
        {errorFor('review-note') && (
          <span className="nhsuk-error-message" id="review-note-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('review-note')}
          </span>
        )}
        <textarea
          className={`nhsuk-textarea${errorFor('review-note') ? ' nhsuk-textarea--error' : ''}`}
          id="review-note"
          name="review-note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={['review-note-hint', errorFor('review-note') && 'review-note-error'].filter(Boolean).join(' ')}
        />
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save review
      </button>
    </form>
  );
}

/**
 * One break-glass opened by the privacy officer: who, their organisation and role, the person by
 * NHS number (this opening is written to the person's audit trail), why and when, until when, and
 * whether it overrode the person's sharing choice; then the finding, and closing.
 */
export function PrivacyReviewPage() {
  const { reviewId = '' } = useParams();
  usePageTitle('Break-glass review');
  const loaded = useApi<BreakGlassReviewView>(`/privacy/reviews/${encodeURIComponent(reviewId)}`);
  const [updated, setUpdated] = useState<BreakGlassReviewView | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function close(id: string) {
    setProblem(null);
    try {
      setUpdated(await api<BreakGlassReviewView>(`/privacy/reviews/${encodeURIComponent(id)}/close`, { method: 'POST', body: {} }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'The review was not closed'));
    }
  }

  return (
    <>
      <Breadcrumbs trail={[{ label: 'Privacy', to: '/privacy' }, { label: 'Break-glass reviews', to: '/privacy/reviews' }]} />
      <Load state={loaded} what="the review">
        {(first) => {
          const review = updated ?? first;
          return (
            <>
              <h1>
                <span className="nhsuk-caption-l">Break-glass review</span>
                {review.user.name}, {formatDateTime(review.grantedAt)}
              </h1>
              <p>
                <StatusTag status={review.status} />
              </p>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>Opening this review has been written to the person’s audit trail, with your name, role and the time.</p>
              </div>
              <SummaryList
                testId="review-details"
                rows={[
                  ['Who', `${review.user.name} (${review.user.roleLabel})`],
                  ['Organisation', review.organisation.code ? `${review.organisation.name} (${review.organisation.code})` : review.organisation.name],
                  ['Person’s NHS number', review.person?.nhsNumber ? formatNhsNumber(review.person.nhsNumber) : 'Not recorded'],
                  ['Reason', review.reasonLabel],
                  ['Explanation', review.explanation],
                  ['When', formatDateTime(review.grantedAt)],
                  ['Access until', formatDateTime(review.expires)],
                  ['Overrode the person’s sharing choice', review.overridesDissent ? 'Yes: the person had chosen not to share with this organisation' : 'No'],
                  ...(review.review.outcome
                    ? ([
                        ['Finding', review.review.outcome === 'appropriate' ? 'Appropriate' : 'Inappropriate'],
                        ['Note', review.review.note ?? ''],
                        ['Reviewed by', `${review.review.reviewedBy ?? ''}, ${formatDateTime(review.review.reviewedAt)}`],
                      ] as Array<[string, string]>)
                    : []),
                  ...(review.review.closedAt ? ([['Closed by', `${review.review.closedBy ?? ''}, ${formatDateTime(review.review.closedAt)}`]] as Array<[string, string]>) : []),
                ]}
              />
              {problem && <ProblemMessage error={problem} />}
              {review.status === 'open' && (
                <>
                  <h2>Your finding</h2>
                  <ReviewForm id={review.id} onDone={setUpdated} />
                </>
              )}
              {review.status === 'reviewed' && (
                <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void close(review.id)}>
                  Close this review
                </button>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}
