import type { BoardReport, ReportScorecardRow } from '@footprint/performance';
import { Link } from 'react-router-dom';
import { variationWords } from './SpcIcons';
import { ReportTable, reportMonth, reportValue, type ReportColumn } from './ReportTables';

const STATUS: Record<string, string> = { 'on-track': 'On track', 'off-track': 'Off track', 'no-data': 'No data yet' };
/** The scorecard assures each ambition against the plan's trajectory, not a target. */
const ASSURANCE: Record<string, string> = { consistent_pass: 'Consistently passing the trajectory', consistent_fail: 'Consistently failing the trajectory', inconsistent: 'Hit and miss: the trajectory may or may not be met' };

const columns: ReportColumn<ReportScorecardRow>[] = [
  {
    header: 'Ambition',
    cell: (r) => (
      <>
        <Link to={`/performance/ambitions/${encodeURIComponent(r.ambitionId)}`}>{r.statement}</Link>
        {r.illustrative && ' (illustrative)'}
        {r.indicator && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">Measured by {r.indicator}</span>}
      </>
    ),
  },
  { header: 'Latest', cell: (r) => (r.latest ? `${reportValue(r.latest.value, r.unit)}, ${reportMonth(r.latest.period)}${r.latest.synthetic ? ' (synthetic)' : ''}` : 'No value') },
  { header: 'Trajectory', cell: (r) => reportValue(r.trajectory, r.unit) },
  { header: 'Gap to trajectory', cell: (r) => (r.gapToTrajectory ? `${reportValue(r.gapToTrajectory.value)} (${r.gapToTrajectory.direction})` : '–') },
  { header: 'Variation', cell: (r) => (r.variation ? variationWords(r.variation) : 'Not enough values') },
  { header: 'Assurance', cell: (r) => (r.assurance ? ASSURANCE[r.assurance] : 'No trajectory to assure against') },
  { header: 'Status and trend', cell: (r) => `${STATUS[r.status] ?? r.status}. ${r.trend}` },
];

/** The plan's scorecard for the footprint, one table per triple-aim gap. */
export function ReportScorecard({ report }: { report: BoardReport }) {
  if (!report.scorecard) return <p className="nhsuk-body">The footprint has no current plan, so there is no scorecard.</p>;
  const rows = report.scorecard.rows;
  const gaps = [...new Set(rows.map((r) => r.gapLabel))];
  return (
    <>
      <p className="nhsuk-body">
        Each ambition for the footprint as at {report.periodLabel}: the latest value, the plan's trajectory for that month, the gap between them, and what statistical process control says of the series. <Link to="/performance">The full scorecard</Link> shows each place too.
      </p>
      {gaps.length === 0 && <p className="nhsuk-body">The plan has no ambitions.</p>}
      {gaps.map((gap) => (
        <ReportTable key={gap} caption={gap} columns={columns} rows={rows.filter((r) => r.gapLabel === gap)} empty="No ambitions." rowKey={(r) => r.ambitionId} testId="report-scorecard" />
      ))}
    </>
  );
}
