import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { BoardReport } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { PerformanceNav } from './PerformanceNav';
import { ReportIndicators } from './ReportIndicators';
import { ReportGovernance, ReportMilestones, ReportRisks } from './ReportPlanAndGovernance';
import { ReportRatings } from './ReportRatings';
import { ReportScorecard } from './ReportScorecard';
import { reportDate } from './ReportTables';
import './ReportPrint.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="footprint-report-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Chooses the month: a month field (YYYY-MM where the browser has no month picker). */
function PeriodPicker({ period, onChoose }: { period: string; onChoose(period: string): void }) {
  const [value, setValue] = useState(period);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!MONTH.test(value)) return setError('Enter the month as a year and month, like 2025-03');
    setError(null);
    onChoose(value);
  };
  return (
    <form className="footprint-report-controls" onSubmit={submit} noValidate data-testid="report-period-form">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="report-period">
          Month to report on
        </label>
        <div className="nhsuk-hint" id="report-period-hint">
          The year and month, for example 2025-03
        </div>
        {error && (
          <span className="nhsuk-error-message" id="report-period-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
          id="report-period"
          name="period"
          type="month"
          value={value}
          aria-describedby={`report-period-hint${error ? ' report-period-error' : ''}`}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show the report
      </button>
    </form>
  );
}

function Report({ report, onChoose }: { report: BoardReport; onChoose(period: string): void }) {
  const pdf = `/api/performance/report.pdf?period=${report.period}`;
  return (
    <div className="footprint-report" data-testid="board-report" data-period={report.period} data-digest={report.digest}>
      <h1>
        <span className="nhsuk-caption-l">{report.footprint.name}</span>
        Board report, {report.periodLabel}
      </h1>
      <p className="nhsuk-body-l">{report.plan ? `The plan: ${report.plan.name} (${report.plan.version}).` : 'The footprint has no current plan.'}</p>
      <p className="nhsuk-body">
        Made from the data as at the end of {report.periodLabel} ({reportDate(report.periodEnd)}). The same month and data always give the same report, on this page and as a PDF.
      </p>
      <PeriodPicker key={report.period} period={report.period} onChoose={onChoose} />
      <p className="nhsuk-body footprint-report-controls">
        <a href={pdf} download data-testid="report-pdf-link">
          Download the report (PDF)
        </a>
      </p>
      <Section id="report-scorecard-section" title="The plan’s scorecard">
        <ReportScorecard report={report} />
      </Section>
      <Section id="report-indicators-section" title="Indicators that changed">
        <ReportIndicators report={report} />
      </Section>
      <Section id="report-ratings-section" title="Progress ratings">
        <ReportRatings report={report} />
      </Section>
      <Section id="report-milestones-section" title="Milestones due and missed">
        <ReportMilestones report={report} />
      </Section>
      <Section id="report-risks-section" title="Top risks">
        <ReportRisks report={report} />
      </Section>
      <Section id="report-governance-section" title="Decisions and actions">
        <ReportGovernance report={report} />
      </Section>
      <p className="nhsuk-body-s">Content digest (SHA-256): {report.digest}</p>
    </div>
  );
}

/** The board report for a month, as a page (printable) and as a PDF to download. */
export function BoardReportPage() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? '';
  const answer = useApi<BoardReport>(`/performance/report${period ? `?period=${encodeURIComponent(period)}` : ''}`);
  const choose = (p: string) => setParams({ period: p });
  usePageTitle(answer.status === 'ready' ? `Board report, ${answer.data.periodLabel}` : 'Board report');
  return (
    <>
      <PerformanceNav />
      {answer.status === 'error' && (
        <>
          <h1>Board report</h1>
          <PeriodPicker period={period} onChoose={choose} />
        </>
      )}
      <Load state={answer} what="the board report">
        {(report) => <Report report={report} onChoose={choose} />}
      </Load>
    </>
  );
}
