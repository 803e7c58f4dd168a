import { beforeAll, describe, expect, it } from 'vitest';
import { lsoas } from '../src/data';
import { conditionsFile, interpolate, populationFile } from '../src/parameters';
import { collect, type Collected } from './collect';
import type { GroundTruthRecord } from '../src/generate';

/**
 * Statistical checks on an England-wide run (prevalence against the QOF-based bands) and a
 * Cheshire and Merseyside run (marginals against the inputs, the deprivation gradient).
 */
const ENGLAND_PEOPLE = 40_000;
const CM_PEOPLE = 30_000;

/** Standard error of a proportion, for tolerances that scale with the sample. */
const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

const has = (r: GroundTruthRecord, id: string, diagnosedOnly = false) => r.conditions.some((c) => c.condition === id && (!diagnosedOnly || c.diagnosed));

const BANDS = [0, 16, 40, 60, 75, 200];
const bandOf = (age: number) => BANDS.findIndex((b, i) => age >= b && age < BANDS[i + 1]);

/** Directly age-standardised rate of a per-person value among `people`, weighted to `standard` people's age bands. */
function standardised(people: GroundTruthRecord[], standard: GroundTruthRecord[], value: (r: GroundTruthRecord) => number): number {
  let total = 0;
  for (let b = 0; b < BANDS.length - 1; b++) {
    const group = people.filter((r) => bandOf(r.age) === b);
    const weight = standard.filter((r) => bandOf(r.age) === b).length / standard.length;
    if (group.length) total += (weight * group.reduce((s, r) => s + value(r), 0)) / group.length;
  }
  return total;
}

describe('England-wide prevalence', () => {
  let run: Collected;
  beforeAll(async () => {
    run = await collect({ footprint: 'england', people: ENGLAND_PEOPLE, seed: 2024 });
  });

  for (const condition of conditionsFile().conditions) {
    it(`${condition.id}: recorded prevalence within ${condition.recordedBand.map((x) => (x * 100).toFixed(2)).join('–')}%`, () => {
      const denominator = run.truth.filter((r) => r.age >= condition.minDenominatorAge);
      const recorded = denominator.filter((r) => has(r, condition.id, true)).length / denominator.length;
      expect(recorded).toBeGreaterThanOrEqual(condition.recordedBand[0]);
      expect(recorded).toBeLessThanOrEqual(condition.recordedBand[1]);
    });

    it(`${condition.id}: undiagnosed fraction ${condition.undiagnosed} as configured`, () => {
      const cases = run.truth.flatMap((r) => r.conditions.filter((c) => c.condition === condition.id));
      const undiagnosed = cases.filter((c) => !c.diagnosed).length / cases.length;
      expect(Math.abs(undiagnosed - condition.undiagnosed)).toBeLessThanOrEqual(4 * se(condition.undiagnosed, cases.length) + 0.005);
    });
  }

  it('clusters multimorbidity: people with diabetes have more other conditions than expected by chance', () => {
    const others = (r: GroundTruthRecord) => r.conditions.filter((c) => c.condition !== 'type-2-diabetes').length;
    const adults = run.truth.filter((r) => r.age >= 40);
    const withDm = adults.filter((r) => has(r, 'type-2-diabetes'));
    const without = adults.filter((r) => !has(r, 'type-2-diabetes'));
    expect(standardised(withDm, adults, others)).toBeGreaterThan(1.3 * standardised(without, adults, others));
  });
});

