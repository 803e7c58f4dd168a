import { describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_STP_CONFIGURATION, OversightEngine, quartileScores, RatingInputError, scoreAgainstCutPoints, stpCategory, StpDashboardEngine, type OversightBody, type OversightConfiguration, type StpDashboardConfiguration } from '../../src';

const reading = (value: number | null, period = '2026-10') => ({ value, period });

const STP: StpDashboardConfiguration = {
  illustrative: false,
  note: '',
  domains: [
    {
      id: 'hospital-performance',
      name: 'Hospital performance',
      weight: 1,
      indicators: [
        { indicatorId: 'ae', name: 'A&E', unit: '%', polarity: 'RAG - High is good', weight: 1, cutPoints: [95, 90, 85] },
        { indicatorId: 'admissions', name: 'Admissions', unit: 'per 1,000', polarity: 'RAG - Low is good', weight: 3, cutPoints: [7, 8, 9] },
      ],
    },
    { id: 'transformation', name: 'Transformation', weight: 3, indicators: [{ indicatorId: 'finance', name: 'Finance', unit: '£ million', polarity: 'RAG - High is good', weight: 1, cutPoints: [0, -10, -20] }] },
  ],
  categoryCutPoints: [1.5, 2.5, 3.5],
  minimumCoverage: 0.5,
};

describe('scoring against cut points', () => {
  it('gives a value on a cut point the better score, either polarity', () => {
    expect([95, 94.9, 90, 85, 84.9].map((v) => scoreAgainstCutPoints(v, 'RAG - High is good', [95, 90, 85]))).toEqual([1, 2, 2, 3, 4]);
    expect([7, 7.01, 8, 9, 9.01].map((v) => scoreAgainstCutPoints(v, 'RAG - Low is good', [7, 8, 9]))).toEqual([1, 2, 2, 3, 4]);
  });
  it('maps overall scores to the four categories at the cut-point edges', () => {
    expect([1, 1.5, 1.51, 2.5, 3.5, 3.51, 4].map((s) => stpCategory(s, [1.5, 2.5, 3.5]).label)).toEqual(['Outstanding', 'Outstanding', 'Advanced', 'Advanced', 'Making progress', 'Needs most improvement', 'Needs most improvement']);
  });
});

