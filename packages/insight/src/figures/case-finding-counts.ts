import { define_measure } from '@footprint/cohort';
import { BREAKDOWNS, breakdownSeries, checkBreakdown, describeBreakdown, groupText, type Breakdown } from '../breakdowns';
import { CASE_FINDING_RULE_IDS, CASE_FINDING_RULES, eligibleAdults, getRule, type CaseFindingRuleId } from '../case-finding';
import type { Figure } from '../figure';
import { disclosureText } from '../options';
import { byGroup } from './common';

export interface CaseFindingRow {
  rule: CaseFindingRuleId;
  group: string | null;
  flagged: number | null;
  population: number | null;
}

export interface CaseFindingParams {
  by: Breakdown;
  /** One rule; every rule when left out. */
  rule?: CaseFindingRuleId;
}

const rulesOf = (params: CaseFindingParams) => (params.rule === undefined ? CASE_FINDING_RULE_IDS.map((id) => CASE_FINDING_RULES[id]) : [getRule(params.rule)]);

/** How many registered adults each case-finding rule flags, by a breakdown. */
export const caseFindingFigure: Figure<CaseFindingParams, CaseFindingRow> = {
  id: 'case-finding',
  name: 'Case finding',
  description: 'Registered adults each case-finding rule flags as possibly undiagnosed, by a breakdown.',
  breakdowns: BREAKDOWNS,
  disclosure: { kind: 'counts', counts: ['flagged', 'population'] },
  parameters: (input) => {
    const by = checkBreakdown(input.by);
    return input.rule === undefined ? { by } : { by, rule: getRule(input.rule).id };
  },
  measures: (params, { on }) =>
    Object.fromEntries(
      rulesOf(params).map((rule) => [
        rule.id,
        define_measure({ numerator: rule.flagged(on), denominator: eligibleAdults(on), group_by: { group: breakdownSeries(params.by, on) }, intervals: [{ start: on, end: on }] }),
      ]),
    ),
  rows: (raw, params) =>
    rulesOf(params).flatMap((rule) => raw[rule.id].map((r) => ({ rule: rule.id, group: groupText(r.group), flagged: r.numerator, population: r.denominator }))),
  order: (a, b) => CASE_FINDING_RULE_IDS.indexOf(a.rule) - CASE_FINDING_RULE_IDS.indexOf(b.rule) || byGroup(a, b),
  definition: (params, { on, disclosure }) =>
    `People flagged by case finding by ${describeBreakdown(params.by)}, on ${on}; population = registered adults (18+) alive on the date. ` +
    rulesOf(params)
      .map((r) => `${r.name}: ${r.definition}`)
      .join(' ') +
    ` ${disclosureText(disclosure)}`,
  warm: [{ by: 'footprint' }, { by: 'practice' }],
};