describe('Cheshire and Merseyside marginals and deprivation gradient', () => {
  let run: Collected;
  beforeAll(async () => {
    run = await collect({ footprint: 'cheshire-and-merseyside', people: CM_PEOPLE, seed: 42 });
  });

  it('spreads people over LSOAs and places in proportion to their population', () => {
    const places = new Set(run.ctx.footprint.places.map((p) => p.ladCode));
    const inputs = lsoas().filter((l) => places.has(l.ladCode));
    const total = inputs.reduce((s, l) => s + l.population, 0);
    const counts = new Map<string, number>();
    for (const r of run.truth) counts.set(r.lsoa, (counts.get(r.lsoa) ?? 0) + 1);
    let worst = 0;
    for (const l of inputs) worst = Math.max(worst, Math.abs((counts.get(l.code) ?? 0) - (l.population * CM_PEOPLE) / total));
    expect(worst).toBeLessThanOrEqual(1);
    const byPlace = new Map<string, number>();
    for (const l of inputs) byPlace.set(l.ladCode, (byPlace.get(l.ladCode) ?? 0) + (counts.get(l.code) ?? 0));
    for (const code of places) {
      const expected = inputs.filter((l) => l.ladCode === code).reduce((s, l) => s + l.population, 0) / total;
      expect(Math.abs(byPlace.get(code)! / CM_PEOPLE - expected)).toBeLessThan(0.001);
    }
  });

  it('matches the age bands of the inputs and the sex ratio by age', () => {
    const places = new Set(run.ctx.footprint.places.map((p) => p.ladCode));
    const inputs = lsoas().filter((l) => places.has(l.ladCode));
    const total = inputs.reduce((s, l) => s + l.population0to15 + l.population16to59 + l.population60plus, 0);
    const expected = [
      inputs.reduce((s, l) => s + l.population0to15, 0) / total,
      inputs.reduce((s, l) => s + l.population16to59, 0) / total,
      inputs.reduce((s, l) => s + l.population60plus, 0) / total,
    ];
    const observed = [
      run.truth.filter((r) => r.age <= 15).length / CM_PEOPLE,
      run.truth.filter((r) => r.age >= 16 && r.age <= 59).length / CM_PEOPLE,
      run.truth.filter((r) => r.age >= 60).length / CM_PEOPLE,
    ];
    observed.forEach((o, i) => expect(Math.abs(o - expected[i])).toBeLessThan(4 * se(expected[i], CM_PEOPLE)));
    const male = populationFile().maleShare;
    for (const [from, to] of [[0, 15], [16, 59], [60, 79], [80, 100]]) {
      const group = run.truth.filter((r) => r.age >= from && r.age <= to);
      const expectedMale = group.reduce((s, r) => s + interpolate(male, r.age), 0) / group.length;
      const observedMale = group.filter((r) => r.sex === 'male').length / group.length;
      expect(Math.abs(observedMale - expectedMale)).toBeLessThan(4 * se(expectedMale, group.length));
    }
  });

  it('shapes single years within the 60+ band: many more people in their sixties than their nineties', () => {
    const sixties = run.truth.filter((r) => r.age >= 60 && r.age < 70).length;
    const nineties = run.truth.filter((r) => r.age >= 90).length;
    expect(nineties).toBeGreaterThan(0);
    expect(sixties / nineties).toBeGreaterThan(6);
    expect(Math.max(...run.truth.map((r) => r.age))).toBeLessThanOrEqual(100);
  });

  it('has higher age-standardised prevalence in IMD decile 1 than decile 10', () => {
    const d1 = run.truth.filter((r) => r.imdDecile === 1);
    const d10 = run.truth.filter((r) => r.imdDecile === 10);
    expect(d1.length).toBeGreaterThan(500);
    expect(d10.length).toBeGreaterThan(500);
    const conditionsPerPerson = (r: GroundTruthRecord) => r.conditions.length;
    expect(standardised(d1, run.truth, conditionsPerPerson)).toBeGreaterThan(1.15 * standardised(d10, run.truth, conditionsPerPerson));
    for (const id of ['type-2-diabetes', 'copd', 'depression', 'obesity']) {
      const rate = (r: GroundTruthRecord) => (has(r, id) ? 1 : 0);
      expect(standardised(d1, run.truth, rate), id).toBeGreaterThan(standardised(d10, run.truth, rate));
    }
  });

  it('has more emergency admissions per person in IMD decile 1 than decile 10, and more among the frail', () => {
    const perPerson = (r: GroundTruthRecord) => run.admissions.get(r.patient) ?? 0;
    const d1 = run.truth.filter((r) => r.imdDecile === 1);
    const d10 = run.truth.filter((r) => r.imdDecile === 10);
    expect(standardised(d1, run.truth, perPerson)).toBeGreaterThan(1.2 * standardised(d10, run.truth, perPerson));
    const old = run.truth.filter((r) => r.age >= 75);
    const frail = old.filter((r) => has(r, 'frailty'));
    const fit = old.filter((r) => !has(r, 'frailty'));
    const mean = (g: GroundTruthRecord[]) => g.reduce((s, r) => s + perPerson(r), 0) / g.length;
    expect(mean(frail)).toBeGreaterThan(1.5 * mean(fit));
  });
});
