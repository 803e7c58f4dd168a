import { define_measure } from '@footprint/cohort';
import { BREAKDOWNS, breakdownSeries, describeBreakdown, groupText, type Breakdown } from '../breakdowns';
import type { Figure } from '../figure';
import { disclosureText } from '../options';
import { registeredOn } from '../population';
import { getRegister, REGISTER_IDS, registerSeries, type RegisterId } from '../registers';
import { byGroup, LIST_SIZE, registerBy } from './common';

export interface PrevalenceRow {
  group: string | null;
  register_count: number | null;
  list_size: number | null;
  prevalence_per_1000: number | null;
}

export interface PrevalenceParams {
  register: RegisterId;
  by: Breakdown;
}

/** Recorded prevalence of a register (register count / list size, per 1,000) by a breakdown. */
export const registerPrevalenceFigure: Figure<PrevalenceParams, PrevalenceRow> = {
  id: 'register-prevalence',
  name: 'Recorded prevalence',
  description: 'People on a disease register per 1,000 registered patients, by a breakdown.',
  breakdowns: BREAKDOWNS,
  disclosure: { kind: 'counts', counts: ['register_count', 'list_size'], ratios: { prevalence_per_1000: { numerator: 'register_count', denominator: 'list_size', per: 1000 } } },
  parameters: registerBy,
  measures: ({ register, by }, { on }) => ({
    prevalence: define_measure({
      numerator: registerSeries(getRegister(register), on),
      denominator: registeredOn(on),
      group_by: { group: breakdownSeries(by, on) },
      intervals: [{ start: on, end: on }],
    }),
  }),
  rows: ({ prevalence }) => prevalence.map((r) => ({ group: groupText(r.group), register_count: r.numerator, list_size: r.denominator, prevalence_per_1000: null })),
  order: byGroup,
  definition: ({ register, by }, { on, disclosure }) => {
    const r = getRegister(register);
    return `${r.name} recorded prevalence by ${describeBreakdown(by)}, on ${on}. Register (${r.basis}): ${r.definition} ${LIST_SIZE} Prevalence = register count / list size × 1,000. ${disclosureText(disclosure)}`;
  },
  warm: REGISTER_IDS.flatMap((register) => (['place', 'practice'] as const).map((by) => ({ register, by }))),
};
