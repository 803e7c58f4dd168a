import { define_measure, patients } from '@footprint/cohort';
import { groupText } from '../breakdowns';
import type { Figure } from '../figure';
import { disclosureText } from '../options';
import { AGE_BANDS, ageBand, registeredOn } from '../population';
import { LIST_SIZE } from './common';

export interface PyramidRow {
  age_band: string;
  sex: string | null;
  people: number | null;
}

export interface DeprivationRow {
  imd_decile: number | null;
  core20: boolean;
  people: number | null;
}

type NoParams = Record<never, never>;

const bandOrder = (b: string) => AGE_BANDS.indexOf(b as (typeof AGE_BANDS)[number]);

/** The registered population by five-year age band and sex (a pyramid). */
export const populationPyramidFigure: Figure<NoParams, PyramidRow> = {
  id: 'population-pyramid',
  name: 'Registered population by age and sex',
  description: 'The registered population by five-year age band and sex.',
  breakdowns: [],
  disclosure: { kind: 'counts', counts: ['people'] },
  parameters: () => ({}),
  measures: (_params, { on }) => {
    const everyone = registeredOn(on);
    return { pyramid: define_measure({ numerator: everyone, denominator: everyone, group_by: { age_band: ageBand(on), sex: patients.sex }, intervals: [{ start: on, end: on }] }) };
  },
  rows: ({ pyramid }) => pyramid.map((r) => ({ age_band: String(r.age_band), sex: groupText(r.sex), people: r.denominator })),
  order: (a, b) => bandOrder(a.age_band) - bandOrder(b.age_band) || String(a.sex).localeCompare(String(b.sex)),
  definition: (_params, { on, disclosure }) => `Registered population on ${on} by five-year age band and sex. ${LIST_SIZE} ${disclosureText(disclosure)}`,
  warm: [{}],
};

/** The registered population by IMD decile of residence, with Core20 marked. */
export const deprivationFigure: Figure<NoParams, DeprivationRow> = {
  id: 'population-deprivation',
  name: 'Registered population by deprivation',
  description: 'The registered population by IMD 2019 decile of the neighbourhood they live in, with Core20 (deciles 1–2) marked.',
  breakdowns: [],
  disclosure: { kind: 'counts', counts: ['people'] },
  parameters: () => ({}),
  measures: (_params, { on }) => {
    const everyone = registeredOn(on);
    return { deprivation: define_measure({ numerator: everyone, denominator: everyone, group_by: { imd_decile: patients.imd_decile }, intervals: [{ start: on, end: on }] }) };
  },
  rows: ({ deprivation }) =>
    deprivation.map((r) => {
      const decile = r.imd_decile === null ? null : Number(r.imd_decile);
      return { imd_decile: decile, core20: decile !== null && decile <= 2, people: r.denominator };
    }),
  order: (a, b) => (a.imd_decile ?? 99) - (b.imd_decile ?? 99),
  definition: (_params, { on, disclosure }) =>
    `Registered population on ${on} by IMD 2019 decile of the LSOA of residence (1 = most deprived; null = not known). Core20 = deciles 1–2, the most deprived 20% nationally. ${disclosureText(disclosure)}`,
  warm: [{}],
};
