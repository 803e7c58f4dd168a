import { case_, patients, value, when, type PatientSeries, type ValueType } from '@footprint/cohort';
import { InsightInputError } from './errors';
import { ageBand, type On } from './population';

/** The ways figures can be broken down, each a patient series giving the group. */
export const BREAKDOWNS = ['footprint', 'place', 'practice', 'pcn', 'imd_decile', 'imd_quintile', 'core20', 'sex', 'ethnicity', 'age_band'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

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
      return case_([when(patients.imd_decile.le(2)).then<'string'>('Core20'), when(patients.imd_decile.is_not_null()).then<'string'>('Not Core20')]);
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
