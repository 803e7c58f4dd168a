import type { FeedsView } from '../api/types';
import { useApi } from '../api/useApi';
import { FigureTable } from '../components/FigureTable';
import { formatCount, formatDateTime } from '../components/format';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

const STATUS_TAG: Record<string, string> = {
  completed: 'nhsuk-tag--green',
  running: 'nhsuk-tag--blue',
  failed: 'nhsuk-tag--red',
  interrupted: 'nhsuk-tag--orange',
};

/** Administrators: what each partner organisation has sent to the shared record, when, and what failed. */
export function FeedsPage() {
  usePageTitle('Data feeds');
  const feeds = useApi<FeedsView>('/feeds');
  return (
    <>
      <h1>Data feeds</h1>
      <Load state={feeds} what="data feeds">
        {(data) => {
          const failing = data.runs.filter((r) => r.failed > 0);
          return (
            <>
              <p className="nhsuk-lede-text">
                {data.organisations.length} contributing organisations; {data.runs.length} imports recorded.
              </p>
              <h2>By organisation</h2>
              <FigureTable
                caption="What each partner organisation has contributed to the shared record"
                testId="feed-organisations"
                csvName="feeds-by-organisation"
                columns={[
                  { key: 'name', header: 'Organisation' },
                  { key: 'code', header: 'ODS code', render: (o) => o.code ?? 'None' },
                  { key: 'kindLabel', header: 'Kind' },
                  { key: 'resources', header: 'Resources in the record', numeric: true, render: (o) => formatCount(o.resources), csv: (o) => o.resources },
                  { key: 'patients', header: 'People', numeric: true, render: (o) => formatCount(o.patients), csv: (o) => o.patients },
                  { key: 'lastReceived', header: 'Last received', render: (o) => (o.lastReceived ? formatDateTime(o.lastReceived) : 'Never'), csv: (o) => o.lastReceived },
                  { key: 'failures', header: 'Validation failures', numeric: true, render: (o) => formatCount(o.failures), csv: (o) => o.failures },
                ]}
                rows={data.organisations}
              />
              <h2>Imports</h2>
              <FigureTable
                caption="Imports into the shared record, most recent first"
                testId="import-runs"
                csvName="import-runs"
                columns={[
                  { key: 'startedAt', header: 'Started', render: (r) => formatDateTime(r.startedAt), csv: (r) => r.startedAt },
                  { key: 'organisation', header: 'From', render: (r) => r.organisation?.name ?? 'Platform', csv: (r) => r.organisation?.name ?? '' },
                  { key: 'source', header: 'Source' },
                  {
                    key: 'status',
                    header: 'Status',
                    render: (r) => <strong className={`nhsuk-tag ${STATUS_TAG[r.status] ?? 'nhsuk-tag--grey'}`}>{r.status}</strong>,
                    csv: (r) => r.status,
                  },
                  { key: 'received', header: 'Received', numeric: true, render: (r) => formatCount(r.received), csv: (r) => r.received },
                  { key: 'stored', header: 'Stored', numeric: true, render: (r) => formatCount(r.stored), csv: (r) => r.stored },
                  { key: 'failed', header: 'Failed validation', numeric: true, render: (r) => formatCount(r.failed), csv: (r) => r.failed },
                ]}
                rows={data.runs}
              />
              <h2>Validation failures</h2>
              {failing.length === 0 ? (
                <p data-testid="no-failures">No import has had validation failures.</p>
              ) : (
                failing.map((run) => (
                  <details className="nhsuk-details" key={run.id}>
                    <summary className="nhsuk-details__summary">
                      <span className="nhsuk-details__summary-text">
                        {run.source}: {run.failed} failed ({formatDateTime(run.startedAt)})
                      </span>
                    </summary>
                    <div className="nhsuk-details__text">
                      <ul className="nhsuk-list nhsuk-list--bullet">
                        {run.failures.map((f, i) => (
                          <li key={i}>
                            <code>{f.location}</code>: {f.message}
                          </li>
                        ))}
                      </ul>
                      {run.failures.length < run.failed && <p>Showing the first {run.failures.length} of {run.failed} failures.</p>}
                    </div>
                  </details>
                ))
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}