describe('the STP progress dashboard engine', () => {
  const engine = new StpDashboardEngine(STP);

  it('weights indicators within domains and domains overall, and explains each', () => {
    // A&E 92 → 2 (weight 1), admissions 7.5 → 2 (weight 3): hospital 2. Finance −12 → 3: transformation 3.
    // Overall (2×1 + 3×3) / 4 = 2.75 → Category 3 Making progress.
    const result = engine.rate({ subject: 'E54000008', readings: { ae: reading(92), admissions: reading(7.5), finance: reading(-12) } });
    expect(result.computed).toBe(true);
    expect(result.score).toBeCloseTo(2.75, 10);
    expect(result.rating).toEqual({ value: '3', rank: 3, label: 'Making progress' });
    expect(result.domains.map((d) => [d.id, d.score, d.weight])).toEqual([['hospital-performance', 2, 1], ['transformation', 3, 3]]);
    expect(result.domains[0].items.map((i) => [i.id, i.value, i.score, i.weight])).toEqual([['ae', 92, 2, 1], ['admissions', 7.5, 2, 3]]);
    expect(result.domains[0].items[0].text).toBe('A&E: 92 % (2026-10) scores 2 of 4 (cut points 95, 90, 85; high is good); weight 1 of 4.');
    expect(result.domains[1].text).toBe('Transformation: weighted score 3 (1 best, 4 worst) from 1 of 1 indicators; domain weight 3.');
    expect(result.summary).toContain('Computed Category 3 – Making progress: overall weighted score 2.75');
    expect(result.notes).toEqual([]);
  });

  it('lands on the better category exactly at a cut point', () => {
    // Hospital: A&E 95 → 1, admissions 7 → 1: 1. Transformation finance −10 → 2. (1 + 2×3)/4 = 1.75 → not ≤ 1.5 → Advanced.
    expect(engine.rate({ subject: 'x', readings: { ae: reading(95), admissions: reading(7), finance: reading(-10) } }).rating?.value).toBe('2');
    // Finance 0 → 1: overall 1 → Outstanding. Weighted 1.5 exactly: hospital 3 (A&E 85, adm 9), finance 0 → (3 + 3)/4 = 1.5.
    expect(engine.rate({ subject: 'x', readings: { ae: reading(85), admissions: reading(9), finance: reading(0) } }).score).toBe(1.5);
    expect(engine.rate({ subject: 'x', readings: { ae: reading(85), admissions: reading(9), finance: reading(0) } }).rating?.label).toBe('Outstanding');
  });

  it('leaves out indicators without values, says so, and refuses to rate below the coverage needed', () => {
    const partial = engine.rate({ subject: 'x', readings: { admissions: reading(9.5), finance: reading(-30) } });
    expect(partial.domains[0].items[0]).toMatchObject({ value: null, score: null, text: 'A&E: no value, so left out of hospital performance.' });
    expect(partial.domains[0].score).toBe(4);
    expect(partial.rating?.label).toBe('Needs most improvement');
    expect(partial.notes).toContain('1 of 3 indicators had no value and were left out; the weights of the rest were rescaled.');
    // Only A&E (a quarter of hospital performance, itself a quarter of the weight): 6% covered.
    const thin = engine.rate({ subject: 'x', readings: { ae: reading(99) } });
    expect(thin.rating).toBeNull();
    expect(thin.summary).toBe('Not rated: indicators with values carry 6% of the weight, below the 50% needed.');
  });

  it('says the default configuration is illustrative, not NHS England’s, with the three published domains', () => {
    const result = new StpDashboardEngine().rate({ subject: 'x', readings: {} });
    expect(ILLUSTRATIVE_STP_CONFIGURATION.illustrative).toBe(true);
    expect(result.notes[0]).toMatch(/Illustrative.*NHS England did not publish/);
    expect(result.domains.map((d) => d.name)).toEqual(['Hospital performance', 'Patient-focused change', 'Transformation']);
  });

  it('refuses a configuration with disordered cut points or no weight', () => {
    const bad = { ...STP, categoryCutPoints: [2, 1, 3] as const, domains: [{ ...STP.domains[0], weight: 0 }] };
    expect(() => new StpDashboardEngine(bad)).toThrow(RatingInputError);
    expect(() => new StpDashboardEngine(bad)).toThrow('domain hospital-performance: weight must be above 0; category cut points: cut points must ascend (low is good), got 2, 1, 3');
  });
});

const OVERSIGHT: OversightConfiguration = {
  illustrative: false,
  note: '',
  metrics: [
    { indicatorId: 'ae', name: 'A&E', unit: '%', polarity: 'RAG - High is good', cutPoints: [78, 75, 70] },
    { indicatorId: 'admissions', name: 'Admissions', unit: 'per 1,000', polarity: 'RAG - Low is good', cutPoints: [7, 8, 9] },
  ],
  metricScoring: 'quartile',
  segmentation: { method: 'quartile' },
  financialOverride: { indicatorId: 'finance', name: 'Finance', below: 0, bestSegment: 3 },
  minimumMetrics: 1,
};

const body = (code: string, ae: number | null, admissions: number | null, finance: number | null = 1): OversightBody => ({ code, name: `Body ${code}`, readings: { ae: reading(ae), admissions: reading(admissions), finance: reading(finance) } });

describe('quartile scores', () => {
  it('puts position p of n in quartile ⌊4p/n⌋ + 1, ties sharing the better', () => {
    const scores = quartileScores(new Map([['a', 10], ['b', 9], ['c', 9], ['d', 5], ['e', 4], ['f', 1], ['g', 0], ['h', -1]]), true);
    expect([...scores.values()]).toEqual([1, 1, 1, 2, 3, 3, 4, 4]);
    expect([...quartileScores(new Map([['a', 10], ['b', 1]]), false).values()]).toEqual([3, 1]);
  });
});

