import type { IndicatorDefinition, IndicatorValue, TripleAimGap } from '@footprint/performance';
import { formatSpcValue } from './SpcChart';

/** Words and tags the indicator pages share (and the scorecard may reuse): props only. */

export const INDICATOR_GAP_LABELS: Record<TripleAimGap, string> = {
  'health-and-wellbeing': 'Health and wellbeing gap',
  'care-and-quality': 'Care and quality gap',
  'finance-and-efficiency': 'Finance and efficiency gap',
};
export const INDICATOR_GAPS = Object.keys(INDICATOR_GAP_LABELS) as TripleAimGap[];

/** Polarity in words: "Higher is better". */
export function polarityWords(polarity: IndicatorDefinition['polarity']): string {
  switch (polarity) {
    case 'RAG - High is good':
      return 'Higher is better';
    case 'RAG - Low is good':
      return 'Lower is better';
    case 'BOB - Blue orange blue':
      return 'Neither higher nor lower is better';
    case 'Not applicable':
      return 'No direction is better';
  }
}

/** How the value and its confidence interval are worked out, in words. */
export function methodWords(indicator: IndicatorDefinition): string {
  const spc = indicator.spcProfile === 'mdc' ? 'the Making Data Count Excel tool’s rules' : 'NHSRplotthedots 0.2.2’s rules';
  const statistic: Record<IndicatorDefinition['statistic'], string> = {
    proportion: 'A proportion (numerator over denominator) with Wilson score confidence intervals at 95% and 99.8%.',
    'crude-rate': 'A crude rate (events over population) with Byar’s confidence intervals, exact Poisson below 10 events.',
    'directly-standardised-rate': 'A directly standardised rate (European Standard Population 2013) with Dobson’s confidence intervals; not published below 10 events.',
    'indirectly-standardised-ratio': 'An indirectly standardised ratio (observed over expected events) with exact Poisson confidence intervals.',
    mean: 'A figure as reported, without a confidence interval unless the source gives one.',
    count: 'A count of events with exact Poisson confidence intervals.',
  };
  return `${statistic[indicator.statistic]} Monthly values are charted as an XmR statistical process control chart with ${spc}.`;
}

/** The purple "Synthetic" tag for values made up for the demo. */
export function SyntheticTag({ shown = true }: { shown?: boolean }) {
  if (!shown) return null;
  return (
    <strong className="nhsuk-tag nhsuk-tag--purple" title="Synthetic: made up for the demo" data-testid="synthetic-tag">
      Synthetic
    </strong>
  );
}

/** "76.4% (95% CI 75.9% to 76.8%)", or the note when there is no value. */
export function valueWithInterval(value: IndicatorValue, unit: string): string {
  if (value.value === null) return value.note ?? 'No value';
  const main = formatSpcValue(value.value, unit);
  return value.lower95 !== null && value.upper95 !== null ? `${main} (95% CI ${formatSpcValue(value.lower95, unit)} to ${formatSpcValue(value.upper95, unit)})` : main;
}

/** "2026-09" → "September 2026". */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-');
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const index = Number(month) - 1;
  return index >= 0 && index < 12 ? `${names[index]} ${year}` : period;
}
