import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestPartnership } from '@footprint/partnership';
import { IndicatorValueStore, type IndicatorValue } from '@footprint/performance';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { seedRatings } from '../src/api/performance/seed-ratings';
import { startTestServer, storageKinds, type TestServer } from './support';

type Who = { cookie: string; csrf: string };
const URL = '/api/performance/ratings';

const value = (indicatorId: string, areaCode: string, areaType: IndicatorValue['areaType'], period: string, v: number): IndicatorValue => ({
  indicatorId, areaCode, areaType, period, breakdown: '', value: v, numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false,
});

/** The ratings API with real sessions on real PostgreSQL: published beside computed, the league table, recording and refusing. */
describe.each(storageKinds)('the progress ratings API on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let clinician: Who;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    expect(await seedPartnershipDemo(server.platform)).toBe(true);
    await seedRatings(server.platform);
    await seedRatings(server.platform);
    const organisation = { code: 'QYG', name: 'Cheshire and Merseyside Health and Care Partnership', reference: 'Organization/org-QYG' };
    await upsertUser(server.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation });
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation });
    lead = await signIn('lead', 'lead password');
    clinician = await signIn('gp', 'gp password');
    const values = new IndicatorValueStore(server.platform.sql);
    await values.upsert([
      // The footprint: an older, worse A&E month and the latest; finance in deficit.
      value('ae-four-hour-performance', 'E54000008', 'footprint', '2026-09', 60),
      value('ae-four-hour-performance', 'E54000008', 'footprint', '2026-10', 91),
      value('rtt-18-weeks', 'E54000008', 'footprint', '2026-10', 81),
      value('finance-against-plan', 'E54000008', 'footprint', '2026-10', -12),
      value('hypertension-treated-to-target', 'E54000008', 'footprint', '2026-10', 85),
      // Two places of the footprint (Liverpool, Wirral) and one elsewhere (Blackpool), which is left out.
      value('hypertension-treated-to-target', 'E08000012', 'place', '2026-10', 65),
      value('hypertension-treated-to-target', 'E08000015', 'place', '2026-10', 75),
      value('hypertension-treated-to-target', 'E06000009', 'place', '2026-10', 99),
    ]);
  }, 300_000);
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const problem = (response: Awaited<ReturnType<typeof call>>, status: number) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json() as { title: string; detail?: string };
  };

  it('shows the published ratings with their source beside the engines’ computed results', async () => {
    const body = (await call(clinician, 'GET', URL)).json();
    expect(body.footprint).toEqual({ code: 'E54000008', name: expect.any(String) });
    expect(body.published.footprint).toEqual([]);
    expect(body.published.england).toHaveLength(1);
    expect(body.published.england[0]).toMatchObject({ footprintCode: 'E54000048', scheme: 'stp-progress-dashboard', period: '2017-07', rating: '2', ratingLabel: 'Advanced' });
    const stp = body.computed.stp;
    expect(stp.computed).toBe(true);
    const hospital = stp.domains.find((d: { id: string }) => d.id === 'hospital-performance');
    // The latest A&E month (91, score 2), not the older 60.
    expect(hospital.items[0]).toMatchObject({ id: 'ae-four-hour-performance', value: 91, period: '2026-10', score: 2 });
    expect(stp.notes[0]).toMatch(/^Illustrative/);
    expect(body.engines.map((e: { id: string }) => e.id)).toEqual(['stp-progress-dashboard', 'nhs-oversight-framework', 'ics-maturity']);
  });

  it('compares the footprint’s own places when it is the only footprint with values, then footprints once another has them', async () => {
    let oversight = (await call(clinician, 'GET', URL)).json().computed.oversight;
    expect(oversight.comparing).toBe('places');
    expect(oversight.result).toBeNull();
    expect(oversight.reason).toMatch(/^Only 1 footprint has indicator values/);
    expect(oversight.leagueTable.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([['E08000015', 'Wirral'], ['E08000012', 'Liverpool']]);

    await new IndicatorValueStore(server.platform.sql).upsert([value('hypertension-treated-to-target', 'E54000048', 'footprint', '2026-10', 80), value('finance-against-plan', 'E54000048', 'footprint', '2026-10', 3)]);
    oversight = (await call(clinician, 'GET', URL)).json().computed.oversight;
    expect(oversight.comparing).toBe('footprints');
    expect(oversight.leagueTable.find((r: { code: string }) => r.code === 'E54000048').name).toBe('NHS Lancashire and South Cumbria Integrated Care Board');
    // Cheshire and Merseyside scores 1 on everything (A&E and RTT: only it has them; hypertension 85 beats 80): segment 1,
    // but its deficit caps it at 3. Lancashire and South Cumbria: hypertension in the third quartile of two, average 3, segment 3.
    expect(oversight.result.rating.value).toBe('3');
    expect(oversight.result.domains[1]).toMatchObject({ rating: 'applied', text: 'Spending against the system financial plan: -12 £ million is below 0, so the segment can be no better than 3: segment 1 became 3.' });
    // Both in segment 3: the better average (1 against 3) comes first.
    expect(oversight.leagueTable.map((r: { code: string; segment: number; averageScore: number; overridden: boolean }) => [r.code, r.segment, r.averageScore, r.overridden])).toEqual([['E54000008', 3, 1, true], ['E54000048', 3, 3, false]]);
  });

  it('rates the seeded demo self-assessment and records a new one, latest first', async () => {
    let maturity = (await call(clinician, 'GET', URL)).json().computed.maturity;
    expect(maturity.history).toHaveLength(1);
    expect(maturity.assessment.assessedOn).toBe('2026-11-30');
    expect(maturity.result.rating.value).toBe('developing');
    expect(maturity.result.domains.map((d: { rating: string }) => d.rating)).toEqual(['developing', 'maturing', 'developing']);

    const answers = { 'leadership-board': { answer: 'met' }, 'leadership-terms': { answer: 'met' }, 'plan-agreed': { answer: 'met' }, 'finance-control-total': { answer: 'met', evidence: 'Accepted by every board' } };
    const created = await call(lead, 'POST', `${URL}/maturity`, { assessedOn: '2026-12-01', answers });
    expect(created.statusCode).toBe(201);
    expect(created.json().result.rating.value).toBe('developing');
    maturity = (await call(clinician, 'GET', URL)).json().computed.maturity;
    expect(maturity.history.map((h: { assessedOn: string }) => h.assessedOn)).toEqual(['2026-12-01', '2026-11-30']);
    expect(maturity.result.domains[2].items[0].text).toContain('Evidence: Accepted by every board');
  });

  it('records a published rating for a partnership lead, refuses a second for the same period with 409, and a clinician with 403', async () => {
    const rating = { footprintCode: 'E54000008', footprintName: 'Cheshire and Merseyside', scheme: 'stp-progress-dashboard', period: '2017-07', rating: '3', source: 'A test citation' };
    expect(problem(await call(clinician, 'POST', `${URL}/published`, rating), 403).title).toBe('Not allowed for your role');
    const created = await call(lead, 'POST', `${URL}/published`, rating);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ratingLabel: 'Making progress', source: 'A test citation' });
    expect(problem(await call(lead, 'POST', `${URL}/published`, { ...rating, rating: '1' }), 409).detail).toContain('already recorded (3 Making progress)');
    const body = (await call(clinician, 'GET', URL)).json();
    expect(body.published.footprint.map((r: { rating: string }) => r.rating)).toEqual(['3']);
  });

  it('answers bad input with 400 and precise messages, writing nothing', async () => {
    const bad = problem(await call(lead, 'POST', `${URL}/published`, { footprintCode: 'E54000008', footprintName: 'C&M', scheme: 'league', period: '2017-13', rating: '2', source: 'x' }), 400);
    expect(bad.title).toBe('Published rating not recorded');
    expect(bad.detail).toBe('scheme: one of stp-progress-dashboard, nhs-oversight-framework, ics-maturity; period: a month YYYY-MM or a financial year YYYY/YY, got "2017-13"');
    expect(problem(await call(lead, 'POST', `${URL}/published`, ['x']), 400).detail).toBe('the body must be a JSON object');
    const maturity = problem(await call(lead, 'POST', `${URL}/maturity`, { assessedOn: 'yesterday', answers: { 'plan-agreed': { answer: 'maybe' } } }), 400);
    expect(maturity.detail).toBe('assessedOn: a date YYYY-MM-DD; answers.plan-agreed.answer: must be met or not-met');
    const body = (await call(clinician, 'GET', URL)).json();
    expect(body.published.england).toHaveLength(2);
    expect(body.computed.maturity.history).toHaveLength(2);
  });
});