describe('the oversight segmentation engine', () => {
  // Averages: A (80→1, 6→1) 1; B (76→2, 7→2) 2; C (72→3, 8→3) 3; D (60→4, 9→4) 4.
  const bodies = [body('D', 60, 9), body('B', 76, 7), body('A', 80, 6, -5), body('C', 72, 8)];

  it('scores by quartile, averages and segments by quartile, with the override capping a body in deficit', () => {
    const engine = new OversightEngine(OVERSIGHT);
    const a = engine.rate({ subject: 'A', bodies });
    expect(a.rating?.value).toBe('3');
    expect(a.score).toBe(1);
    expect(a.domains[0].items.map((i) => i.score)).toEqual([1, 1]);
    expect(a.domains[0].items[0].text).toBe('A&E: 80 % scores 1 (first quartile of 4 bodies; high is good).');
    expect(a.domains[1]).toMatchObject({ id: 'financial-override', rating: 'applied', text: 'Finance: -5 £ million is below 0, so the segment can be no better than 3: segment 1 became 3.' });
    expect(a.summary).toBe('Computed segment 3 (after the financial override): average metric score 1, position 2 of 4 in the league table.');
    const b = engine.rate({ subject: 'B', bodies });
    expect(b.rating?.value).toBe('2');
    expect(b.domains[1]).toMatchObject({ rating: 'not triggered', text: 'Finance: 1 £ million is not below 0: no override.' });
    // D is in deficit too but already in segment 4.
    const d = engine.rate({ subject: 'D', bodies: bodies.map((x) => (x.code === 'D' ? body('D', 60, 9, -1) : x)) });
    expect(d.domains[1]).toMatchObject({ rating: 'triggered, no change', text: 'Finance: -1 £ million is below 0, so the segment can be no better than 3; it was already 4.' });
    expect(d.rating?.value).toBe('4');
  });

  it('ranks the league table by segment, then average score', () => {
    const table = new OversightEngine(OVERSIGHT).leagueTable(bodies);
    expect(table.map((r) => [r.position, r.code, r.segment, r.averageScore, r.overridden])).toEqual([
      [1, 'B', 2, 2, false],
      [2, 'A', 3, 1, true],
      [3, 'C', 3, 3, false],
      [4, 'D', 4, 4, false],
    ]);
  });

  it('scores by fixed thresholds and segments by fixed cut points when so configured', () => {
    const engine = new OversightEngine({ ...OVERSIGHT, metricScoring: 'thresholds', segmentation: { method: 'thresholds', cutPoints: [1.5, 2.5, 3.5] }, financialOverride: null });
    // E: A&E 75 → 2 (on a cut point), admissions 9.5 → 4: average 3 → segment 3.
    const only = [body('E', 75, 9.5), body('F', 78, 7)];
    const e = engine.rate({ subject: 'E', bodies: only });
    expect(e.domains[0].items.map((i) => i.score)).toEqual([2, 4]);
    expect(e.rating?.value).toBe('3');
    expect(e.domains).toHaveLength(1);
    expect(engine.leagueTable(only).map((r) => [r.code, r.segment])).toEqual([['F', 1], ['E', 3]]);
  });

  it('leaves a body with no values unsegmented and last, and notes coarse quartiles', () => {
    const engine = new OversightEngine(OVERSIGHT);
    const few = [body('A', 80, 6), body('Z', null, null, null)];
    const z = engine.rate({ subject: 'Z', bodies: few });
    expect(z.rating).toBeNull();
    expect(z.domains[1]).toMatchObject({ rating: 'not tested', text: 'Finance: no value, so the financial override was not tested.' });
    expect(z.notes).toContain('Only 2 bodies compared: quartiles are coarse.');
    expect(engine.rate({ subject: 'A', bodies: few }).domains[0].items[0].text).toBe('A&E: 80 % scores 1 (the only body with a value; high is good).');
    expect(engine.leagueTable(few).map((r) => r.code)).toEqual(['A', 'Z']);
    expect(() => engine.rate({ subject: 'Q', bodies: few })).toThrow('the subject Q is not among the bodies compared');
  });

  it('refuses thresholds scoring without cut points', () => {
    expect(() => new OversightEngine({ ...OVERSIGHT, metricScoring: 'thresholds', metrics: [{ indicatorId: 'x', name: 'X', unit: '', polarity: 'RAG - Low is good' }] })).toThrow('metric x: scoring by thresholds needs cut points');
  });
});
