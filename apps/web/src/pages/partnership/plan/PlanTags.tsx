import { Link } from 'react-router-dom';
import type { MilestoneStatus, RiskBand, TripleAimGap } from '@footprint/partnership';
import { formatDate } from '../../../components/format';

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  delayed: 'Delayed',
  complete: 'Complete',
};
const MILESTONE_TAGS: Record<MilestoneStatus, string> = {
  'not-started': 'nhsuk-tag--grey',
  'on-track': 'nhsuk-tag--blue',
  'at-risk': 'nhsuk-tag--orange',
  delayed: 'nhsuk-tag--red',
  complete: 'nhsuk-tag--green',
};
export const GAP_LABELS: Record<TripleAimGap, string> = {
  'health-and-wellbeing': 'Health and wellbeing',
  'care-and-quality': 'Care and quality',
  'finance-and-efficiency': 'Finance and efficiency',
};
export const GAPS = Object.keys(GAP_LABELS) as TripleAimGap[];
const BAND_TAGS: Record<RiskBand, string> = { low: 'nhsuk-tag--green', moderate: 'nhsuk-tag--yellow', high: 'nhsuk-tag--orange', extreme: 'nhsuk-tag--red' };

/** A milestone's status, and "Overdue" beside it when its due date has passed (computed by the server from the due date). */
export function MilestoneStatusTag({ status, overdue }: { status: MilestoneStatus; overdue: boolean }) {
  return (
    <>
      <strong className={`nhsuk-tag ${MILESTONE_TAGS[status]}`}>{MILESTONE_STATUS_LABELS[status]}</strong>
      {overdue && (
        <>
          {' '}
          <strong className="nhsuk-tag nhsuk-tag--red" data-testid="overdue">
            Overdue
          </strong>
        </>
      )}
    </>
  );
}

/** A risk's score (likelihood × impact) with its band. */
export function RiskScoreTag({ score, band }: { score: number; band: RiskBand }) {
  return <strong className={`nhsuk-tag ${BAND_TAGS[band]}`}>{`${score} ${band.charAt(0).toUpperCase()}${band.slice(1)}`}</strong>;
}

/** Marks figures and items made up for the demonstration, wherever they are shown. */
export function IllustrativeTag({ shown = true }: { shown?: boolean | undefined }) {
  if (!shown) return null;
  return (
    <strong className="nhsuk-tag nhsuk-tag--purple" title="Made up for the demonstration: the published plan does not state this">
      Illustrative
    </strong>
  );
}

/** The link to an item's history (who changed which field, when): the changes page shows any item of the register or plan. */
export function HistoryLink({ id, what }: { id: string; what: string }) {
  return (
    <Link to={`/partnership/changes/${encodeURIComponent(id)}`}>
      History<span className="nhsuk-u-visually-hidden"> of {what}</span>
    </Link>
  );
}

export const planPath = (planId: string) => `/partnership/plan?version=${encodeURIComponent(planId)}`;
export const programmePath = (planId: string, programmeId: string) => `/partnership/plan/${encodeURIComponent(planId)}/programmes/${encodeURIComponent(programmeId)}`;
export const ambitionPath = (planId: string, ambitionId: string) => `/partnership/plan/${encodeURIComponent(planId)}/ambitions/${encodeURIComponent(ambitionId)}`;
export const riskRegisterPath = (planId: string) => `/partnership/plan/${encodeURIComponent(planId)}/risks`;

/** "236 per 100,000 (31 Mar 2021)". */
export function measured(point: { value: number; date: string }, unit: string): string {
  const value = point.value.toLocaleString('en-GB');
  return `${unit === '%' ? `${value}%` : `${value} ${unit}`} (${formatDate(point.date)})`;
}
