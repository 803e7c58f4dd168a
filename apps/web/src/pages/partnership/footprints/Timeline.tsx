import type { DatedFact, FootprintHistory, FootprintStatus } from '@footprint/partnership';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';

const STATUS: Record<FootprintStatus, string> = {
  STP: 'Sustainability and Transformation Partnership',
  ICS: 'Integrated Care System',
  ICB: 'Integrated Care Board',
};

const span = (f: { start?: string; end?: string }) => `${f.start ? formatDate(f.start) : 'from the start'} to ${f.end ? formatDate(f.end) : 'now'}`;

/** Where a fact comes from: its source's title (linked when it has an address), and its note for the reader. */
function Source({ fact }: { fact: DatedFact<unknown> }) {
  const { source } = fact;
  return source.url ? <a href={source.url}>{source.title}</a> : <>{source.title}</>;
}

/** A table of one kind of dated fact (names, ODS codes): value, from, to, source. */
function DatedFacts({ caption, header, testId, facts }: { caption: string; header: string; testId: string; facts: DatedFact<string>[] }) {
  return (
    <FigureTable
      caption={caption}
      testId={testId}
      columns={[
        { key: 'value', header },
        { key: 'start', header: 'From', nowrap: true, render: (f) => (f.start ? formatDate(f.start) : '') },
        { key: 'end', header: 'To', nowrap: true, render: (f) => (f.end ? formatDate(f.end) : 'now') },
        { key: 'source', header: 'Source', render: (f) => <Source fact={f} />, csv: (f) => f.source.title },
      ]}
      rows={facts}
    />
  );
}

/** The footprint's statuses in order (STP → ICS → ICB), each with its dates, designation and source. */
export function Timeline({ history }: { history: FootprintHistory }) {
  return (
    <>
      <ol className="footprint-register-timeline" data-testid="footprint-timeline">
        {history.statuses.map((s) => {
          const designation = history.designations.find((d) => d.start === s.start);
          return (
            <li key={s.start} className="footprint-register-timeline__step">
              <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                {s.value}: {STATUS[s.value]}
              </h3>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{span(s)}</p>
              {designation && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Designation: {designation.value}</p>}
              <p className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-0">
                Source: <Source fact={s} />
              </p>
            </li>
          );
        })}
      </ol>
      <DatedFacts caption="Names over time" header="Name" testId="footprint-names" facts={history.names} />
      {history.odsCodes.length > 0 && <DatedFacts caption="ODS codes" header="ODS code" testId="footprint-ods-codes" facts={history.odsCodes} />}
    </>
  );
}

/** The notes of the sources this footprint's facts cite: what each says and what the register chose where it is silent. */
export function SourceNotes({ history }: { history: FootprintHistory }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">About the sources ({history.sources.length})</span>
      </summary>
      <div className="nhsuk-details__text">
        <dl className="nhsuk-summary-list">
          {history.sources.map((s) => (
            <div className="nhsuk-summary-list__row" key={s.id}>
              <dt className="nhsuk-summary-list__key">{s.url ? <a href={s.url}>{s.title}</a> : s.title}</dt>
              <dd className="nhsuk-summary-list__value">{s.note}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
