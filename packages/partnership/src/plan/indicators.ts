import { z } from 'zod';

/**
 * How an ambition names the indicators that measure it. The indicator catalogue comes with the
 * system-performance work (issue 12); the plan links to it now by id, validated for shape here
 * and resolved by the catalogue later, so ambitions written today need no rewriting then.
 *
 * An indicator id is lower-case words and digits joined by hyphens, 3 to 64 characters, naming
 * what is measured and never the area or period (those are the catalogue's breakdowns):
 * `premature-mortality-cancer-u75`, `emergency-admissions-per-1000`. `primary` is the indicator
 * the ambition's baseline and target are stated in (at most one); `supporting` ones add context.
 */
export const INDICATOR_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const INDICATOR_ROLES = ['primary', 'supporting'] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

export const indicatorLink = z
  .object({
    id: z
      .string({ message: 'must be an indicator id' })
      .min(3, { message: 'must be 3 to 64 characters' })
      .max(64, { message: 'must be 3 to 64 characters' })
      .regex(INDICATOR_ID, { message: 'must be an indicator id: lower-case words and digits joined by hyphens, such as premature-mortality-cancer-u75' }),
    role: z.enum(INDICATOR_ROLES, { message: 'must be primary or supporting' }),
  })
  .strict();
export type IndicatorLink = z.infer<typeof indicatorLink>;

/**
 * The indicator ids the demo's plans link to, with what each will measure: the catalogue (issue 12)
 * defines an indicator under each of these ids. Listed in docs/partnership.md.
 */
export const SEED_INDICATORS: Readonly<Record<string, string>> = {
  'premature-mortality-cancer-u75': 'Deaths under 75 from cancer per 100,000, directly age-standardised',
  'premature-mortality-cvd-u75': 'Deaths under 75 from cardiovascular disease per 100,000, directly age-standardised',
  'premature-mortality-cancer-cvd-u75': 'Deaths under 75 from cancer and cardiovascular disease per 100,000 a year over two years, directly age-standardised',
  'hypertension-treated-to-target': 'People with hypertension whose latest blood pressure is at or below target, %',
  'diabetes-treated-to-target': 'People with diabetes meeting the treatment targets, %',
  'mental-health-investment-standard': 'Mental health spending growth against the Mental Health Investment Standard, %',
  'serious-mental-illness-health-checks': 'People with serious mental illness who had all six physical health checks, %',
  'register-prevalence-gap': 'Case finding: people found on a disease register against those estimated, %',
  'emergency-admissions-per-1000': 'Emergency admissions per 1,000 registered people',
  'ae-attendances-per-1000': 'A&E attendances per 1,000 registered people',
  'ae-four-hour-performance': 'A&E attendances seen within four hours, %',
  'maternity-safety-standards': 'Maternity units meeting the ten safety actions, %',
  'learning-disability-community-living': 'Adults with learning disabilities living in the community (their own home or with family), %',
  'learning-disability-inpatients': 'People with learning disabilities or autism in inpatient care, per million adults',
  'social-care-contacts': 'Social care contacts per 1,000 adults',
  'finance-against-plan': 'Spending against the system financial plan or control total, £ million',
};
