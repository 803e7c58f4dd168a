import type { AmbitionData } from '../kinds';

/**
 * Cheshire and Merseyside's seven 2021 ambitions, each statement as the partnership wrote it. The
 * measurable form (measure, baseline, target, trajectory) is ILLUSTRATIVE: the published ambitions
 * state no figures, so these are plausible numbers for the demonstration, marked so in the data.
 */
const NOTE = 'Illustrative: the partnership’s 2021 ambition states no baseline or target; these figures are plausible values made up for the demonstration.';
const yearly = (from: number, to: number, firstYear: number, years: number) =>
  Array.from({ length: years - 1 }, (_, i) => ({ date: `${firstYear + i + 1}-03-31`, value: Math.round((from + ((to - from) * (i + 1)) / years) * 10) / 10 }));

const ambition = (a: Omit<AmbitionData, 'illustrative' | 'note' | 'trajectory'> & { years: number }): AmbitionData => {
  const { years, ...rest } = a;
  const first = Number(a.baseline.date.slice(0, 4));
  return { ...rest, trajectory: yearly(a.baseline.value, a.target.value, first, years), note: NOTE, illustrative: true };
};

export const CHESHIRE_AND_MERSEYSIDE_AMBITIONS: readonly AmbitionData[] = [
  ambition({
    statement: 'Fewer people dying from cancer, heart attacks and strokes',
    gap: 'health-and-wellbeing',
    measure: 'Deaths under 75 from cancer and cardiovascular disease per 100,000 people, directly age-standardised',
    unit: 'per 100,000',
    baseline: { value: 236, date: '2021-03-31' },
    target: { value: 212, date: '2026-03-31' },
    years: 5,
    indicators: [
      { id: 'premature-mortality-cancer-cvd-u75', role: 'primary' },
      { id: 'premature-mortality-cancer-u75', role: 'supporting' },
      { id: 'premature-mortality-cvd-u75', role: 'supporting' },
      { id: 'hypertension-treated-to-target', role: 'supporting' },
    ],
  }),
  ambition({
    statement: 'Mental health services consistently high quality and funded to the national standard',
    gap: 'care-and-quality',
    measure: 'People with serious mental illness who had all six physical health checks in the last 12 months',
    unit: '%',
    baseline: { value: 32, date: '2021-03-31' },
    target: { value: 60, date: '2024-03-31' },
    years: 3,
    indicators: [
      { id: 'serious-mental-illness-health-checks', role: 'primary' },
      { id: 'mental-health-investment-standard', role: 'supporting' },
    ],
  }),
  ambition({
    statement: 'All communities supported to lead healthy lives',
    gap: 'health-and-wellbeing',
    measure: 'People with hypertension whose latest blood pressure is at or below their target',
    unit: '%',
    baseline: { value: 58, date: '2021-03-31' },
    target: { value: 70, date: '2026-03-31' },
    years: 5,
    indicators: [
      { id: 'hypertension-treated-to-target', role: 'primary' },
      { id: 'diabetes-treated-to-target', role: 'supporting' },
      { id: 'register-prevalence-gap', role: 'supporting' },
    ],
  }),
  ambition({
    statement: 'Better access to more services closer to home, to reduce the need to visit A&E',
    gap: 'finance-and-efficiency',
    measure: 'Emergency admissions per 1,000 registered people a year',
    unit: 'per 1,000',
    baseline: { value: 112, date: '2021-03-31' },
    target: { value: 100, date: '2025-03-31' },
    years: 4,
    indicators: [
      { id: 'emergency-admissions-per-1000', role: 'primary' },
      { id: 'ae-attendances-per-1000', role: 'supporting' },
      { id: 'ae-four-hour-performance', role: 'supporting' },
    ],
  }),
  ambition({
    statement: 'Consistently high quality and safe care for women and children',
    gap: 'care-and-quality',
    measure: 'Maternity units meeting all ten maternity safety actions',
    unit: '%',
    baseline: { value: 40, date: '2021-03-31' },
    target: { value: 100, date: '2024-03-31' },
    years: 3,
    indicators: [{ id: 'maternity-safety-standards', role: 'primary' }],
  }),
  ambition({
    statement: 'More people with learning disabilities supported to live in the community',
    gap: 'care-and-quality',
    measure: 'Adults with learning disabilities known to social care who live in their own home or with their family',
    unit: '%',
    baseline: { value: 76, date: '2021-03-31' },
    target: { value: 85, date: '2024-03-31' },
    years: 3,
    indicators: [
      { id: 'learning-disability-community-living', role: 'primary' },
      { id: 'learning-disability-inpatients', role: 'supporting' },
    ],
  }),
  ambition({
    statement: 'Teams of professionals working together to provide care at or close to home',
    gap: 'finance-and-efficiency',
    measure: 'Social care contacts per 1,000 adults a year, delivered with the neighbourhood team',
    unit: 'per 1,000',
    baseline: { value: 160, date: '2021-03-31' },
    target: { value: 185, date: '2025-03-31' },
    years: 4,
    indicators: [
      { id: 'social-care-contacts', role: 'primary' },
      { id: 'emergency-admissions-per-1000', role: 'supporting' },
    ],
  }),
];
