import { Link, useSearchParams } from 'react-router-dom';
import type { BreakGlassReviewList } from '../../api/types';
import { useApi } from '../../api/useApi';
import { FigureTable } from '../../components/FigureTable';
import { formatDateTime } from '../../components/format';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { PrivacyNav } from './PrivacyNav';
import { StatusTag } from './StatusTag';

const FILTERS = [
  { status: 'open', label: 'Waiting for review' },
  { status: 'reviewed', label: 'Reviewed' },
  { status: 'closed', label: 'Closed' },
  { status: '', label: 'All' },
] as const;

/**
 * The privacy officer's queue: every break-glass by staff of their organisation, newest first.
 * It shows who, why and when, but not whose record: that is disclosed, and audited, only when a
 * review is opened.
 */
export function PrivacyReviewsPage() {
  usePageTitle('Break-glass reviews');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const reviews = useApi<BreakGlassReviewList>(`/privacy/reviews${status ? `?status=${encodeURIComponent(status)}` : ''}`);
  return (
    <>
      <PrivacyNav />
      <h1>Break-glass reviews</h1>
      <p className="nhsuk-lede-text">
        Each time someone in your organisation broke glass to see a record they had no care relationship with. Open a review to see whose record it was, decide whether it was appropriate, then close it.
      </p>
      <nav aria-label="Filter reviews" className="nhsuk-u-margin-bottom-4">
        <ul className="nhsuk-list footprint-inline-list">
          {FILTERS.map((f) => (
            <li key={f.status}>
              {f.status === status ? (
                <strong aria-current="true">{f.label}</strong>
              ) : (
                <a
                  href={`?status=${f.status}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ status: f.status });
                  }}
                >
                  {f.label}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <Load state={reviews} what="the break-glass reviews">
        {(data) => (
          <FigureTable
            caption="Break-glass by staff of your organisation, most recent first"
            testId="break-glass-reviews"
            csvName="break-glass-reviews"
            emptyText="Nothing here."
            columns={[
              { key: 'grantedAt', header: 'When', render: (r) => formatDateTime(r.grantedAt), csv: (r) => r.grantedAt },
              { key: 'user', header: 'Who', render: (r) => `${r.user.name} (${r.user.roleLabel})`, csv: (r) => `${r.user.name} (${r.user.roleLabel})` },
              { key: 'organisation', header: 'Organisation', render: (r) => r.organisation.name, csv: (r) => r.organisation.name },
              { key: 'reasonLabel', header: 'Reason' },
              { key: 'overridesDissent', header: 'Overrode the person’s choice', render: (r) => (r.overridesDissent ? 'Yes' : 'No'), csv: (r) => (r.overridesDissent ? 'yes' : 'no') },
              { key: 'status', header: 'Status', render: (r) => <StatusTag status={r.status} />, csv: (r) => r.status },
              { key: 'id', header: 'Review', render: (r) => <Link to={`/privacy/reviews/${r.id}`}>Open review<span className="nhsuk-u-visually-hidden"> of {r.user.name}, {formatDateTime(r.grantedAt)}</span></Link>, csv: (r) => r.id },
            ]}
            rows={data.reviews}
          />
        )}
      </Load>
    </>
  );
}
