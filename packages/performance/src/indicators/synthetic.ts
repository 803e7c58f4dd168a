import { rateLimits, wilsonInterval } from '@footprint/statistics';
import type { IndicatorDefinition, IndicatorValue } from '../types';
import { listIndicators } from './catalogue';

/**
 * The demo's synthetic national series: made-up but plausible monthly values for the catalogue's
 * imported indicators (A&E four-hour, RTT 18 weeks, cancer 62-day, finance against plan and the
 * rest of origin 'import'), for England, the footprint and each place, as the indicator allows.
 * Deterministic: the random numbers come from a generator seeded by indicator and area, so every
 * run gives the same values. Each series has a visible shift or trend so SPC shows special cause
 * variation. Every value is synthetic=true with the note SYNTHETIC_NOTE.
 */

export const SYNTHETIC_NOTE = 'Synthetic: made up for the demo';
/** The series end with the last complete month before this date. */
export const SYNTHETIC_REFERENCE_DATE = '2026-10-01';
export const SYNTHETIC_MONTHS = 36;
export const ENGLAND_CODE = 'E92000001';

export interface SyntheticArea {
  code: string;
}

export interface SyntheticInput {
  /** The footprint's ONS code (E54…). */
  footprint: string;
  /** The footprint's places (local authority district codes). */
  places: readonly string[];
  referenceDate?: string;
  months?: number;
}

/** A proportion model: percentage, monthly change, a step from a month on, the spread month to month, and the monthly denominator of the footprint. */
interface ProportionModel {
  kind: 'proportion';
  start: number;
  slope: number;
  step: { from: number; by: number };
  /** Extra month-to-month variation of the underlying percentage (percentage points, sd). */
  spread: number;
  denominator: number;
  englandDenominator: number;
  /** Winter dip in percentage points (December–February). */
  winter?: number;
}
interface MeanModel {
  kind: 'mean';
  start: number;
  slope: number;
  step: { from: number; by: number };
  spread: number;
  decimals: number;
}
interface RateModel {
  kind: 'rate';
  /** Per multiplier (per million for inpatients). */
  start: number;
  slope: number;
  step: { from: number; by: number };
  spread: number;
  population: number;
  englandPopulation: number;
}
type Model = ProportionModel | MeanModel | RateModel;

const MODELS: Record<string, Model> = {
  // Around 72% with a winter dip, then a step up of 4 points two-thirds through (a shift of improvement).
  'ae-four-hour-performance': { kind: 'proportion', start: 71.5, slope: 0, step: { from: 22, by: 4.5 }, spread: 0.9, denominator: 62_000, englandDenominator: 2_200_000, winter: 2.5 },
  // Around 57%, rising slowly throughout (a trend).
  'rtt-18-weeks': { kind: 'proportion', start: 57, slope: 0.05, step: { from: 26, by: 0 }, spread: 0.5, denominator: 310_000, englandDenominator: 7_500_000 },
  // Around 67%, then a drop of 5 points (a shift of concern).
  'cancer-62-day': { kind: 'proportion', start: 68, slope: 0, step: { from: 24, by: -5 }, spread: 1.5, denominator: 950, englandDenominator: 24_000 },
  // Maternity units meeting all ten safety actions: of 8 units, rising.
  'maternity-safety-standards': { kind: 'proportion', start: 50, slope: 0.6, step: { from: 18, by: 12 }, spread: 6, denominator: 8, englandDenominator: 120 },
  // £ million against plan: close to plan, then slipping into deficit.
  'finance-against-plan': { kind: 'mean', start: -0.5, slope: -0.02, step: { from: 25, by: -3 }, spread: 0.9, decimals: 1 },
  'mental-health-investment-standard': { kind: 'mean', start: 0.6, slope: 0, step: { from: 20, by: -0.9 }, spread: 0.35, decimals: 2 },
  // Per million adults, falling (Low is good).
  'learning-disability-inpatients': { kind: 'rate', start: 58, slope: -0.35, step: { from: 12, by: 0 }, spread: 2, population: 2_000_000, englandPopulation: 45_000_000 },
};

const GENERIC: Record<IndicatorDefinition['statistic'], Model> = {
  proportion: { kind: 'proportion', start: 60, slope: 0, step: { from: 24, by: 4 }, spread: 1, denominator: 5_000, englandDenominator: 150_000 },
  'crude-rate': { kind: 'rate', start: 50, slope: 0, step: { from: 24, by: -6 }, spread: 2, population: 2_000_000, englandPopulation: 45_000_000 },
  'directly-standardised-rate': { kind: 'rate', start: 120, slope: 0, step: { from: 24, by: -10 }, spread: 4, population: 2_000_000, englandPopulation: 45_000_000 },
  'indirectly-standardised-ratio': { kind: 'mean', start: 100, slope: 0, step: { from: 24, by: -6 }, spread: 2, decimals: 1 },
  mean: { kind: 'mean', start: 10, slope: 0, step: { from: 24, by: 2 }, spread: 0.8, decimals: 1 },
  count: { kind: 'mean', start: 100, slope: 0, step: { from: 24, by: 15 }, spread: 6, decimals: 0 },
};

/** The catalogue's imported indicators: the ones the synthetic series are for. */
export function syntheticIndicatorIds(): string[] {
  return listIndicators()
    .filter((i) => i.origin === 'import')
    .map((i) => i.id);
}

