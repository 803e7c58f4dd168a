import { Link } from 'react-router-dom';
import type { Worklist } from '../api/types';
import { useApi } from '../api/useApi';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { FigureTable } from '../components/FigureTable';
import { formatDate, formatNhsNumber } from '../components/format';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

/** The signed-in GP's practice worklist: people case finding flags, each linked to their record. */
export function WorklistPage() {
  usePageTitle('Practice worklist');
  const worklist = useApi<Worklist>('/worklist');
  return (
    <>
      {worklist.status === 'ready' && (
        <Breadcrumbs
          trail={[
            { label: 'Footprint overview', to: '/footprint' },
            { label: worklist.data.practice.name, to: `/footprint/practices/${encodeURIComponent(worklist.data.practice.code)}` },
          ]}
        />
      )}
      <h1>Practice worklist</h1>
      <Load state={worklist} what="your practice’s worklist">
        {(data) => (
          <>
            <p className="nhsuk-lede-text">
              People registered at {data.practice.name} whom case finding suggests may have an undiagnosed condition, as at{' '}
              {formatDate(data.asAt)}. Consider inviting them for a check.
            </p>
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  For direct care only
                </span>
              </h2>
              <p>
                Only staff of {data.practice.name} can see who is on this list. Opening it has been recorded in the audit trail, and so is
                every record you open from it.
              </p>
            </div>
            {data.rules.map((rule) => {
              const entries = data.entries.filter((e) => e.rule === rule.id);
              return (
                <section key={rule.id} aria-labelledby={`rule-${rule.id}`}>
                  <h2 id={`rule-${rule.id}`}>
                    {rule.name} <span className="nhsuk-caption-m">{entries.length} {entries.length === 1 ? 'person' : 'people'}</span>
                  </h2>
                  <details className="nhsuk-details">
                    <summary className="nhsuk-details__summary">
                      <span className="nhsuk-details__summary-text">How this rule finds people</span>
                    </summary>
                    <div className="nhsuk-details__text">
                      <p>{rule.definition}</p>
                      <p>
                        <strong>Clinical basis:</strong> {rule.clinicalBasis}
                      </p>
                    </div>
                  </details>
                  {entries.length > 0 ? (
                    <FigureTable
                      caption={`${rule.name}: people to review`}
                      testId={`worklist-${rule.id}`}
                      columns={[
                        { key: 'name', header: 'Name', render: (e) => <Link to={`/care-record/patients/${encodeURIComponent(e.patientId)}`} state={{ from: 'worklist' }}>{e.name}</Link> },
                        { key: 'nhsNumber', header: 'NHS number', render: (e) => formatNhsNumber(e.nhsNumber ?? undefined) },
                        { key: 'birthDate', nowrap: true, header: 'Date of birth', render: (e) => formatDate(e.birthDate) },
                        { key: 'evidence', header: 'Why flagged' },
                      ]}
                      rows={entries}
                    />
                  ) : (
                    <p>No one at this practice is flagged by this rule.</p>
                  )}
                </section>
              );
            })}
            {data.unmatched > 0 && (
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  {data.unmatched} flagged {data.unmatched === 1 ? 'person is' : 'people are'} no longer registered here in the shared record, so{' '}
                  {data.unmatched === 1 ? 'is' : 'are'} not listed.
                </p>
              </div>
            )}
          </>
        )}
      </Load>
    </>
  );
}
