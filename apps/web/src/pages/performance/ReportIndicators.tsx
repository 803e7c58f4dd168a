import type { BoardReport } from '@footprint/performance';
import { Link } from 'react-router-dom';
import { SpcChart } from './SpcChart';
import { reportValue, reportMonth } from './ReportTables';

/** The SPC chart of each indicator that changed in the month, with why it is here. */
export function ReportIndicators({ report }: { report: BoardReport }) {
  const { changed, considered, unchanged } = report.indicators;
  return (
    <>
      <p className="nhsuk-body" data-testid="report-changed-summary">
        {changed.length} of the {considered} indicators with a value for {report.periodLabel} changed; {unchanged} showed no change.
      </p>
      <p className="nhsuk-body-s">{report.methods.changed}</p>
      {changed.map((indicator) => (
        <section key={indicator.id} aria-labelledby={`changed-${indicator.id}`} className="footprint-report-indicator" data-testid="report-changed-indicator">
          <h3 id={`changed-${indicator.id}`}>
            {indicator.name}
            {indicator.synthetic && <strong className="nhsuk-tag nhsuk-tag--grey nhsuk-u-margin-left-2">Synthetic</strong>}
          </h3>
          <p className="nhsuk-body">
            {indicator.why} Latest value {reportValue(indicator.latest.value, indicator.unit)} in {reportMonth(indicator.latest.period)}.{' '}
            <Link to={`/performance/indicators/${encodeURIComponent(indicator.id)}`}>
              The indicator, its definition and the chart's table<span className="nhsuk-u-visually-hidden">: {indicator.name}</span>
            </Link>
          </p>
          <SpcChart result={indicator.spc} unit={indicator.unit} name={`${indicator.name}, ${report.footprint.name}`} table={false} />
        </section>
      ))}
    </>
  );
}
