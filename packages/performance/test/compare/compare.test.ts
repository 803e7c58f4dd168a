import { funnelSignificance, wilsonInterval } from '@footprint/statistics';
import { describe, expect, it } from 'vitest';
import { compareAreas, ComparisonInputError, findIndicator, type IndicatorDefinition, type IndicatorValue } from '../../src';
import { value } from '../scorecard/values';

const CM = 'E54000008';
const footprint = {
  code: CM,
  name: 'Cheshire and Merseyside',
  places: [
    { code: 'E08000012', name: 'Liverpool' },
    { code: 'E08000015', name: 'Wirral' },
    { code: 'E08000014', name: 'Sefton' },
  ],
};
const HTN = findIndicator('hypertension-treated-to-target')!;
const PREVALENCE = findIndicator('register-prevalence-hypertension')!;
const ADMISSIONS = findIndicator('emergency-admissions-per-1000')!;
const FINANCE = findIndicator('finance-against-plan')!;

/** A value from numerator and denominator, without limits (so compareAreas computes them). */
const counted = (indicator: IndicatorDefinition, code: string, type: IndicatorValue['areaType'], period: string, n: number, d: number, over: Partial<IndicatorValue> = {}) =>
  value(indicator.id, code, type, period, (n / d) * indicator.multiplier, { numerator: n, denominator: d, ...over });

const PLACES: IndicatorValue[] = [
  value(HTN.id, CM, 'footprint', '2024-09', 60, { lower95: 59.5, upper95: 60.5 }),
  counted(HTN, 'E08000012', 'place', '2024-09', 1500, 2000),
  counted(HTN, 'E08000015', 'place', '2024-09', 1000, 2000),
  counted(HTN, 'E08000014', 'place', '2024-09', 1210, 2000),
  // Not a place of the footprint: left out.
  counted(HTN, 'E06000049', 'place', '2024-09', 10, 2000),
  // An older period.
  counted(HTN, 'E08000012', 'place', '2024-08', 1400, 2000),
];

