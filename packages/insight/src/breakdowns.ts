import { case_, patients, value, when, type PatientSeries, type ValueType } from '@footprint/cohort';
import { InsightInputError } from './errors';
import { ageBand, type On } from './population';

/** The ways figures can be broken down, each a patient series giving the group. */
export const BREAKDOWNS = ['footprint', 'place', 'practice', 'pcn', 'imd_decile', 'imd_quintile', 'core20', 'sex', 'ethnicity', 'age_band'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Each breakdown's name, as a heading or a choice in a list. */
const names: Record<Breakdown, string> = {
  footprint: 'Whole footprint',
  place: 'Place',
  practice: 'GP practice',
  pcn: 'Primary care network',
  imd_decile: 'IMD decile',
  imd_quintile: 'IMD quintile',
  core20: 'Core20',
  sex: 'Sex',
  ethnicity: 'Ethnic group',
  age_band: 'Age band',
};

/** The group values of the Core20 breakdown. */
export const CORE20 = 'Core20';
export const NOT_CORE20 = 'Not Core20';

/** The label of a group with no value (its breakdown is not recorded for those people). */
export const UNKNOWN_GROUP = 'Unknown';

/**
 * How each breakdown's group values read to a person. Places, practices and PCNs are codes here;
 * the server names them from the warehouse's reference tables.
 */
const valueLabels: Record<Breakdown, (value: string) => string> = {
  footprint: () => 'Whole footprint',
  place: (code) => code,
  practice: (code) => code,
  pcn: (code) => code,
  imd_decile: (decile) => `Decile ${decile}`,
  imd_quintile: (quintile) => `Quintile ${quintile}`,
  core20: (value) => (value === CORE20 ? 'Core20 (most deprived 20%)' : value === NOT_CORE20 ? 'Rest of footprint' : value),
  sex: capitalised,
  ethnicity: capitalised,
  age_band: capitalised,
};

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const descriptions: Record<Breakdown, string> = {
  footprint: 'the whole footprint',
  place: 'place (local authority, ONS code)',
  practice: 'registered GP practice (ODS code)',
  pcn: 'primary care network (ODS code)',
  imd_decile: 'Index of Multiple Deprivation 2019 decile of the LSOA of residence (1 = most deprived)',
  imd_quintile: 'IMD 2019 quintile (1 = most deprived; deciles 1–2 = quintile 1)',
  core20: 'Core20: living in the most deprived 20% of neighbourhoods nationally (IMD deciles 1–2)',
  sex: 'sex',
  ethnicity: 'ethnic group (5 ONS groups)',
  age_band: 'age in five-year bands on the date',
};

/** The group series for a breakdown on a date (age bands depend on the date). */
export function breakdownSeries(by: Breakdown, on: On): PatientSeries<ValueType> {
  switch (by) {
    case 'footprint':
      return value('footprint', 'string');
    case 'place':
      return patients.place_code;
    case 'practice':
      return patients.practice_code;
    case 'pcn':
      return patients.pcn_code;
    case 'imd_decile':
      return patients.imd_decile;
    case 'imd_quintile':
      return case_(
        [1, 2, 3, 4, 5].map((q) => when(patients.imd_decile.le(q * 2)).then<'integer'>(q)),
      );
    case 'core20':
      return case_([when(patients.imd_decile.le(2)).then<'string'>(CORE20), when(patients.imd_decile.is_not_null()).then<'string'>(NOT_CORE20)]);
    case 'sex':
      return patients.sex;
    case 'ethnicity':
      return patients.ethnicity;
    case 'age_band':
      return ageBand(on);
  }
}

export function checkBreakdown(by: unknown): Breakdown {
  if (!BREAKDOWNS.includes(by as Breakdown)) throw new InsightInputError(`unknown breakdown "${String(by)}": choose one of ${BREAKDOWNS.join(', ')}`);
  return by as Breakdown;
}

export function describeBreakdown(by: Breakdown): string {
  return descriptions[by];
}

/** A group value as text for output rows (null stays null: "not known"). */
export function groupText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** How a group of a breakdown reads ("Decile 3", "Core20 (most deprived 20%)", "Unknown" for no value). */
export function groupLabel(by: Breakdown, group: string | null): string {
  return group === null ? UNKNOWN_GROUP : valueLabels[by](group);
}

/** A breakdown as the API serves it: its id, name and what it means. */
export interface BreakdownSummary {
  id: Breakdown;
  name: string;
  description: string;
}

/** Every breakdown, in the order pages offer them. */
export function listBreakdowns(): BreakdownSummary[] {
  return BREAKDOWNS.map((id) => ({ id, name: names[id], description: descriptions[id] }));
}
