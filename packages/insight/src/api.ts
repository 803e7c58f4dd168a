import { applyDisclosureControl, controlCount, define_measure, INTERVAL, monthly_intervals, patients, type CohortEngine, type MeasureRow } from '@footprint/cohort';
import { breakdownSeries, checkBreakdown, describeBreakdown, groupText, type Breakdown } from './breakdowns';
import { cached } from './cache';
import { CASE_FINDING_RULE_IDS, CASE_FINDING_RULES, eligibleAdults, getRule, type CaseFindingRuleId } from './case-finding';
import { InsightInputError } from './errors';
import { disclosureText, resolveDisclosureOptions, resolveOn, type InsightOptions, type InsightResult } from './options';
import { AGE_BANDS, ageBand, registeredOn } from './population';
import { getRegister, REGISTERS, registerSeries, type RegisterId } from './registers';
import { directlyStandardisedRate } from './statistics/dsr';
import { ESP2013, ESP2013_SOURCE } from './statistics/esp2013';
import { slopeIndexOfInequality as sii } from './statistics/sii';

/**
 * The HTTP-ready API for the web app: plain async functions over a cohort engine on the
 * warehouse. Each returns rows with disclosure control applied and the definition of every
 * figure; results are cached per warehouse build.
 */

const LIST_SIZE = 'List size: patients registered with a practice in the footprint and alive on the date.';

function byGroup(a: { group: string | null }, b: { group: string | null }): number {
  if (a.group === b.group) return 0;
  if (a.group === null) return 1;
  if (b.group === null) return -1;
  const na = Number(a.group);
  const nb = Number(b.group);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.group < b.group ? -1 : 1;
}

export interface RegisterSummary {
  id: RegisterId;
  name: string;
  basis: string;
  definition: string;
}

export function listRegisters(): RegisterSummary[] {
  return Object.values(REGISTERS).map(({ id, name, basis, definition }) => ({ id, name, basis, definition }));
}

export interface CaseFindingRuleSummary {
  id: CaseFindingRuleId;
  name: string;
  definition: string;
  clinicalBasis: string;
}

export function listCaseFindingRules(): CaseFindingRuleSummary[] {
  return Object.values(CASE_FINDING_RULES).map(({ id, name, definition, clinicalBasis }) => ({ id, name, definition, clinicalBasis }));
}

export interface PrevalenceRow {
  group: string | null;
  register_count: number | null;
  list_size: number | null;
  prevalence_per_1000: number | null;
}

/** Recorded prevalence of a register (register count / list size, per 1,000) by a breakdown. */
export async function registerPrevalence(wh: CohortEngine, opts: { register: RegisterId; by: Breakdown } & InsightOptions): Promise<InsightResult<PrevalenceRow>> {
  const register = getRegister(opts.register);
  const by = checkBreakdown(opts.by);
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  const raw = await cached(wh, 'registerPrevalence', { register: register.id, by, on }, () =>
    wh.measure(
      define_measure({
        numerator: registerSeries(register, on),
        denominator: registeredOn(on),
        group_by: { group: breakdownSeries(by, on) },
        intervals: [{ start: on, end: on }],
      }),
    ),
  );
  const rows = applyDisclosureControl(
    raw.map((r) => ({ group: groupText(r.group), register_count: r.numerator, list_size: r.denominator, prevalence_per_1000: null as number | null })),
    ['register_count', 'list_size'],
    { ...disclosure, ratios: { prevalence_per_1000: { numerator: 'register_count', denominator: 'list_size', per: 1000 } } },
  ).sort(byGroup);
  return {
    rows,
    asAt: on,
    disclosure,
    definition: `${register.name} recorded prevalence by ${describeBreakdown(by)}, on ${on}. Register (${register.basis}): ${register.definition} ${LIST_SIZE} Prevalence = register count / list size × 1,000. ${disclosureText(disclosure)}`,
  };
}

export interface StandardisedRateRow {
  group: string | null;
  observed: number | null;
  population: number | null;
  crude_rate: number | null;
  dsr: number | null;
  dsr_lower: number | null;
  dsr_upper: number | null;
}

async function registerByAgeBand(wh: CohortEngine, registerId: RegisterId, by: Breakdown, on: string): Promise<MeasureRow[]> {
  const register = getRegister(registerId);
  return cached(wh, 'registerByAgeBand', { register: register.id, by, on }, () =>
    wh.measure(
      define_measure({
        numerator: registerSeries(register, on),
        denominator: registeredOn(on),
        group_by: { group: breakdownSeries(by, on), age_band: ageBand(on) },
        intervals: [{ start: on, end: on }],
      }),
    ),
  );
}