describe('comparing places', () => {
  it('compares each place with the footprint by its 95% interval and the polarity', async () => {
    const c = await compareAreas({ indicator: HTN, values: PLACES, level: 'places', footprint });
    expect(c.period).toBe('2024-09');
    expect(c.periods).toEqual(['2024-09', '2024-08']);
    expect(c.benchmark).toMatchObject({ code: CM, type: 'footprint', value: 60 });
    expect(c.rows.map((r) => [r.area.name, r.comparison])).toEqual([
      ['Liverpool', 'Better'],
      ['Sefton', 'Similar'],
      ['Wirral', 'Worse'],
    ]);
    const liverpool = c.rows[0];
    const wilson = wilsonInterval(1500, 2000, 0.95, 100);
    expect(liverpool.limitsComputed).toBe(true);
    expect(liverpool.lower95).toBeCloseTo(wilson.lower, 12);
    expect(liverpool.upper998).toBeCloseTo(wilsonInterval(1500, 2000, 0.998, 100).upper, 12);
    expect(c.counts).toEqual({ Better: 1, Similar: 1, Worse: 1 });
  });

  it('draws the funnel around the places’ own average, labelling each as assign_funnel_significance does', async () => {
    const c = await compareAreas({ indicator: HTN, values: PLACES, level: 'places', footprint, period: '2024-09' });
    const f = c.funnel!;
    expect(f.statistic).toBe('proportion');
    expect(f.average).toBeCloseTo((3710 / 6000) * 100, 10);
    expect(f.lower95).toHaveLength(100);
    // Each line is drawn in x order, and the 99.8% lines lie outside the 95% ones.
    expect(f.upper95.map((p) => p[0])).toEqual([...f.upper95.map((p) => p[0])].sort((a, b) => a - b));
    f.upper95.forEach(([, y], i) => expect(f.upper998[i][1]).toBeGreaterThanOrEqual(y));
    const expected = funnelSignificance(
      [
        { numerator: 1500, denominator: 2000 },
        { numerator: 1210, denominator: 2000 },
        { numerator: 1000, denominator: 2000 },
      ],
      { statistic: 'proportion', multiplier: 100 },
    );
    expect(c.rows.map((r) => r.significance)).toEqual(expected);
    expect(expected).toEqual(['High (0.001)', 'Not significant', 'Low (0.001)']);
    expect(c.rows.map((r) => r.funnelX)).toEqual([2000, 2000, 2000]);
  });

  it('keeps Higher and Lower for a Blue-orange-blue indicator', async () => {
    const values = [
      value(PREVALENCE.id, CM, 'footprint', '2024-09', 14, { lower95: 13.9, upper95: 14.1 }),
      counted(PREVALENCE, 'E08000012', 'place', '2024-09', 1800, 10000),
      counted(PREVALENCE, 'E08000015', 'place', '2024-09', 1000, 10000),
    ];
    const c = await compareAreas({ indicator: PREVALENCE, values, level: 'places', footprint });
    expect(c.rows.map((r) => r.comparison)).toEqual(['Higher', 'Lower']);
  });

  it('puts crude-rate places at their derived denominator on an exact Poisson funnel', async () => {
    const values = [
      counted(ADMISSIONS, CM, 'footprint', '2024-09', 9000, 1_000_000),
      counted(ADMISSIONS, 'E08000012', 'place', '2024-09', 4400, 400_000),
      counted(ADMISSIONS, 'E08000015', 'place', '2024-09', 2400, 300_000),
      counted(ADMISSIONS, 'E08000014', 'place', '2024-09', 2200, 300_000),
    ];
    const c = await compareAreas({ indicator: ADMISSIONS, values, level: 'places', footprint });
    expect(c.funnel!.statistic).toBe('rate');
    expect(c.funnel!.average).toBeCloseTo(9, 10);
    const byName = new Map(c.rows.map((r) => [r.area.name, r]));
    expect(byName.get('Liverpool')!.funnelX).toBeCloseTo(400_000, 6);
    // Liverpool: 11 per 1,000 against 9: worse (lower is good) and high on the funnel.
    expect(byName.get('Liverpool')).toMatchObject({ comparison: 'Worse', significance: 'High (0.001)', limitsComputed: true });
    expect(byName.get('Sefton')!.comparison).toBe('Better');
    const labels = funnelSignificance(
      [4400, 2200, 2400].map((n, i) => ({ numerator: n, rate: (n / [400_000, 300_000, 300_000][i]) * 1000, denominator: [400_000, 300_000, 300_000][i] })),
      { statistic: 'rate', rateType: 'crude', multiplier: 1000 },
    );
    expect(c.rows.map((r) => r.significance)).toEqual(labels);
  });

  it('compares a mean by interval only, without a funnel, and says why', async () => {
    const values = [value(FINANCE.id, CM, 'footprint', '2024-09', -2, { lower95: -3, upper95: -1 })];
    const c = await compareAreas({ indicator: FINANCE, values, level: 'footprints', footprint });
    expect(c.funnel).toBeNull();
    expect(c.notes.join(' ')).toContain('funnels are drawn for proportions, rates and ratios, and Spending against the system financial plan is a mean');
    expect(c.notes).toContain('Only one footprint has values: footprints are compared where more than one is imported.');
    expect(c.rows[0].comparison).toBe('Not compared');
  });
});

