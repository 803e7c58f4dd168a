import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { DuplicatePairView, DuplicatesView } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Load, ProblemMessage } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { DuplicatePair } from './DuplicatePair';

const FILTERS: Array<{ status: string; label: string }> = [
  { status: 'pending', label: 'Waiting for review' },
  { status: 'confirmed-duplicate', label: 'Same person' },
  { status: 'not-duplicate', label: 'Not the same person' },
  { status: 'all', label: 'All' },
];

const DONE: Record<string, string> = {
  confirm: 'Marked as the same person. Merge them to join their records.',
  'not-duplicate': 'Marked as not the same person.',
  reopen: 'Put back in the queue for review.',
  merge: 'Merged: every entry now refers to the record kept.',
  unmerge: 'Unmerged: both records and their entries are as they were before the merge.',
};

/**
 * Administrators: records that may belong to one person, found when records were created or
 * imported, with their demographics side by side (nothing clinical), to confirm, reject, merge
 * or unmerge. Every view and decision is audited by the record.
 */
export function DuplicatesPage() {
  usePageTitle('Suspected duplicate records');
  const [params] = useSearchParams();
  const status = params.get('status') ?? 'pending';
  const queue = useApi<DuplicatesView>(`/duplicates?status=${encodeURIComponent(status)}`);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [failed, setFailed] = useState<ApiError>();

  async function act(pair: DuplicatePairView, action: string, keep?: string) {
    setBusy(true);
    setDone(undefined);
    setFailed(undefined);
    try {
      await api(`/duplicates/${encodeURIComponent(pair.id)}`, { method: 'POST', body: { action, ...(keep ? { keep } : {}) } });
      setDone(DONE[action]);
      queue.reload();
    } catch (error) {
      setFailed(error instanceof ApiError ? error : new ApiError(0, 'Something went wrong', String(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Suspected duplicate records</h1>
      <p className="nhsuk-lede-text">
        Records that may belong to one person, found when a record was created or imported. Compare them and decide: nothing is merged until you do.
      </p>
      <div className="nhsuk-inset-text">
        <p>
          You see only the details needed to decide (name, date of birth, sex, address, NHS number and who recorded them), never the clinical record. Every view and decision is
          recorded in the audit trail.
        </p>
      </div>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How records are matched</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            The NHS number comes first: two records with the same valid NHS number and the same date of birth and name are a <strong>certain</strong> match, and two
            different valid NHS numbers are never the same person. Otherwise surname, first name (allowing a typo or a name that sounds alike), date of birth, sex
            and address are weighed. A <strong>probable</strong> match agrees on most of them, or has the same first name, date of birth and address with a changed
            surname. Certain and probable matches are queued here; weaker ones are not.
          </p>
        </div>
      </details>
      <nav aria-label="Filter the queue">
        <ul className="nhsuk-list">
          {FILTERS.map((f) => (
            <li key={f.status} style={{ display: 'inline-block', marginRight: '1.5rem' }}>
              {f.status === status ? <strong aria-current="page">{f.label}</strong> : <Link to={`/duplicates?status=${f.status}`}>{f.label}</Link>}
            </li>
          ))}
        </ul>
      </nav>
      <div aria-live="polite">
        {done && (
          <div className="nhsuk-inset-text" data-testid="duplicate-done">
            <p>{done}</p>
          </div>
        )}
      </div>
      {failed && <ProblemMessage error={failed} />}
      <Load state={queue} what="suspected duplicates">
        {(data) =>
          data.pairs.length === 0 ? (
            <p data-testid="no-duplicates">There are no suspected duplicates here.</p>
          ) : (
            <>
              <p>
                {data.pairs.length} {data.pairs.length === 1 ? 'pair' : 'pairs'}.
              </p>
              {data.pairs.map((pair, i) => (
                <DuplicatePair key={pair.id} pair={pair} index={i} actions={{ busy, act: (p, a, k) => void act(p, a, k) }} />
              ))}
            </>
          )
        }
      </Load>
    </>
  );
}
