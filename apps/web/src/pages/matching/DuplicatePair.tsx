import type { DuplicatePairView, DuplicateRecordView } from '../../api/types';
import { formatDate, formatDateTime, formatNhsNumber } from '../../components/format';
import { FOUND_BY_LABELS, GRADE_LABELS, reasonText, STATUS_LABELS } from './reasons';

type Field = { label: string; value: (r: DuplicateRecordView) => string };

const FIELDS: Field[] = [
  { label: 'NHS number', value: (r) => (r.nhsNumber ? formatNhsNumber(r.nhsNumber) : 'None recorded') },
  { label: 'Surname', value: (r) => r.family ?? 'None recorded' },
  { label: 'Given names', value: (r) => r.given ?? 'None recorded' },
  { label: 'Date of birth', value: (r) => (r.birthDate ? formatDate(r.birthDate) : 'None recorded') },
  { label: 'Sex', value: (r) => r.gender ?? 'None recorded' },
  { label: 'Address', value: (r) => [r.addressLine, r.city].filter(Boolean).join(', ') || 'None recorded' },
  { label: 'Postcode', value: (r) => r.postcode ?? 'None recorded' },
  { label: 'Registered GP practice', value: (r) => r.registeredPractice ?? 'None recorded' },
  { label: 'Recorded by', value: (r) => r.recordedBy ?? 'Not known' },
  { label: 'Record', value: (r) => (r.mergedInto ? `Merged into ${r.mergedInto}` : r.active ? 'Active' : 'Inactive') },
];

const GRADE_TAG: Record<string, string> = { certain: 'nhsuk-tag--red', probable: 'nhsuk-tag--orange', possible: 'nhsuk-tag--yellow' };

export interface PairActions {
  busy: boolean;
  act(pair: DuplicatePairView, action: string, keep?: string): void;
}

/** One suspected pair: the two records' demographics side by side, differences marked, and what can be done. */
export function DuplicatePair({ pair, actions, index }: { pair: DuplicatePairView; actions: PairActions; index: number }) {
  const { patient, candidate } = pair;
  const heading = `pair-${index}-heading`;
  return (
    <section className="nhsuk-card" aria-labelledby={heading} data-testid="duplicate-pair" data-review={pair.id}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={heading}>
          {patient?.family ?? 'Unknown'} and {candidate?.family ?? 'Unknown'}, born {formatDate(patient?.birthDate ?? candidate?.birthDate)}
        </h2>
        <p>
          <strong className={`nhsuk-tag ${GRADE_TAG[pair.grade] ?? 'nhsuk-tag--grey'}`}>{GRADE_LABELS[pair.grade] ?? pair.grade} match</strong>{' '}
          <span>score {pair.score.toFixed(2)}</span>, found {FOUND_BY_LABELS[pair.foundBy] ?? pair.foundBy} on {formatDateTime(pair.createdAt)}.{' '}
          <strong data-testid="pair-status">{STATUS_LABELS[pair.status] ?? pair.status}</strong>
          {pair.merged ? <span data-testid="pair-merged"> Merged, keeping the {pair.merged.targetId === pair.candidateId ? 'existing' : 'newer'} record.</span> : null}
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet" aria-label="Why they may be the same person">
          {pair.reasons.map((r) => (
            <li key={r}>{reasonText(r)}</li>
          ))}
        </ul>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The two records side by side</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Detail</th>
              <th scope="col" className="nhsuk-table__header">Newer record</th>
              <th scope="col" className="nhsuk-table__header">Existing record</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {FIELDS.map((f) => {
              const a = patient ? f.value(patient) : 'Record no longer held';
              const b = candidate ? f.value(candidate) : 'Record no longer held';
              const differs = a !== b;
              return (
                <tr className="nhsuk-table__row" key={f.label} data-differs={differs || undefined}>
                  <th scope="row" className="nhsuk-table__header">
                    {f.label}
                    {differs ? <span className="footprint-differs"> (differs)</span> : null}
                  </th>
                  <td className="nhsuk-table__cell">{a}</td>
                  <td className="nhsuk-table__cell">{b}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="nhsuk-button-group">
          {pair.merged ? (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={actions.busy} onClick={() => actions.act(pair, 'unmerge')}>
              Unmerge these records
            </button>
          ) : (
            <>
              {pair.status !== 'confirmed-duplicate' && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={actions.busy} onClick={() => actions.act(pair, 'confirm')}>
                  Same person
                </button>
              )}
              {pair.status !== 'not-duplicate' && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={actions.busy} onClick={() => actions.act(pair, 'not-duplicate')}>
                  Not the same person
                </button>
              )}
              {pair.status !== 'pending' && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={actions.busy} onClick={() => actions.act(pair, 'reopen')}>
                  Review again
                </button>
              )}
              {patient && candidate && pair.status !== 'not-duplicate' && (
                <button type="button" className="nhsuk-button" disabled={actions.busy} onClick={() => actions.act(pair, 'merge', pair.candidateId)}>
                  Merge, keeping the existing record
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
