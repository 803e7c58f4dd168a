import type { ScorecardCell, ScorecardStatus, Trend } from '@footprint/performance';
import { SpcIcons } from './SpcIcons';

/** A number for a table: up to one decimal (two below 10), with its unit. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '–';
  const digits = Math.abs(value) < 10 ? 2 : 1;
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: digits });
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** "2024-09" → "Sep 2024". */
export function monthName(period: string | null | undefined): string {
  if (!period) return '';
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const STATUS: Record<ScorecardStatus, { label: string; tag: string }> = {
  'on-track': { label: 'On track', tag: 'nhsuk-tag--green' },
  'off-track': { label: 'Off track', tag: 'nhsuk-tag--red' },
  'no-data': { label: 'No data yet', tag: 'nhsuk-tag--grey' },
};

/** The status as a tag with its words (colour never alone). */
export function StatusTag({ status }: { status: ScorecardStatus }) {
  return (
    <strong className={`nhsuk-tag ${STATUS[status].tag}`} data-testid="scorecard-status" data-status={status}>
      {STATUS[status].label}
    </strong>
  );
}

/** The gap to the trajectory, signed, with better or worse in words. */
export function GapText({ cell, unit }: { cell: Pick<ScorecardCell, 'gap'>; unit: string }) {
  if (!cell.gap) return <>–</>;
  const { value, direction } = cell.gap;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return (
    <span data-testid="scorecard-gap" data-direction={direction}>
      {sign}
      {formatValue(Math.abs(value), unit)} <span className="nhsuk-body-s">({direction === 'level' ? 'level' : direction})</span>
    </span>
  );
}

const TREND_LABEL: Record<Trend['direction'], string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  rising: 'Rising',
  falling: 'Falling',
  'no-significant-change': 'No significant change',
  'too-few-points': 'Too few points',
};

/** The trend's label, with its full words for anyone who wants the numbers. */
export function TrendText({ trend }: { trend: Trend }) {
  return (
    <span data-testid="scorecard-trend" data-trend={trend.direction} title={trend.words}>
      {TREND_LABEL[trend.direction]}
    </span>
  );
}

/** The SPC icons with their words, or why there are none. */
export function CellIcons({ cell }: { cell: Pick<ScorecardCell, 'variation' | 'assurance' | 'spcWarnings'> }) {
  if (!cell.variation) return <span className="nhsuk-body-s">{cell.spcWarnings[0] ?? 'No SPC: no values'}</span>;
  return <SpcIcons variation={cell.variation} assurance={cell.assurance} size={28} />;
}

/** The statements of the three gaps the Five Year Forward View (NHS England, 2014) asks every plan to close, in our words. */
export const GAP_STATEMENTS: Record<string, string> = {
  'health-and-wellbeing': 'Preventing ill health and narrowing the inequalities in how long and how well people live.',
  'care-and-quality': 'Making care consistently good and safe wherever people live, and timely when they need it.',
  'finance-and-efficiency': 'Living within the money the system has, by spending it where it does the most good.',
};
