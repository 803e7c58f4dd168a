import { CohortError } from '../errors';
import type { Interval, MeasureNode, ValueType } from '../model/nodes';
import { requirePatient } from './dataset';
import { Series } from './series';

/** The bounds of the interval a measure is being computed for: use them inside definitions. */
export const INTERVAL = {
  start_date: new Series<'date', 'patient'>({ kind: 'interval_bound', bound: 'start', type: 'date', domain: null }),
  end_date: new Series<'date', 'patient'>({ kind: 'interval_bound', bound: 'end', type: 'date', domain: null }),
} as const;

export interface MeasureDefinition {
  numerator: Series<'boolean', 'patient'>;
  denominator: Series<'boolean', 'patient'>;
  group_by?: Record<string, Series<ValueType, 'patient'>>;
  intervals: readonly Interval[];
}

/**
 * A measure: per interval and group, how many patients are in the denominator and how many of
 * those are also in the numerator. Engines compute it in one query.
 */
export function define_measure(definition: MeasureDefinition): MeasureNode {
  const numerator = requirePatient(definition.numerator, 'the numerator');
  const denominator = requirePatient(definition.denominator, 'the denominator');
  if (numerator.type !== 'boolean' || denominator.type !== 'boolean') throw new CohortError('numerator and denominator must be boolean series');
  const groupBy: MeasureNode['groupBy'] = Object.fromEntries(
    Object.entries(definition.group_by ?? {}).map(([name, series]) => {
      if (!/^[a-z][a-z0-9_]*$/.test(name) || ['interval_start', 'interval_end', 'numerator', 'denominator', 'ratio'].includes(name)) {
        throw new CohortError(`group names are lower_snake_case and not a measure output column: ${name}`);
      }
      return [name, requirePatient(series, `group ${name}`)];
    }),
  );
  if (definition.intervals.length === 0) throw new CohortError('a measure needs at least one interval');
  for (const interval of definition.intervals) checkInterval(interval);
  return Object.freeze({ numerator, denominator, groupBy, intervals: Object.freeze([...definition.intervals]) });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkInterval(interval: Interval): void {
  for (const d of [interval.start, interval.end]) {
    if (!ISO_DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new CohortError(`not an ISO date: ${d}`);
  }
  if (interval.end < interval.start) throw new CohortError(`interval ends before it starts: ${interval.start}..${interval.end}`);
}

/** `count` consecutive calendar months ending with the month containing `lastMonthContaining`. */
export function monthly_intervals(lastMonthContaining: string, count: number): Interval[] {
  if (!Number.isInteger(count) || count < 1 || count > 1200) throw new CohortError(`months must be a whole number from 1 to 1200, got ${count}`);
  if (!ISO_DATE.test(lastMonthContaining)) throw new CohortError(`not an ISO date: ${lastMonthContaining}`);
  const [y, m] = lastMonthContaining.split('-').map(Number);
  const out: Interval[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(y, m - 1 - i, 1));
    const end = new Date(Date.UTC(y, m - i, 0));
    out.push({ start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) });
  }
  return out;
}
