import type { BoardReport, DecisionSource, ReportAction, ReportMilestone, ReportRisk } from '@footprint/performance';
import { ReportTable, reportDate, type ReportColumn } from './ReportTables';

const MILESTONE_STATUS: Record<string, string> = { 'not-started': 'Not started', 'on-track': 'On track', 'at-risk': 'At risk', delayed: 'Delayed', complete: 'Complete' };

const milestoneColumns: ReportColumn<ReportMilestone>[] = [
  { header: 'Milestone', cell: (m) => `${m.name}${m.illustrative ? ' (illustrative)' : ''}` },
  { header: 'Programme', cell: (m) => m.programme },
  { header: 'Due', cell: (m) => reportDate(m.due) },
  {
    header: 'Status',
    cell: (m) => (
      <>
        {MILESTONE_STATUS[m.status] ?? m.status}
        {m.completed && `, completed ${reportDate(m.completed)}`}
        {m.missed && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-2">Missed</strong>}
      </>
    ),
  },
];

/** Milestones due in the month and missed as at its end. */
export function ReportMilestones({ report }: { report: BoardReport }) {
  return (
    <>
      <ReportTable caption={`Milestones due in ${report.periodLabel}`} columns={milestoneColumns} rows={report.milestones.due} empty="No milestones were due in the month." rowKey={(m) => m.id} testId="report-milestones-due" />
      <ReportTable caption={`Milestones missed as at ${reportDate(report.periodEnd)}`} columns={milestoneColumns} rows={report.milestones.missed} empty="No milestones were missed." rowKey={(m) => m.id} testId="report-milestones-missed" />
      <p className="nhsuk-body-s">{report.methods.milestones}</p>
    </>
  );
}

/** The highest-scoring open risks. */
export function ReportRisks({ report }: { report: BoardReport }) {
  return (
    <>
      <ReportTable<ReportRisk>
        caption={`The ${report.risks.top.length} highest-scoring of ${report.risks.open} open risks`}
        testId="report-risks"
        rows={report.risks.top}
        rowKey={(r) => r.id}
        empty="The plan has no open risks."
        columns={[
          { header: 'Risk', cell: (r) => <>{r.title}{r.illustrative && ' (illustrative)'}<span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{r.programme ? `Programme: ${r.programme}` : 'The whole plan'}</span></> },
          { header: 'Score', cell: (r) => `${r.score} (${r.band}): likelihood ${r.likelihood} × impact ${r.impact}` },
          { header: 'Owner', cell: (r) => r.owner },
          { header: 'Mitigation', cell: (r) => r.mitigation },
        ]}
      />
      <p className="nhsuk-body-s">{report.methods.risks}</p>
    </>
  );
}

/** Decisions dated in the month, and actions raised or due in it. */
export function ReportGovernance({ report }: { report: BoardReport }) {
  return (
    <>
      <ReportTable<DecisionSource>
        caption={`Decisions taken in ${report.periodLabel}`}
        testId="report-decisions"
        rows={report.governance.decisions}
        rowKey={(d) => d.id}
        empty="No decisions were recorded in the month."
        columns={[
          { header: 'Decision', cell: (d) => `${d.reference ? `${d.reference}: ` : ''}${d.text}` },
          { header: 'Meeting', cell: (d) => d.meeting.title },
          { header: 'Status', cell: (d) => d.statusLabel },
        ]}
      />
      <ReportTable<ReportAction>
        caption={`Actions raised or due in ${report.periodLabel}`}
        testId="report-actions"
        rows={report.governance.actions}
        rowKey={(a) => a.id}
        empty="No actions were raised or due in the month."
        columns={[
          { header: 'Action', cell: (a) => <>{a.description}{a.decision && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">From decision {a.decision}</span>}</> },
          { header: 'Owner', cell: (a) => a.owner },
          { header: 'Meeting', cell: (a) => a.meeting.title },
          { header: 'Due', cell: (a) => reportDate(a.dueDate) },
          { header: 'Status', cell: (a) => <>{a.statusLabel}{a.overdue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-2">Overdue</strong>}</> },
        ]}
      />
      <p className="nhsuk-body-s">{report.methods.governance}</p>
    </>
  );
}
