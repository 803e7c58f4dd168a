import type { AccessLog } from '../../api/types';
import { FigureTable } from '../../components/FigureTable';
import { formatDateTime } from '../../components/format';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { usePatientApi } from './usePatientApi';

/** Every access to the person's record by someone else, from the record's audit trail; break-glass access stands out. */
export function AccessLogPage() {
  usePageTitle('Who has looked at your record');
  const log = usePatientApi<AccessLog>('/access-log');
  return (
    <>
      <h1>Who has looked at your record</h1>
      <p className="nhsuk-lede-text">Every time someone opens or searches your record, Footprint writes down who, where they work, when and why.</p>
      <Load state={log} what="your access log">
        {(data) => {
          const emergencies = data.entries.filter((e) => e.breakGlass);
          return (
            <>
              {emergencies.length > 0 && (
                <div className="nhsuk-warning-callout" data-testid="break-glass-summary">
                  <h2 className="nhsuk-warning-callout__label">
                    <span role="text">
                      <span className="nhsuk-u-visually-hidden">Important: </span>Emergency access
                    </span>
                  </h2>
                  <p>
                    Your record was opened {emergencies.length === 1 ? 'once' : `${emergencies.length} times`} in an emergency by someone without a
                    care relationship with you (“break-glass”). Each of these is reviewed by the organisation’s privacy officer.
                  </p>
                </div>
              )}
              <FigureTable
                caption="Accesses to your record, most recent first"
                testId="access-log"
                emptyText="Nobody else has looked at your record yet."
                columns={[
                  { key: 'when', nowrap: true, header: 'When', render: (e) => formatDateTime(e.when) },
                  { key: 'who', header: 'Who', render: (e) => <>{e.who}{e.role ? <span className="nhsuk-body-s nhsuk-u-display-block">{e.role}</span> : null}</> },
                  { key: 'organisation', header: 'Organisation', render: (e) => e.organisation?.name ?? 'Not recorded' },
                  {
                    key: 'purpose',
                    header: 'Why',
                    render: (e) => (
                      <>
                        {e.breakGlass ? <strong className="nhsuk-tag nhsuk-tag--red" data-testid="break-glass">Break-glass</strong> : null} {e.purpose.label}
                        {e.reason ? <span className="nhsuk-body-s nhsuk-u-display-block">{e.reason}</span> : null}
                      </>
                    ),
                  },
                  {
                    key: 'action',
                    header: 'What',
                    render: (e) => (
                      <>
                        {e.action}
                        {e.touched.length ? ` (${e.touched.join(', ')})` : ''}
                        {e.allowed ? null : <strong className="nhsuk-tag nhsuk-tag--grey nhsuk-u-margin-left-2">Refused</strong>}
                      </>
                    ),
                  },
                ]}
                rows={data.entries}
              />
              {data.truncated && <p className="nhsuk-body-s">Showing the most recent accesses only.</p>}
              <h2>Your own visits</h2>
              <p data-testid="own-accesses">
                {data.ownAccesses.count === 0
                  ? 'You have not looked at your record before.'
                  : `You looked at your record ${data.ownAccesses.count.toLocaleString('en-GB')} ${data.ownAccesses.count === 1 ? 'time' : 'times'}, most recently on ${formatDateTime(data.ownAccesses.latest)}. Your own visits are not listed above.`}
              </p>
            </>
          );
        }}
      </Load>
    </>
  );
}
