import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { SEED_PLAN_IDS } from '@footprint/partnership';
import { IndicatorValueStore, type AmbitionDrillDown, type IndicatorComparison, type IndicatorSpcView, type IndicatorValue, type Scorecard } from '@footprint/performance';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from './support';

const ONS = 'http://statistics.data.gov.uk/id/statistical-geography';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const PLAN = SEED_PLAN_IDS.cheshireAndMerseyside2021;
const HTN_AMBITION = `${PLAN}-ambition-03`;
const HTN = 'hypertension-treated-to-target';
const CM = 'E54000008';
const LIVERPOOL = 'E08000012';
const WIRRAL = 'E08000015';

const v = (areaCode: string, areaType: IndicatorValue['areaType'], period: string, numerator: number, denominator: number): IndicatorValue => ({
  indicatorId: HTN, areaCode, areaType, period, breakdown: '', value: (100 * numerator) / denominator, numerator, denominator,
  lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false,
});
const months = Array.from({ length: 18 }, (_x, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
const VALUES: IndicatorValue[] = months.flatMap((period, i) => [
  v(CM, 'footprint', period, 6300 + 10 * i, 10_000),
  v(LIVERPOOL, 'place', period, 1300 + (i % 2) * 10, 2000),
  v(WIRRAL, 'place', period, 1250 + 10 * i, 2000),
]);

describe.each(storageKinds)('the scorecard and comparison API on %s', (kind) => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const body = (await platform.record.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Cheshire and Merseyside Health and Care Partnership', identifier: [{ system: ODS, value: 'QYG' }, { system: ONS, value: CM }], type: [{ coding: [{ system: KIND, code: 'partnership' }] }] })).resource;
    expect(await seedPartnershipDemo(platform)).toBe(true);
    await new IndicatorValueStore(platform.sql).upsert(VALUES);
    const at = { code: 'QYG', name: body.name!, reference: `Organization/${body.id}` };
    await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: at });
    cookie = await signIn('lead', 'lead password');
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<string> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']).split(';')[0];
  }
  const get = (url: string, as: string | null = cookie) => server.app.inject({ method: 'GET', url: `/api/performance${url}`, headers: as ? { cookie: as } : {} });

  it('answers the scorecard by gap, for the footprint and its places, and for an earlier period', async () => {
    for (const url of ['/scorecard', '/scorecard/ambitions/any', '/compare?indicator=hypertension-treated-to-target&level=places']) expect((await get(url, null)).statusCode, url).toBe(401);
    const response = await get('/scorecard');
    expect(response.statusCode).toBe(200);
    const card = response.json() as Scorecard;
    expect(card.footprint.code).toBe(CM);
    expect(card.places.map((p) => p.name)).toContain('Liverpool');
    expect(card.gaps.map((g) => g.gap)).toEqual(['health-and-wellbeing', 'care-and-quality', 'finance-and-efficiency']);
    const htn = card.gaps[0].ambitions.find((a) => a.id === HTN_AMBITION)!;
    expect(htn.footprint.latest!.period).toBe('2024-09');
    // The trajectory for 2024-09 is 66.4; the footprint reaches 64.7: off track.
    expect(htn.footprint.status).toBe('off-track');
    expect(htn.places.find((p) => p.area.code === LIVERPOOL)!.status).toBe('off-track');
    expect(card.gaps.flatMap((g) => g.ambitions)).toHaveLength(7);
    const earlier = (await get('/scorecard?period=2024-03')).json() as Scorecard;
    expect(earlier.gaps[0].ambitions.find((a) => a.id === HTN_AMBITION)!.footprint.latest!.period).toBe('2024-03');
  });

  it('drills down to one ambition’s indicators, places and links to their SPC charts', async () => {
    const response = await get(`/scorecard/ambitions/${HTN_AMBITION}`);
    expect(response.statusCode).toBe(200);
    const drill = response.json() as AmbitionDrillDown;
    expect(drill.ambition.statement).toBe('All communities supported to lead healthy lives');
    expect(drill.indicators.map((i) => i.ref.role)).toEqual(['primary', 'supporting', 'supporting']);
    const wirral = drill.indicators[0].places.find((p) => p.area.code === WIRRAL)!;
    expect(wirral.href).toBe(`/performance/indicators/${HTN}?area=${WIRRAL}&ambition=${HTN_AMBITION}`);
    // Supporting indicators' charts are judged against their own target, so they link without the ambition.
    expect(drill.indicators[1].footprint.href).toBe(`/performance/indicators/${drill.indicators[1].ref.id}?area=${CM}`);
    expect(wirral.trend.direction).toBe('improving');
    expect(wirral.variation).not.toBeNull();
  });

  it('charts the primary indicator against the ambition’s trajectory, exactly as the scorecard judges it', async () => {
    const card = (await get('/scorecard')).json() as Scorecard;
    const htn = card.gaps[0].ambitions.find((a) => a.id === HTN_AMBITION)!;
    for (const cell of [htn.footprint, htn.places.find((p) => p.area.code === WIRRAL)!]) {
      const response = await get(`/indicators/${HTN}/spc?area=${cell.area.code}&ambition=${HTN_AMBITION}`);
      expect(response.statusCode).toBe(200);
      const chart = response.json() as IndicatorSpcView;
      expect(chart.ambition).toEqual({ id: HTN_AMBITION, statement: 'All communities supported to lead healthy lives', scale: 1, scaleWords: null });
      expect(chart.unit).toBe('%');
      const points = chart.spc!.points;
      expect(points).toHaveLength(18);
      // Each point's target is the plan's interpolated trajectory: 58% in March 2021 to 70% in March 2026, a point each March.
      expect(points.find((p) => p.date === '2023-04-01')!.target).toBeCloseTo(62.8 + (65.2 - 62.8) / 12, 9);
      expect(points.at(-1)!.target).toBeCloseTo(cell.trajectory!.value, 9);
      expect(points.at(-1)!.value).toBeCloseTo(cell.latest!.value, 9);
      expect([chart.spc!.variation, chart.spc!.assurance]).toEqual([cell.variation, cell.assurance]);
    }
    // Without the ambition the chart has the catalogue's target: none for hypertension.
    const plain = (await get(`/indicators/${HTN}/spc?area=${CM}`)).json() as IndicatorSpcView;
    expect(plain.ambition).toBeNull();
    expect(plain.spc!.points.every((p) => p.target === null)).toBe(true);
    expect(plain.spc!.assurance).toBeNull();
  });

  it('refuses an ambition the plan lacks or one the indicator does not measure', async () => {
    const cases: Array<[string, number, string]> = [
      [`/indicators/${HTN}/spc?ambition=nope`, 404, 'The plan Cheshire and Merseyside Health and Care Partnership plan (2021 ambitions) has no ambition with id nope.'],
      [
        `/indicators/diabetes-treated-to-target/spc?ambition=${HTN_AMBITION}`,
        400,
        'ambition: "All communities supported to lead healthy lives" is measured by hypertension-treated-to-target, not diabetes-treated-to-target; only an ambition\'s primary indicator is charted against its trajectory.',
      ],
      [`/indicators/${HTN}/spc?ambition=%20x`, 400, "ambition: ' x' is not an ambition id (the scorecard links to each ambition's chart)"],
      [`/indicators/${HTN}/spc?ambition=${HTN_AMBITION}&ambition=${HTN_AMBITION}`, 400, 'ambition is given more than once.'],
    ];
    for (const [url, status, detail] of cases) {
      const response = await get(url);
      expect([url, response.statusCode, response.json().detail]).toEqual([url, status, detail]);
    }
  });

  it('compares places on a funnel and against the footprint', async () => {
    const response = await get(`/compare?indicator=${HTN}&level=places&period=2024-09`);
    expect(response.statusCode).toBe(200);
    const c = response.json() as IndicatorComparison;
    expect(c.benchmark).toMatchObject({ code: CM, type: 'footprint' });
    expect(c.rows.map((r) => [r.area.name, r.comparison])).toEqual([
      ['Liverpool', 'Similar'],
      ['Wirral', 'Better'],
    ]);
    expect(c.funnel!.statistic).toBe('proportion');
    expect(c.rows.every((r) => r.significance !== null)).toBe(true);
    // No warehouse: practices cannot be put in places, so every practice value (none here) is shown.
    const practices = (await get(`/compare?indicator=${HTN}&level=practices&place=${LIVERPOOL}`)).json() as IndicatorComparison;
    expect(practices.rows).toEqual([]);
  });

  it('answers bad and unknown queries with precise problems', async () => {
    const cases: Array<[string, number, string]> = [
      ['/scorecard?period=2024-9', 400, 'period must be a month YYYY-MM (got "2024-9")'],
      ['/scorecard?period=2024-01&period=2024-02', 400, 'period must be given once, as a month YYYY-MM.'],
      ['/scorecard/ambitions/nope', 404, 'The plan Cheshire and Merseyside Health and Care Partnership plan (2021 ambitions) has no ambition with id nope.'],
      ['/compare?level=places', 400, 'indicator is required: the id of an indicator of the catalogue.'],
      [`/compare?indicator=${HTN}`, 400, 'level is required: one of places, practices, footprints.'],
      [`/compare?indicator=nope&level=places`, 404, 'The catalogue has no indicator with id nope.'],
      [`/compare?indicator=${HTN}&level=regions`, 400, 'level must be one of places, practices, footprints (got "regions")'],
      [`/compare?indicator=${HTN}&level=places&period=last`, 400, 'period must be a month YYYY-MM (got "last")'],
      [`/compare?indicator=${HTN}&level=practices&place=E06000001`, 404, 'E06000001 is not a place of Cheshire and Merseyside Health and Care Partnership'],
      [`/compare?indicator=${HTN}&level=places&area=x`, 400, 'Unknown parameter area: give indicator, level, and optionally period and place.'],
    ];
    for (const [url, status, detail] of cases) {
      const response = await get(url);
      expect([url, response.statusCode, response.json().detail, response.headers['content-type']]).toEqual([url, status, detail, 'application/problem+json; charset=utf-8']);
    }
  });
});