/** The `months` months ending with the last complete month before `referenceDate` (YYYY-MM-DD), oldest first. */
export function syntheticPeriods(referenceDate = SYNTHETIC_REFERENCE_DATE, months = SYNTHETIC_MONTHS): string[] {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(referenceDate);
  if (!match) throw new RangeError(`the reference date must be YYYY-MM-DD, got ${referenceDate}`);
  const last = Number(match[1]) * 12 + (Number(match[2]) - 1) - 1;
  return Array.from({ length: months }, (_v, i) => {
    const m = last - (months - 1) + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** A 32-bit hash of a string (FNV-1a), for seeding. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), 1e-12);
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

function level(model: Model, month: number, period: string, offset: number): number {
  const base = model.start + offset + model.slope * month + (month >= model.step.from ? model.step.by : 0);
  const winter = model.kind === 'proportion' && model.winter && ['12', '01', '02'].includes(period.slice(5)) ? -model.winter : 0;
  return base + winter;
}

interface AreaPlan {
  code: string;
  areaType: IndicatorValue['areaType'];
  /** Share of the footprint's denominator (1 for the footprint, the England figure for England). */
  size: number;
  /** Percentage-point (or unit) offset from the footprint's level. */
  offset: number;
}

function seriesFor(indicator: IndicatorDefinition, model: Model, area: AreaPlan, periods: readonly string[]): IndicatorValue[] {
  const random = generator(hash(`${indicator.id}|${area.code}`));
  const z = normal(random);
  const blank = { breakdown: '', note: SYNTHETIC_NOTE, synthetic: true, indicatorId: indicator.id, areaCode: area.code, areaType: area.areaType };
  return periods.map((period, month) => {
    const target = level(model, month, period, area.offset) + z() * model.spread;
    if (model.kind === 'mean') {
      return { ...blank, period, value: round(target, model.decimals), numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null };
    }
    if (model.kind === 'rate') {
      const population = Math.round(area.size);
      const expected = Math.max(0, (target / indicator.multiplier) * population);
      const count = Math.max(0, Math.round(expected + z() * Math.sqrt(expected)));
      const ci95 = rateLimits(count, population, indicator.multiplier, 0.95);
      const ci998 = rateLimits(count, population, indicator.multiplier, 0.998);
      return { ...blank, period, value: round(ci95.value), numerator: count, denominator: population, lower95: round(ci95.lower), upper95: round(ci95.upper), lower998: round(ci998.lower), upper998: round(ci998.upper) };
    }
    const denominator = Math.max(1, Math.round(area.size * (1 + z() * 0.03)));
    const p = Math.min(0.995, Math.max(0.005, target / 100));
    const numerator = Math.min(denominator, Math.max(0, Math.round(denominator * p + z() * Math.sqrt(denominator * p * (1 - p)))));
    const ci95 = wilsonInterval(numerator, denominator, 0.95, indicator.multiplier);
    const ci998 = wilsonInterval(numerator, denominator, 0.998, indicator.multiplier);
    return { ...blank, period, value: round(ci95.value), numerator, denominator, lower95: round(ci95.lower), upper95: round(ci95.upper), lower998: round(ci998.lower), upper998: round(ci998.upper) };
  });
}

/** Sums the places' numerators and denominators month by month into the footprint's proportions. */
function sumOfPlaces(indicator: IndicatorDefinition, footprint: string, places: IndicatorValue[][]): IndicatorValue[] {
  return places[0]!.map((first, month) => {
    const numerator = places.reduce((sum, s) => sum + (s[month]!.numerator ?? 0), 0);
    const denominator = places.reduce((sum, s) => sum + (s[month]!.denominator ?? 0), 0);
    const ci95 = wilsonInterval(numerator, denominator, 0.95, indicator.multiplier);
    const ci998 = wilsonInterval(numerator, denominator, 0.998, indicator.multiplier);
    return { ...first, areaCode: footprint, areaType: 'footprint' as const, value: round(ci95.value), numerator, denominator, lower95: round(ci95.lower), upper95: round(ci95.upper), lower998: round(ci998.lower), upper998: round(ci998.upper) };
  });
}

/** Every synthetic value for the imported indicators, for England, the footprint and its places. */
export function syntheticNationalSeries(input: SyntheticInput): IndicatorValue[] {
  const periods = syntheticPeriods(input.referenceDate, input.months);
  const out: IndicatorValue[] = [];
  for (const id of syntheticIndicatorIds()) {
    const indicator = listIndicators().find((i) => i.id === id)!;
    const model = MODELS[id] ?? GENERIC[indicator.statistic];
    const footprintSize = model.kind === 'proportion' ? model.denominator : model.kind === 'rate' ? model.population : 1;
    const englandSize = model.kind === 'proportion' ? model.englandDenominator : model.kind === 'rate' ? model.englandPopulation : 1;
    if (indicator.areaTypes.includes('england')) {
      out.push(...seriesFor(indicator, model, { code: ENGLAND_CODE, areaType: 'england', size: englandSize, offset: model.kind === 'mean' ? 0.3 : 1.5 }, periods));
    }
    const placeSeries: IndicatorValue[][] = [];
    if (indicator.areaTypes.includes('place') && input.places.length > 0) {
      const weights = input.places.map((code) => 0.5 + (hash(`weight|${code}`) % 1000) / 1000);
      const total = weights.reduce((a, b) => a + b, 0);
      input.places.forEach((code, i) => {
        const offset = ((hash(`offset|${id}|${code}`) % 1000) / 1000 - 0.5) * 8;
        placeSeries.push(seriesFor(indicator, model, { code, areaType: 'place', size: (footprintSize * weights[i]!) / total, offset }, periods));
      });
    }
    if (indicator.areaTypes.includes('footprint')) {
      const summed = model.kind === 'proportion' && placeSeries.length > 0;
      out.push(...(summed ? sumOfPlaces(indicator, input.footprint, placeSeries) : seriesFor(indicator, model, { code: input.footprint, areaType: 'footprint', size: footprintSize, offset: 0 }, periods)));
    }
    for (const series of placeSeries) out.push(...series);
  }
  return out;
}
