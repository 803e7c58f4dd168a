import { define_measure, INTERVAL, monthly_intervals } from '@footprint/cohort';
import { BREAKDOWNS, breakdownSeries, checkBreakdown, describeBreakdown, groupText, type Breakdown } from '../breakdowns';
import { InsightInputError } from '../errors';
import type { Figure } from '../figure';
import { disclosureText } from '../options';
import { registeredOn } from '../population';
import { getRegister, registerSeries, type RegisterId } from '../registers';
import { byGroup } from './common';

export interface TrendRow {
  interval_start: string;
  interval_end: string;
  group: string | null;
  numerator: number | null;
  denominator: number | null;
  rate_per_1000: number | null;
}

export interface TrendParams {
  register: RegisterId;
  months: number;
  /** Default: the whole footprint. */
  by?: Breakdown;
}

/** Monthly recorded prevalence of a register over the last `months` months (one measure). */
export const trendFigure: Figure<TrendParams, TrendRow> = {
  id: 'trend',
  name: 'Prevalence trend',
  description: 'Recorded prevalence of a register per 1,000 at the end of each month, by a breakdown.',
  breakdowns: BREAKDOWNS,
  disclosure: { kind: 'counts', counts: ['numerator', 'denominator'], ratios: { rate_per_1000: { numerator: 'numerator', denominator: 'denominator', per: 1000 } } },
  parameters: (input) => {
    const register = getRegister(input.register).id;
    const by = checkBreakdown(input.by ?? 'footprint');
    if (!Number.isInteger(input.months) || input.months < 1 || input.months > 120) throw new InsightInputError(`months must be a whole number from 1 to 120, got ${JSON.stringify(input.months)}`);
    return { register, by, months: input.months };
  },
  measures: ({ register, by = 'footprint', months }, { on }) => {
    const end = INTERVAL.end_date;
    return {
      trend: define_measure({
        numerator: registerSeries(getRegister(register), end),
        denominator: registeredOn(end),
        group_by: { group: breakdownSeries(by, end) },
        intervals: monthly_intervals(on, months),
      }),
    };
  },
  rows: ({ trend }) =>
    trend.map((r) => ({ interval_start: r.interval_start, interval_end: r.interval_end, group: groupText(r.group), numerator: r.numerator, denominator: r.denominator, rate_per_1000: null })),
  order: (a, b) => (a.interval_start === b.interval_start ? byGroup(a, b) : a.interval_start < b.interval_start ? -1 : 1),
  definition: ({ register, by = 'footprint', months }, { on, disclosure }) => {
    const r = getRegister(register);
    return `${r.name} recorded prevalence at the end of each of the ${months} calendar months up to ${on}, by ${describeBreakdown(by)}: register count (${r.definition}) over list size (registered and alive at the month's end), per 1,000. ${disclosureText(disclosure)}`;
  },
  warm: (['hypertension', 'diabetes'] as const).map((register) => ({ register, months: 24, by: 'footprint' as const })),
};