describe('comparing practices and footprints', () => {
  const practices = [
    value(HTN.id, CM, 'footprint', '2024-09', 60, { lower95: 59, upper95: 61 }),
    counted(HTN, 'N82001', 'practice', '2024-09', 700, 1000),
    counted(HTN, 'N82002', 'practice', '2024-09', 590, 1000),
    counted(HTN, 'N85001', 'practice', '2024-09', 500, 1000),
    counted(HTN, 'Y99999', 'practice', '2024-09', 500, 1000),
  ];
  const practicePlaces = new Map([
    ['N82001', 'E08000012'],
    ['N82002', 'E08000012'],
    ['N85001', 'E08000015'],
  ]);
  const names = new Map([['N82001', 'Riverside Surgery']]);

  it('compares the practices of one place with the footprint', async () => {
    const c = await compareAreas({ indicator: HTN, values: practices, level: 'practices', place: 'E08000012', footprint, practicePlaces, names });
    expect(c.place).toEqual({ code: 'E08000012', name: 'Liverpool' });
    expect(c.rows.map((r) => [r.area.code, r.area.name, r.comparison])).toEqual([
      ['N82002', 'N82002', 'Similar'],
      ['N82001', 'Riverside Surgery', 'Better'],
    ]);
    // Every practice of the footprint's places, without one: not the practice with no place.
    const all = await compareAreas({ indicator: HTN, values: practices, level: 'practices', footprint, practicePlaces });
    expect(all.rows.map((r) => r.area.code).sort()).toEqual(['N82001', 'N82002', 'N85001']);
  });

  it('compares footprints with England where imported', async () => {
    const values = [
      value(HTN.id, 'E92000001', 'england', '2024-09', 62, { lower95: 61.9, upper95: 62.1 }),
      value(HTN.id, CM, 'footprint', '2024-09', 60, { lower95: 59.5, upper95: 60.5, numerator: 6000, denominator: 10000 }),
      value(HTN.id, 'E54000048', 'footprint', '2024-09', 64, { lower95: 63.5, upper95: 64.5, numerator: 6400, denominator: 10000 }),
    ];
    const c = await compareAreas({ indicator: HTN, values, level: 'footprints', footprint, names: new Map([['E54000048', 'Lancashire and South Cumbria']]) });
    expect(c.benchmark).toMatchObject({ code: 'E92000001', name: 'England', value: 62 });
    expect(c.rows.map((r) => [r.area.name, r.comparison, r.limitsComputed])).toEqual([
      ['Cheshire and Merseyside', 'Worse', false],
      ['Lancashire and South Cumbria', 'Better', false],
    ]);
    expect(c.funnel!.average).toBeCloseTo(62, 10);
    const noEngland = await compareAreas({ indicator: HTN, values: values.slice(1), level: 'footprints', footprint });
    expect(noEngland.benchmark).toBeNull();
    expect(noEngland.rows.every((r) => r.comparison === 'Not compared')).toBe(true);
    expect(noEngland.notes[0]).toBe('No England value for 2024-09 is imported, so footprints are not compared with a benchmark.');
  });

  it('refuses a bad level, period or place precisely', async () => {
    const attempt = (over: Record<string, unknown>) => compareAreas({ indicator: HTN, values: practices, level: 'places', footprint, ...over } as Parameters<typeof compareAreas>[0]);
    await expect(attempt({ level: 'regions' })).rejects.toThrow('level must be one of places, practices, footprints (got "regions")');
    await expect(attempt({ period: '2024-9' })).rejects.toThrow('period must be a month YYYY-MM (got "2024-9")');
    await expect(attempt({ place: 'E08000012' })).rejects.toThrow('place= narrows practices only');
    const error = await attempt({ level: 'practices', place: 'E06000049' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComparisonInputError);
    expect((error as ComparisonInputError).status).toBe(404);
    expect((error as Error).message).toBe('E06000049 is not a place of Cheshire and Merseyside');
  });

  it('says so when nothing has values for the period', async () => {
    const c = await compareAreas({ indicator: HTN, values: practices, level: 'places', footprint, period: '2020-01' });
    expect(c.rows).toEqual([]);
    expect(c.funnel).toBeNull();
    expect(c.notes).toContain('No places have values for 2020-01.');
  });
});
