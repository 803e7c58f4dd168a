import { controlCount, define_measure, type MeasureNode, type MeasureRow } from '@footprint/cohort';
import { BREAKDOWNS, breakdownSeries, describeBreakdown, groupText, type Breakdown } from '../breakdowns';
import type { Figure } from '../figure';
import { disclosureText } from '../options';
import { AGE_BANDS, ageBand, registeredOn } from '../population';
import { getRegister, registerSeries, type RegisterId } from '../registers';
import { directlyStandardisedRate } from '../statistics/dsr';
import { ESP2013, ESP2013_SOURCE } from '../statistics/esp2013';
import { slopeIndexOfInequality as sii } from '../statistics/sii';
import { byGroup, LIST_SIZE, registerBy } from './common';

export interface StandardisedRateRow {
  group: string | null;
  observed: number | null;
  population: number | null;
  crude_rate: number | null;
  dsr: number | null;
  dsr_lower: number | null;
  dsr_upper: number | null;
}

export interface SiiRow {
  by: 'imd_decile';
  sii: number | null;
  sii_lower: number | null;
  sii_upper: number | null;
  rii: number | null;
}

/** A register and the list size by a breakdown and five-year age band: the input to standardisation. */
function registerByAgeBand(register: RegisterId, by: Breakdown, on: string): MeasureNode {
  return define_measure({
    numerator: registerSeries(getRegister(register), on),
    denominator: registeredOn(on),
    group_by: { group: breakdownSeries(by, on), age_band: ageBand(on) },
    intervals: [{ start: on, end: on }],
  });
}

/** Per group: observed, population and the DSR with Dobson limits (unrounded, for statistics). */
function standardise(raw: MeasureRow[]): Map<string | null, ReturnType<typeof directlyStandardisedRate>> {
  const groups = new Map<string | null, Map<string, { observed: number; population: number }>>();
  for (const r of raw) {
    const g = groupText(r.group);
    const bands = groups.get(g) ?? new Map<string, { observed: number; population: number }>();
    bands.set(String(r.age_band), { observed: r.numerator, population: r.denominator });
    groups.set(g, bands);
  }
  const out = new Map<string | null, ReturnType<typeof directlyStandardisedRate>>();
  for (const [g, bands] of groups) {
    out.set(
      g,
      directlyStandardisedRate(AGE_BANDS.map((band) => ({ observed: bands.get(band)?.observed ?? 0, population: bands.get(band)?.population ?? 0, standard: ESP2013[band] }))),
    );
  }
  return out;
}

/** Crude and directly age-standardised register rates per 100,000 (ESP 2013, Dobson/Byar 95% limits). */
export const ageStandardisedRatesFigure: Figure<{ register: RegisterId; by: Breakdown }, StandardisedRateRow> = {
  id: 'age-standardised-rates',
  name: 'Age-standardised register rates',
  description: 'Crude and directly age-standardised register rates per 100,000 with 95% confidence limits, by a breakdown.',
  breakdowns: BREAKDOWNS,
  // The DSR comes from unrounded counts; counts shown are controlled and rates of small registers withheld.
  disclosure: { kind: 'statistic' },
  parameters: registerBy,
  measures: ({ register, by }, { on }) => ({ byAgeBand: registerByAgeBand(register, by, on) }),
  rows: ({ byAgeBand }, _params, { disclosure }) => {
    const rows: StandardisedRateRow[] = [];
    for (const [group, result] of standardise(byAgeBand)) {
      const observed = controlCount(result.observed, disclosure);
      const population = controlCount(result.population, disclosure);
      const publish = observed !== null && result.reliable;
      rows.push({
        group,
        observed,
        population,
        crude_rate: observed !== null && population ? (observed / population) * 100_000 : null,
        dsr: publish ? result.rate : null,
        dsr_lower: publish ? result.lower : null,
        dsr_upper: publish ? result.upper : null,
      });
    }
    return rows;
  },
  order: byGroup,
  definition: ({ register, by }, { on, disclosure }) => {
    const r = getRegister(register);
    return (
      `${r.name} register rates per 100,000 by ${describeBreakdown(by)}, on ${on}. Register: ${r.definition} ${LIST_SIZE} ` +
      `Crude rate = register count / list size × 100,000. Directly age-standardised rate (DSR): age-specific rates in 19 five-year bands (0–4 … 90+) weighted by the European Standard Population 2013 (${ESP2013_SOURCE}); 95% confidence limits by Dobson's method with Byar's approximation. ` +
      `DSRs are not shown for fewer than 10 people on the register (PHE guidance). ${disclosureText(disclosure)}`
    );
  },
  warm: [{ register: 'hypertension', by: 'imd_decile' }],
};

/** The slope index of inequality in the age-standardised register rate across IMD deciles. */
export const slopeIndexOfInequalityFigure: Figure<{ register: RegisterId }, SiiRow> = {
  id: 'slope-index-of-inequality',
  name: 'Slope index of inequality',
  description: 'The slope index of inequality (and relative index) in an age-standardised register rate across IMD deciles.',
  breakdowns: [],
  // The SII is withheld when the register count it rests on would be suppressed.
  disclosure: { kind: 'statistic' },
  parameters: ({ register }) => ({ register: getRegister(register).id }),
  measures: ({ register }, { on }) => ({ byAgeBand: registerByAgeBand(register, 'imd_decile', on) }),
  rows: ({ byAgeBand }, _params, { disclosure }) => {
    const byDecile = standardise(byAgeBand);
    const groups = [];
    let observed = 0;
    for (let d = 1; d <= 10; d++) {
      const r = byDecile.get(String(d));
      if (!r || r.rate === null) continue;
      observed += r.observed;
      groups.push({ rate: r.rate, population: r.population });
    }
    const result = controlCount(observed, disclosure) === null ? null : sii(groups);
    return [{ by: 'imd_decile', sii: result?.sii ?? null, sii_lower: result?.lower ?? null, sii_upper: result?.upper ?? null, rii: result?.rii ?? null }];
  },
  definition: ({ register }, { on, disclosure }) =>
    `Slope index of inequality (SII) in the ${getRegister(register).name.toLowerCase()} age-standardised register rate per 100,000 across IMD 2019 deciles, on ${on}: the modelled rate in the most deprived minus the least deprived, from a population-weighted regression of each decile's DSR (ESP 2013) on the mid-point of its cumulative population rank (0 = most deprived). ` +
    `Positive means higher rates in more deprived areas. 95% confidence interval from the regression's standard error (t on deciles − 2 degrees of freedom). RII = modelled rate at the most deprived end / least deprived end. Not shown when the register count is ${disclosure.threshold} or fewer.`,
  warm: [{ register: 'hypertension' }],
};