/** Per group: observed, population and the DSR with Dobson limits (unrounded, for statistics). */
function standardise(raw: MeasureRow[]): Map<string | null, ReturnType<typeof directlyStandardisedRate>> {
  const groups = new Map<string | null, Map<string, { observed: number; population: number }>>();
  for (const r of raw) {
    const g = groupText(r.group);
    const bands = groups.get(g) ?? new Map();
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
export async function ageStandardisedRates(wh: CohortEngine, opts: { register: RegisterId; by: Breakdown } & InsightOptions): Promise<InsightResult<StandardisedRateRow>> {
  const register = getRegister(opts.register);
  const by = checkBreakdown(opts.by);
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  const raw = await registerByAgeBand(wh, register.id, by, on);
  const rows: StandardisedRateRow[] = [];
  for (const [group, result] of standardise(raw)) {
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
  rows.sort(byGroup);
  return {
    rows,
    asAt: on,
    disclosure,
    definition:
      `${register.name} register rates per 100,000 by ${describeBreakdown(by)}, on ${on}. Register: ${register.definition} ${LIST_SIZE} ` +
      `Crude rate = register count / list size × 100,000. Directly age-standardised rate (DSR): age-specific rates in 19 five-year bands (0–4 … 90+) weighted by the European Standard Population 2013 (${ESP2013_SOURCE}); 95% confidence limits by Dobson's method with Byar's approximation. ` +
      `DSRs are not shown for fewer than 10 people on the register (PHE guidance). ${disclosureText(disclosure)}`,
  };
}

export interface SiiRow {
  by: 'imd_decile';
  sii: number | null;
  sii_lower: number | null;
  sii_upper: number | null;
  rii: number | null;
}

/** The slope index of inequality in the age-standardised register rate across IMD deciles. */
export async function slopeIndexOfInequality(wh: CohortEngine, opts: { register: RegisterId } & InsightOptions): Promise<InsightResult<SiiRow>> {
  const register = getRegister(opts.register);
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  const raw = await registerByAgeBand(wh, register.id, 'imd_decile', on);
  const byDecile = standardise(raw);
  const groups = [];
  let observed = 0;
  for (let d = 1; d <= 10; d++) {
    const r = byDecile.get(String(d));
    if (!r || r.rate === null) continue;
    observed += r.observed;
    groups.push({ rate: r.rate, population: r.population });
  }
  const result = controlCount(observed, disclosure) === null ? null : sii(groups);
  return {
    rows: [{ by: 'imd_decile', sii: result?.sii ?? null, sii_lower: result?.lower ?? null, sii_upper: result?.upper ?? null, rii: result?.rii ?? null }],
    asAt: on,
    disclosure,
    definition:
      `Slope index of inequality (SII) in the ${register.name.toLowerCase()} age-standardised register rate per 100,000 across IMD 2019 deciles, on ${on}: the modelled rate in the most deprived minus the least deprived, from a population-weighted regression of each decile's DSR (ESP 2013) on the mid-point of its cumulative population rank (0 = most deprived). ` +
      `Positive means higher rates in more deprived areas. 95% confidence interval from the regression's standard error (t on deciles − 2 degrees of freedom). RII = modelled rate at the most deprived end / least deprived end. Not shown when the register count is ${disclosure.threshold} or fewer.`,
  };
}

export interface CaseFindingRow {
  rule: CaseFindingRuleId;
  group: string | null;
  flagged: number | null;
  population: number | null;
}

/** How many registered adults each case-finding rule flags, by a breakdown. */
export async function caseFindingCounts(wh: CohortEngine, opts: { by: Breakdown; rule?: CaseFindingRuleId } & InsightOptions): Promise<InsightResult<CaseFindingRow>> {
  const by = checkBreakdown(opts.by);
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  const rules = opts.rule === undefined ? CASE_FINDING_RULE_IDS.map((id) => CASE_FINDING_RULES[id]) : [getRule(opts.rule)];
  const rows: CaseFindingRow[] = [];
  for (const rule of rules) {
    const raw = await cached(wh, 'caseFinding', { rule: rule.id, by, on }, () =>
      wh.measure(define_measure({ numerator: rule.flagged(on), denominator: eligibleAdults(on), group_by: { group: breakdownSeries(by, on) }, intervals: [{ start: on, end: on }] })),
    );
    const controlled = applyDisclosureControl(
      raw.map((r) => ({ rule: rule.id, group: groupText(r.group), flagged: r.numerator as number | null, population: r.denominator as number | null })),
      ['flagged', 'population'],
      disclosure,
    ).sort(byGroup);
    rows.push(...controlled);
  }
  return {
    rows,
    asAt: on,
    disclosure,
    definition:
      `People flagged by case finding by ${describeBreakdown(by)}, on ${on}; population = registered adults (18+) alive on the date. ` +
      rules.map((r) => `${r.name}: ${r.definition}`).join(' ') +
      ` ${disclosureText(disclosure)}`,
  };
}

export interface TrendRow {
  interval_start: string;
  interval_end: string;
  group: string | null;
  numerator: number | null;
  denominator: number | null;
  rate_per_1000: number | null;
}

/** Monthly recorded prevalence of a register over the last `months` months (one query). */
export async function trend(wh: CohortEngine, opts: { register: RegisterId; months: number; by?: Breakdown } & InsightOptions): Promise<InsightResult<TrendRow>> {
  const register = getRegister(opts.register);
  const by = checkBreakdown(opts.by ?? 'footprint');
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  if (!Number.isInteger(opts.months) || opts.months < 1 || opts.months > 120) throw new InsightInputError(`months must be a whole number from 1 to 120, got ${JSON.stringify(opts.months)}`);
  const end = INTERVAL.end_date;
  const raw = await cached(wh, 'trend', { register: register.id, by, on, months: opts.months }, () =>
    wh.measure(
      define_measure({
        numerator: registerSeries(register, end),
        denominator: registeredOn(end),
        group_by: { group: breakdownSeries(by, end) },
        intervals: monthly_intervals(on, opts.months),
      }),
    ),
  );
  const rows = applyDisclosureControl(
    raw.map((r) => ({ interval_start: r.interval_start, interval_end: r.interval_end, group: groupText(r.group), numerator: r.numerator as number | null, denominator: r.denominator as number | null, rate_per_1000: null as number | null })),
    ['numerator', 'denominator'],
    { ...disclosure, ratios: { rate_per_1000: { numerator: 'numerator', denominator: 'denominator', per: 1000 } } },
  ).sort((a, b) => (a.interval_start === b.interval_start ? byGroup(a, b) : a.interval_start < b.interval_start ? -1 : 1));
  return {
    rows,
    asAt: on,
    disclosure,
    definition:
      `${register.name} recorded prevalence at the end of each of the ${opts.months} calendar months up to ${on}, by ${describeBreakdown(by)}: register count (${register.definition}) over list size (registered and alive at the month's end), per 1,000. ${disclosureText(disclosure)}`,
  };
}

export interface FootprintProfile {
  pyramid: InsightResult<{ age_band: string; sex: string | null; people: number | null }>;
  deprivation: InsightResult<{ imd_decile: number | null; core20: boolean; people: number | null }>;
}

/** The registered population by age band and sex (a pyramid), and by IMD decile. */
export async function footprintProfile(wh: CohortEngine, opts: InsightOptions = {}): Promise<FootprintProfile> {
  const on = resolveOn(opts.on);
  const disclosure = resolveDisclosureOptions(opts.disclosure);
  const everyone = registeredOn(on);
  const [pyramidRaw, deprivationRaw] = await Promise.all([
    cached(wh, 'pyramid', { on }, () => wh.measure(define_measure({ numerator: everyone, denominator: everyone, group_by: { age_band: ageBand(on), sex: patients.sex }, intervals: [{ start: on, end: on }] }))),
    cached(wh, 'deprivation', { on }, () => wh.measure(define_measure({ numerator: everyone, denominator: everyone, group_by: { imd_decile: patients.imd_decile }, intervals: [{ start: on, end: on }] }))),
  ]);
  const bandOrder = (b: string) => AGE_BANDS.indexOf(b as (typeof AGE_BANDS)[number]);
  const pyramid = applyDisclosureControl(
    pyramidRaw.map((r) => ({ age_band: String(r.age_band), sex: groupText(r.sex), people: r.denominator as number | null })),
    ['people'],
    disclosure,
  ).sort((a, b) => bandOrder(a.age_band) - bandOrder(b.age_band) || String(a.sex).localeCompare(String(b.sex)));
  const deprivation = applyDisclosureControl(
    deprivationRaw.map((r) => ({ imd_decile: r.imd_decile as number | null, core20: r.imd_decile !== null && (r.imd_decile as number) <= 2, people: r.denominator as number | null })),
    ['people'],
    disclosure,
  ).sort((a, b) => (a.imd_decile ?? 99) - (b.imd_decile ?? 99));
  return {
    pyramid: { rows: pyramid, asAt: on, disclosure, definition: `Registered population on ${on} by five-year age band and sex. ${LIST_SIZE} ${disclosureText(disclosure)}` },
    deprivation: {
      rows: deprivation,
      asAt: on,
      disclosure,
      definition: `Registered population on ${on} by IMD 2019 decile of the LSOA of residence (1 = most deprived; null = not known). Core20 = deciles 1–2, the most deprived 20% nationally. ${disclosureText(disclosure)}`,
    },
  };
}

/**
 * Computes the common dashboard figures into the per-build cache (run in the background after the
 * server starts or a warehouse build), so the first dashboard visit is answered from memory.
 * Returns how many figures were computed and how long it took.
 */
export async function prewarmDashboard(wh: CohortEngine, opts: InsightOptions & { breakdowns?: Breakdown[]; trendMonths?: number } = {}): Promise<{ figures: number; seconds: number }> {
  const started = performance.now();
  const breakdowns = opts.breakdowns ?? ['footprint', 'place', 'practice', 'imd_decile'];
  const base = { on: opts.on, disclosure: opts.disclosure };
  let figures = 0;
  const run = async (p: Promise<unknown>) => {
    await p;
    figures++;
  };
  await run(footprintProfile(wh, base));
  for (const by of breakdowns) {
    await run(caseFindingCounts(wh, { ...base, by }));
    for (const register of Object.keys(REGISTERS) as RegisterId[]) await run(registerPrevalence(wh, { ...base, register, by }));
  }
  for (const register of ['hypertension', 'diabetes'] as RegisterId[]) await run(trend(wh, { ...base, register, months: opts.trendMonths ?? 24 }));
  return { figures, seconds: (performance.now() - started) / 1000 };
}
